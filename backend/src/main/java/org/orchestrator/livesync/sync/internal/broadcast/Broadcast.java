package org.orchestrator.livesync.sync.internal.broadcast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running broadcast: each peer's state, and the events so far, numbered so that a
 * reader polls what came after the last one it saw.
 */
final class Broadcast {

	private final String id;

	private final String direction;

	private final boolean dryRun;

	private final String startedBy;

	private final Instant startedAt;

	private final Map<String, BroadcastView.PeerResult> peers = new LinkedHashMap<>();

	private final List<BroadcastEvent> events = new ArrayList<>();

	private Instant finishedAt;

	Broadcast(String id, List<String> peers, String direction, boolean dryRun, String startedBy, Instant startedAt) {
		this.id = id;
		this.direction = direction;
		this.dryRun = dryRun;
		this.startedBy = startedBy;
		this.startedAt = startedAt;
		peers.forEach((peer) -> this.peers.put(peer, new BroadcastView.PeerResult(peer, "pending", null, null, null)));
	}

	String id() {
		return this.id;
	}

	synchronized void update(BroadcastView.PeerResult result) {
		this.peers.put(result.peer(), result);
		this.events.add(new BroadcastEvent.Peer(result));
	}

	synchronized void progress(BroadcastEvent.Progress progress) {
		this.events.add(progress);
	}

	synchronized void finish(Instant at) {
		this.finishedAt = at;
		List<BroadcastView.PeerResult> results = List.copyOf(this.peers.values());
		long completed = results.stream().filter((peer) -> "completed".equals(peer.status())).count();
		this.events.add(new BroadcastEvent.Finished(completed, results.size() - completed, results));
	}

	/** The events after the first {@code seen}. */
	synchronized List<BroadcastEvent> since(int seen) {
		return List.copyOf(this.events.subList(Math.min(seen, this.events.size()), this.events.size()));
	}

	synchronized BroadcastView view() {
		List<BroadcastView.PeerResult> results = List.copyOf(this.peers.values());
		String status = (this.finishedAt == null) ? "running"
				: results.stream().allMatch((peer) -> "completed".equals(peer.status())) ? "completed" : "failed";
		return new BroadcastView(this.id, status, this.direction, this.dryRun, this.startedBy, this.startedAt,
				this.finishedAt, results);
	}

}
