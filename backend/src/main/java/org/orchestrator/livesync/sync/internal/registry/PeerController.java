package org.orchestrator.livesync.sync.internal.registry;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.audit.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registered remotes, picked by name by sessions, the UI and the CLI. */
@Tag(name = "Sync", description = "Live Sync between servers, driven by the operator")
@RestController
@RequestMapping("/api/v1/sync/peers")
class PeerController {

	private final PeerService peers;

	private final AuditLog audit;

	PeerController(PeerService peers, AuditLog audit) {
		this.peers = peers;
		this.audit = audit;
	}

	@Operation(summary = "The registered peers, by name")
	@GetMapping
	Flux<PeerView> list() {
		return this.peers.list();
	}

	@Operation(summary = "Register a peer")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ResponseEntity<PeerView>> create(@RequestBody CreatePeerRequest request, Principal operator,
			ServerHttpRequest http) {
		return this.peers
			.create(request.name(), new PeerService.Settings(request.url(), request.fingerprint(), request.password()))
			.flatMap((peer) -> saved(peer, request.password(), operator, http))
			.map((peer) -> ResponseEntity.created(URI.create("/api/v1/sync/peers/" + peer.name())).body(peer));
	}

	@Operation(summary = "A peer, with its last contact, replication state and last job")
	@GetMapping("/{name}")
	Mono<PeerView> get(@PathVariable String name) {
		return this.peers.get(name);
	}

	@Operation(summary = "Replace a peer's URL, pinned certificate and sync password",
			description = "A password left out keeps the stored one; an empty one removes it.")
	@PutMapping("/{name}")
	Mono<PeerView> update(@PathVariable String name, @RequestBody UpdatePeerRequest request, Principal operator,
			ServerHttpRequest http) {
		return this.peers
			.update(name, new PeerService.Settings(request.url(), request.fingerprint(), request.password()))
			.flatMap((peer) -> saved(peer, request.password(), operator, http));
	}

	@Operation(summary = "Forget a peer (its jobs, history and replication state stay)")
	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String name, Principal operator, ServerHttpRequest http) {
		return this.peers.delete(name)
			.then(this.audit.recordQuietly(AuditLog.Action.PEER_REMOVED, actor(operator), AuditLog.client(http),
					Map.of("name", name)));
	}

	private Mono<PeerView> saved(PeerView peer, @Nullable String password, Principal operator, ServerHttpRequest http) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", peer.name());
		details.put("url", peer.url());
		if (peer.fingerprint() != null) {
			details.put("fingerprint", peer.fingerprint());
		}
		// Whether the password changed, never the password.
		details.put("password", (password == null) ? "kept" : password.isEmpty() ? "none" : "set");
		return this.audit.recordQuietly(AuditLog.Action.PEER_SAVED, actor(operator), AuditLog.client(http), details)
			.thenReturn(peer);
	}

	private static @Nullable String actor(@Nullable Principal operator) {
		return (operator != null) ? operator.getName() : null;
	}

	record CreatePeerRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "production-eu",
					description = "1 to 63 lower-case letters, digits and hyphens") String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					example = "https://sync.eu.example.com:5000") String url,
			@Schema(description = "pins the peer's certificate: SHA-256 of its DER encoding, 64 hex digits with or "
					+ "without colons; only with an https:// url") @Nullable String fingerprint,
			@Schema(description = "the peer's SYNC_PASSWORD, when it is not this server's; stored encrypted, "
					+ "never returned") @Nullable String password) {

		@Override
		public String toString() {
			return "CreatePeerRequest[" + this.name + ", " + this.url + ", password=<redacted>]";
		}

	}

	record UpdatePeerRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					example = "https://sync.eu.example.com:5000") String url,
			@Nullable String fingerprint,
			@Schema(description = "the peer's SYNC_PASSWORD: left out keeps the stored one, \"\" removes it") @Nullable String password) {

		@Override
		public String toString() {
			return "UpdatePeerRequest[" + this.url + ", password=<redacted>]";
		}

	}

}
