package org.orchestrator.livesync.inventory.internal.configuration;

import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.inventory.internal.JsonObjects;

/**
 * A YAML configuration file, playbook or template, identified across servers by its name.
 */
public record Configuration(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ingress-values") String name,
		@Schema(description = "default config", allowableValues = {
				"config", "playbook", "template" }) String kind,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "YAML text, validated on write",
				example = "replicas: 3\n") String content,
		@Schema(description = "free-form settings") Map<String, Object> settings)
		implements
			InventoryItem<Configuration>{

	static final Set<String> KINDS = Set.of("config", "playbook", "template");

	static final int MAX_CONTENT = 1024 * 1024;

	/**
	 * This configuration with defaults filled in; the content is kept exactly as written.
	 */
	@Override
	public String naturalKey() {
		return this.name;
	}

	@Override
	public Configuration normalized() {
		return new Configuration(this.name, (this.kind != null) ? this.kind : "config", this.content,
				JsonObjects.normal(this.settings));
	}

	@Override
	public void validate(Violations violations) {
		if (violations.required(this.name, "name")) {
			violations.check(Formats.isName(this.name), "name", "must be " + Formats.NAME_RULE);
		}
		boolean kindValid = violations.check(this.kind == null || KINDS.contains(this.kind), "kind",
				"must be one of " + KINDS);
		if (violations.check(this.content != null, "content", "is required")) {
			if (violations.check(this.content.length() <= MAX_CONTENT, "content",
					"must be at most " + MAX_CONTENT + " characters")) {
				String problem = kindValid ? YamlContent.problem(this.content, this.kind) : null;
				violations.check(problem == null, "content", problem);
			}
		}
		JsonObjects.check(this.settings, "settings", violations);
	}

}
