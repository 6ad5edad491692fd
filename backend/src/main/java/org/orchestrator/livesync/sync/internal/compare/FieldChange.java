package org.orchestrator.livesync.sync.internal.compare;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * One field that differs: its dotted path ({@code hardware.cpu}) and the value on each
 * side.
 */
public record FieldChange(@Schema(example = "ip") String field,
		@Schema(description = "this server's value; null when absent", example = "192.168.1.11") JsonNode local,
		@Schema(description = "the peer's value; null when absent", example = "192.168.1.12") JsonNode remote) {
}
