package org.orchestrator.livesync.inventory.internal.sshkey;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.Violations;

/**
 * An SSH key pair, identified across servers by its name. {@code private_key} is
 * write-only: it is accepted here, stored encrypted, and never returned by the API.
 */
public record SshKey(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "deploy") String name, @Schema(
		requiredMode = Schema.RequiredMode.REQUIRED,
		example = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@example") String publicKey,
		@Schema(description = "write-only; omit on update to keep the stored one",
				accessMode = Schema.AccessMode.WRITE_ONLY) String privateKey,
		@Schema(description = "where the key lives on the orchestrator host",
				example = "~/.ssh/id_ed25519") String path)
		implements
			InventoryItem<SshKey> {

	static final int MAX_PRIVATE_KEY = 16 * 1024;

	/** This key with values in normal form; call after {@link #validate}. */
	@Override
	public String naturalKey() {
		return this.name;
	}

	@Override
	public SshKey normalized() {
		return new SshKey(this.name, SshKeyFormats.parsePublicKey(this.publicKey).line(),
				(this.privateKey != null) ? SshKeyFormats.normalPrivateKey(this.privateKey) : null,
				(this.path == null || this.path.isBlank()) ? null : this.path.strip());
	}

	/** The {@code ssh-keygen -l} fingerprint of the public key; valid keys only. */
	public String fingerprint() {
		return SshKeyFormats.parsePublicKey(this.publicKey).fingerprint();
	}

	@Override
	public void validate(Violations violations) {
		if (violations.required(this.name, "name")) {
			violations.check(Formats.isName(this.name), "name", "must be " + Formats.NAME_RULE);
		}
		SshKeyFormats.PublicKey parsed = null;
		if (violations.required(this.publicKey, "public_key")) {
			parsed = SshKeyFormats.parsePublicKey(this.publicKey);
			violations.check(parsed != null, "public_key",
					"must be an OpenSSH public key line such as 'ssh-ed25519 AAAA... comment'");
		}
		if (this.privateKey != null) {
			boolean wellFormed = violations.check(
					this.privateKey.length() <= MAX_PRIVATE_KEY && SshKeyFormats.looksLikePrivateKey(this.privateKey),
					"private_key", "must be a private key file ('-----BEGIN ... PRIVATE KEY-----')");
			String problem = wellFormed ? PrivateKeyFormats.problem(this.privateKey, parsed) : null;
			violations.check(problem == null, "private_key", problem);
		}
		violations.check(
				this.path == null
						|| (this.path.length() <= 4096 && !this.path.contains("\n") && !this.path.contains("\0")),
				"path", "must be one line of at most 4096 characters");
	}

	/**
	 * The private key replaced by its fingerprint (as {@link SshKeyService} reads it for
	 * a peer), so a changed private key shows as a changed fingerprint and nothing more.
	 */
	@Override
	public ObjectNode peerView() {
		ObjectNode content = CanonicalJson.tree(new SshKey(this.name, this.publicKey, null, this.path));
		content.put("fingerprint", fingerprint());
		if (this.privateKey != null) {
			content.put("private_key_fingerprint", SshKeyFormats.privateKeyFingerprint(this.privateKey));
		}
		return content;
	}

	@Override
	public String toString() {
		return "SshKey[name=" + this.name + ", privateKey=" + ((this.privateKey != null) ? "<redacted>" : "none") + "]";
	}

}
