package org.orchestrator.livesync.sync.internal.transfer;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * What this server had of each item of a pull when the job decided to take it, looked up
 * a batch at a time as the package is applied: the package applies an item only if this
 * server still has that. An item missing from the answer was not asked for.
 */
@FunctionalInterface
public interface PulledExpectations {

	Mono<Map<ItemKey, String>> of(List<ItemKey> keys);

}
