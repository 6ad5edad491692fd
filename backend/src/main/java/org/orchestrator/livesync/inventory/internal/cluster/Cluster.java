package org.orchestrator.livesync.inventory.internal.cluster;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.inventory.internal.JsonObjects;

/**
 * A MicroK8s cluster and the nodes assigned to it, identified across servers by its name.
 */
public record Cluster(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "production") String name,
		String description, @Schema(description = "default false") Boolean haEnabled,
		@Schema(description = "free-form cluster settings, e.g. {\"addons\": [\"dns\"]}") Map<String, Object> settings,
		@Schema(description = "node assignments; each node belongs to one cluster at most") List<Member> nodes)
		implements
			InventoryItem<Cluster> {

	static final Set<String> ROLES = Set.of("control-plane", "worker");

	static final int MAX_NODES = 5000;

	/**
	 * This cluster with defaults filled in and members sorted; call after
	 * {@link #validate}.
	 */
	@Override
	public String naturalKey() {
		return this.name;
	}

	@Override
	public Cluster normalized() {
		List<Member> members = (this.nodes != null)
				? this.nodes.stream().map(Member::normalized).sorted(Comparator.comparing(Member::hostname)).toList()
				: List.of();
		return new Cluster(this.name,
				(this.description == null || this.description.isBlank()) ? null : this.description,
				(this.haEnabled != null) ? this.haEnabled : false, JsonObjects.normal(this.settings), members);
	}

	@Override
	public void validate(Violations violations) {
		if (violations.required(this.name, "name")) {
			violations.check(Formats.isName(this.name), "name", "must be " + Formats.NAME_RULE);
		}
		violations.check(this.description == null || this.description.length() <= 2000, "description",
				"must be at most 2000 characters");
		JsonObjects.check(this.settings, "settings", violations);
		if (this.nodes == null) {
			return;
		}
		if (!violations.check(this.nodes.size() <= MAX_NODES, "nodes", "must list at most " + MAX_NODES + " nodes")) {
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < this.nodes.size(); i++) {
			Member member = this.nodes.get(i);
			Violations at = violations.nested("nodes[" + i + "]");
			if (member == null) {
				at.add("hostname", "is required");
				continue;
			}
			if (at.required(member.hostname(), "hostname")
					&& at.check(Formats.isHostname(member.hostname()), "hostname", "must be a node's host name")) {
				at.check(seen.add(member.hostname()), "hostname", "is listed twice");
			}
			at.check(member.role() == null || ROLES.contains(member.role()), "role", "must be one of " + ROLES);
		}
	}

	/** A node's place in the cluster. */
	public record Member(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "node-01") String hostname,
			@Schema(description = "default control-plane (what microk8s join makes a node)", allowableValues = {
					"control-plane", "worker" }) String role){

		Member normalized() {
			return new Member(this.hostname, (this.role != null) ? this.role : "control-plane");
		}

	}

}
