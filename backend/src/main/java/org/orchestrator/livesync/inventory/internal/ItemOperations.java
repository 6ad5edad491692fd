package org.orchestrator.livesync.inventory.internal;

import reactor.core.publisher.Mono;

/** What the API can do with one kind of item {@code I}, answered as views {@code V}. */
public interface ItemOperations<I, V> {

	Mono<Page<V>> list(PageQuery query);

	Mono<V> get(String key);

	Mono<V> create(I item);

	Mono<V> replace(String key, I item);

	Mono<Void> delete(String key);

	/** The natural key of a view, for the {@code Location} of a created item. */
	String keyOf(V view);

}
