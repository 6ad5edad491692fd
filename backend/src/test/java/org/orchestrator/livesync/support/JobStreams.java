package org.orchestrator.livesync.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/** A sync job's event stream, read as a client reads it. */
public final class JobStreams {

	private JobStreams() {
	}

	/** The status each item event gave its item, by key (the last one, if several). */
	public static java.util.Map<String, String> itemStatuses(List<ServerSentEvent<JsonNode>> events) {
		java.util.Map<String, String> statuses = new java.util.HashMap<>();
		events.stream()
			.filter((event) -> "item".equals(event.event()))
			.forEach(
					(event) -> statuses.put(event.data().get("key").asString(), event.data().get("status").asString()));
		return statuses;
	}

	/**
	 * Every named event of the job on {@code server}, until the server closes the stream.
	 */
	public static List<ServerSentEvent<JsonNode>> events(TestServer server, String job) {
		return events(server, job, null);
	}

	/**
	 * The same for a client that reconnects after the event {@code lastEventId} (null: a
	 * first connection).
	 */
	public static List<ServerSentEvent<JsonNode>> events(TestServer server, String job, String lastEventId) {
		return stream(server, "/api/v1/sync/jobs/" + job + "/events", lastEventId);
	}

	/**
	 * Every named event of the stream at {@code uri} (after {@code lastEventId}, unless
	 * null), until the server closes it.
	 */
	public static List<ServerSentEvent<JsonNode>> stream(TestServer server, String uri, String lastEventId) {
		List<ServerSentEvent<JsonNode>> events = new ArrayList<>();
		StepVerifier.create(server.operator().get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM).headers((headers) -> {
			if (lastEventId != null) {
				headers.set("Last-Event-ID", lastEventId);
			}
		}).exchange().expectStatus().isOk().returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
		}).getResponseBody().filter((event) -> event.event() != null))
			.recordWith(() -> events)
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(Duration.ofSeconds(60));
		return events;
	}

}
