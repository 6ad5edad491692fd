package org.orchestrator.livesync.sync.internal.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * One field that differs: its dotted path ({@code hardware.cpu}, or
 * {@code nodes[node-07]} for a cluster member) and the value on each side. When the base
 * content of the last sync is known, also its value there, which side changed it since,
 * and whether that makes it a conflict (changed on both sides, differently).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldChange(@Schema(example = "ip") String field,
		@Schema(description = "this server's value; null when absent", example = "192.168.1.11") JsonNode local,
		@Schema(description = "the peer's value; null when absent", example = "192.168.1.12") JsonNode remote,
		@Schema(description = "the value at the last sync; null when absent or unknown",
				example = "192.168.1.10") JsonNode base,
		@Schema(description = "which side changed the field since the last sync; absent when unknown",
				allowableValues = {
						"local", "remote", "both" }) String changedOn,
		@Schema(description = "changed on both sides, differently: a decision is needed") Boolean conflict){

	/** A field that differs, with nothing known of its past. */
	public FieldChange(String field, JsonNode local, JsonNode remote) {
		this(field, local, remote, null, null, null);
	}

}
