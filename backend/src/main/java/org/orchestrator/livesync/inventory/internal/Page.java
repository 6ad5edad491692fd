package org.orchestrator.livesync.inventory.internal;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One page of a list, in the order of the natural key. {@code total} counts all matches.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public static <T> Mono<Page<T>> of(Flux<T> items, Mono<Long> total, PageQuery query) {
		return items.collectList().zipWith(total, (list, count) -> new Page<>(list, query.page(), query.size(), count));
	}

}
