package org.orchestrator.livesync.support;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions and jobs as an operator drives them through the API of one server. */
public final class SyncJobs {

	private SyncJobs() {
	}

	/**
	 * A new session of {@code server} with the remote at {@code remoteUrl}, as created.
	 */
	public static JsonNode session(TestServer server, String remoteUrl) {
		return session(server, Map.of("remote_url", remoteUrl));
	}

	/**
	 * A new session of {@code server} ({@code request} as {@code POST /sync/sessions}
	 * takes it).
	 */
	public static JsonNode session(TestServer server, Map<String, ?> request) {
		return server.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** Starts a job ({@code request} as {@code POST /sync/jobs} takes it); its id. */
	public static String start(TestServer server, Map<String, ?> request) {
		return server.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("job_id")
			.asString();
	}

	/** Starts a job and reads its events to its end, which must be {@code completed}. */
	public static List<ServerSentEvent<JsonNode>> complete(TestServer server, Map<String, ?> request) {
		return completed(JobStreams.events(server, start(server, request)));
	}

	/** Runs a job to its end, which must be {@code completed}; its id. */
	public static String completeJob(TestServer server, Map<String, ?> request) {
		String job = start(server, request);
		completed(JobStreams.events(server, job));
		return job;
	}

	private static List<ServerSentEvent<JsonNode>> completed(List<ServerSentEvent<JsonNode>> events) {
		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).as("%s", end.data()).isEqualTo("completed");
		return events;
	}

	/** Starts a job and reads its events to its end. */
	public static List<ServerSentEvent<JsonNode>> run(TestServer server, Map<String, ?> request) {
		return JobStreams.events(server, start(server, request));
	}

}
