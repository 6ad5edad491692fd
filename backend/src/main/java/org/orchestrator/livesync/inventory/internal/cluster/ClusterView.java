package org.orchestrator.livesync.inventory.internal.cluster;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.orchestrator.livesync.inventory.internal.ItemMeta;

/** A stored cluster as the API returns it. */
public record ClusterView(String name, @Nullable String description, boolean haEnabled,
		@Nullable Map<String, Object> settings, List<Cluster.Member> nodes, String contentHash, long changeSeq,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	static ClusterView of(Cluster cluster, ItemMeta meta) {
		return new ClusterView(cluster.name(), cluster.description(), cluster.haEnabled(), cluster.settings(),
				cluster.nodes(), meta.contentHash(), meta.changeSeq(), meta.createdAt(), meta.updatedAt());
	}

}
