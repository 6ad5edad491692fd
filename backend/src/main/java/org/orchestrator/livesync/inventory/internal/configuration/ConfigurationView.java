package org.orchestrator.livesync.inventory.internal.configuration;

import java.time.OffsetDateTime;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.orchestrator.livesync.inventory.internal.ItemMeta;

/** A stored configuration as the API returns it. */
public record ConfigurationView(String name, @Schema(allowableValues = {
		"config", "playbook", "template" }) String kind, String content, @Nullable Map<String, Object> settings,
		String contentHash, long changeSeq, OffsetDateTime createdAt, OffsetDateTime updatedAt){

	static ConfigurationView of(Configuration configuration, ItemMeta meta) {
		return new ConfigurationView(configuration.name(), configuration.kind(), configuration.content(),
				configuration.settings(), meta.contentHash(), meta.changeSeq(), meta.createdAt(), meta.updatedAt());
	}

}
