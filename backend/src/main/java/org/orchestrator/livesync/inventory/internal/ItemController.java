package org.orchestrator.livesync.inventory.internal;

import java.net.URI;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * The REST shape every kind of item shares: list with paging and search, create, read,
 * replace and delete, each item addressed by its natural key.
 */
public abstract class ItemController<I, V> {

	private final ItemOperations<I, V> items;

	protected ItemController(ItemOperations<I, V> items) {
		this.items = items;
	}

	@GetMapping
	Mono<Page<V>> list(
			@Parameter(description = "page number, from 0",
					schema = @Schema(type = "integer", format = "int32", minimum = "0",
							defaultValue = "0")) @RequestParam(required = false) Integer page,
			@Parameter(description = "items per page",
					schema = @Schema(type = "integer", format = "int32", minimum = "1",
							maximum = "" + PageQuery.MAX_SIZE)) @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String search) {
		return Mono.fromCallable(() -> PageQuery.of(page, size, search)).flatMap(this.items::list);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ResponseEntity<V>> create(@RequestBody I item, ServerWebExchange exchange) {
		String base = exchange.getRequest().getPath().pathWithinApplication().value();
		return this.items.create(item)
			.map((created) -> ResponseEntity.created(URI.create(base + "/" + this.items.keyOf(created))).body(created));
	}

	@GetMapping("/{key}")
	Mono<V> get(@PathVariable String key) {
		return this.items.get(key);
	}

	@PutMapping("/{key}")
	Mono<V> replace(@PathVariable String key, @RequestBody I item) {
		return this.items.replace(key, item);
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String key) {
		return this.items.delete(key);
	}

}
