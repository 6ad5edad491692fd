package org.orchestrator.livesync.sync.internal.broadcast;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** What a broadcast's event stream says: each peer's state and progress, then the end. */
public sealed interface BroadcastEvent {

	@JsonProperty(value = "type", index = 0)
	@Schema(requiredMode = Schema.RequiredMode.REQUIRED)
	default String type() {
		return typeOf(getClass());
	}

	/** The type of an event class: its simple name in lower case ({@code finished}). */
	static String typeOf(Class<?> eventClass) {
		return eventClass.getSimpleName().toLowerCase(Locale.ROOT);
	}

	/** A peer's job changed state (see {@link BroadcastView.PeerResult}). */
	@Schema(name = "BroadcastPeer")
	record Peer(BroadcastView.PeerResult peer) implements BroadcastEvent {
	}

	/** Progress of one peer's job. */
	@Schema(name = "BroadcastProgress")
	record Progress(String peer, long done, long total, long bytes) implements BroadcastEvent {
	}

	/** Every peer's job ended: how many completed and failed, and each peer's result. */
	@Schema(name = "BroadcastFinished")
	record Finished(long completed, long failed, List<BroadcastView.PeerResult> peers) implements BroadcastEvent {
	}

}
