package org.orchestrator.livesync.sync.internal.constraint;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

/**
 * A rule of the inventory that a sync would break on one server, found before anything is
 * applied: two nodes with one IP address, a node in two clusters, a reference to an item
 * that server would not have. {@code also_select} is the fix when there is one: the items
 * to add to the selection (per kind, as a job's selection names them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConstraintConflict(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
		"duplicate_ip", "node_in_two_clusters", "missing_reference", "broken_reference" }) String type,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "local", "remote" },
				description = "the server on which the sync would break the rule") String on,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				example = "nodes 'node-07' and 'node-12' would both have IP 10.0.0.7") String message,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ItemKey> items,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				example = "also select node 'node-12' (its IP there is another)") String fix,
		@Schema(description = "the items whose selection fixes it, per kind",
				example = "{\"nodes\": [\"node-12\"]}") Map<String, List<String>> alsoSelect){
}
