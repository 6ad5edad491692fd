package org.orchestrator.livesync.sync.internal.remote;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * One client per pinned fingerprint, each on connections of its own. Pins are few (one
 * per remote an operator pins); the least recently used beyond {@link #LIMIT} is dropped
 * and its connections closed, so that pins typed in over months hold nothing.
 */
final class PinnedClients {

	static final int LIMIT = 32;

	private final Map<String, Pinned> clients = new LinkedHashMap<>(16, 0.75f, true);

	synchronized WebClient get(String pin, Function<ConnectionProvider, WebClient> create) {
		Pinned client = this.clients.get(pin);
		if (client == null) {
			ConnectionProvider connections = ConnectionProvider.builder("live-sync-pinned")
				.maxIdleTime(Duration.ofMinutes(1))
				.build();
			client = new Pinned(create.apply(connections), connections);
			this.clients.put(pin, client);
			if (this.clients.size() > LIMIT) {
				var eldest = this.clients.entrySet().iterator();
				eldest.next().getValue().connections().disposeLater().subscribe();
				eldest.remove();
			}
		}
		return client.web();
	}

	synchronized void close() {
		this.clients.values().forEach((client) -> client.connections().dispose());
		this.clients.clear();
	}

	private record Pinned(WebClient web, ConnectionProvider connections) {
	}

}
