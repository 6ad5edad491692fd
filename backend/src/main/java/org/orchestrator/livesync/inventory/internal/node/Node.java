package org.orchestrator.livesync.inventory.internal.node;

import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.inventory.internal.JsonObjects;

/**
 * A machine the orchestrator manages: its syncable content, identified across servers by
 * its host name. This is also what clients send to create or replace a node.
 */
public record Node(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "node-01") String hostname,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "192.168.1.10") String ip,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ubuntu") String username,
		@Schema(description = "default 22") Integer sshPort,
		@Schema(description = "name of an SSH key on this server") String sshKey,
		@Schema(description = "default unknown", allowableValues = {
				"unknown", "not_installed", "installing", "installed", "running", "stopped",
				"failed" }) String microk8sStatus,
		WakeOnLan wol,
		@Schema(description = "free-form hardware facts, e.g. {\"cpu\": 8, \"memory_gb\": 32}") Map<String, Object> hardware)
		implements
			InventoryItem<Node>{

	static final Set<String> STATUSES = Set.of("unknown", "not_installed", "installing", "installed", "running",
			"stopped", "failed");

	/**
	 * This node with defaults filled in and values in normal form; call after
	 * {@link #validate}.
	 */
	@Override
	public String naturalKey() {
		return this.hostname;
	}

	@Override
	public Node normalized() {
		return new Node(this.hostname, Formats.normalIp(this.ip), this.username,
				(this.sshPort != null) ? this.sshPort : 22, blankToNull(this.sshKey),
				(this.microk8sStatus != null) ? this.microk8sStatus : "unknown",
				(this.wol != null) ? this.wol.normalized() : null, JsonObjects.normal(this.hardware));
	}

	@Override
	public void validate(Violations violations) {
		if (violations.required(this.hostname, "hostname")) {
			violations.check(Formats.isHostname(this.hostname), "hostname",
					"must be an RFC 1123 host name in lower case (letters, digits, '-' and '.'), not all digits");
		}
		if (violations.required(this.ip, "ip")) {
			violations.check(Formats.normalIp(this.ip) != null, "ip", "must be an IPv4 or IPv6 address");
		}
		if (violations.required(this.username, "username")) {
			violations.check(Formats.isUsername(this.username), "username",
					"must be a login name: lower-case letters, digits, '_', '.' or '-', at most 32");
		}
		violations.check(this.sshPort == null || Formats.isPort(this.sshPort), "ssh_port",
				"must be between 1 and 65535");
		violations.check(blankToNull(this.sshKey) == null || Formats.isName(this.sshKey), "ssh_key",
				"must be the name of an SSH key");
		violations.check(this.microk8sStatus == null || STATUSES.contains(this.microk8sStatus), "microk8s_status",
				"must be one of " + STATUSES);
		if (this.wol != null) {
			this.wol.validate(violations.nested("wol"));
		}
		JsonObjects.check(this.hardware, "hardware", violations);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * Wake-on-LAN settings: the magic packet goes to {@code mac} via
	 * {@code broadcast}:{@code port}.
	 */
	public record WakeOnLan(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "aa:bb:cc:dd:ee:01") String mac,
			@Schema(description = "default false") Boolean enabled,
			@Schema(description = "IPv4 broadcast address, default 255.255.255.255") String broadcast,
			@Schema(description = "UDP port, default 9") Integer port) {

		WakeOnLan normalized() {
			return new WakeOnLan(Formats.normalMac(this.mac), (this.enabled != null) ? this.enabled : false,
					(this.broadcast != null) ? this.broadcast : "255.255.255.255", (this.port != null) ? this.port : 9);
		}

		void validate(Violations violations) {
			if (violations.required(this.mac, "mac")) {
				violations.check(Formats.normalMac(this.mac) != null, "mac",
						"must be a MAC address such as aa:bb:cc:dd:ee:ff");
			}
			violations.check(this.broadcast == null || Formats.isIpv4(this.broadcast), "broadcast",
					"must be an IPv4 address");
			violations.check(this.port == null || Formats.isPort(this.port), "port", "must be between 1 and 65535");
		}

	}

}
