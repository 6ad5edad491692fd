package org.orchestrator.livesync.inventory;

/**
 * A number per kind of item, as in the seed's {@code applied {nodes, clusters,
 * ssh_keys}}.
 */
public record KindCounts(long nodes, long clusters, long sshKeys, long configurations) {

	public static final KindCounts ZERO = new KindCounts(0, 0, 0, 0);

	public KindCounts plus(ItemKind kind, long count) {
		return switch (kind) {
			case NODE -> new KindCounts(this.nodes + count, this.clusters, this.sshKeys, this.configurations);
			case CLUSTER -> new KindCounts(this.nodes, this.clusters + count, this.sshKeys, this.configurations);
			case SSH_KEY -> new KindCounts(this.nodes, this.clusters, this.sshKeys + count, this.configurations);
			case CONFIGURATION -> new KindCounts(this.nodes, this.clusters, this.sshKeys, this.configurations + count);
		};
	}

	public KindCounts plus(KindCounts other) {
		return new KindCounts(this.nodes + other.nodes, this.clusters + other.clusters, this.sshKeys + other.sshKeys,
				this.configurations + other.configurations);
	}

	public long total() {
		return this.nodes + this.clusters + this.sshKeys + this.configurations;
	}

}
