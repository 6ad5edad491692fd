package org.orchestrator.livesync.sync.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.Problem;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * Schedules with two real servers: a schedule every two seconds runs its jobs, goes on
 * after a restart and reports the due times the restart missed, applies nothing when it
 * must be conflict-free and is not, and pauses, resumes and runs on demand.
 */
class ScheduleIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static TestServer local = Peers.server("local")
		.with("SCHEDULE_POLL_INTERVAL", "500ms")
		.with("SCHEDULE_MISSED_AFTER", "3s");

	@RegisterExtension
	static TestServer remote = Peers.server("remote");

	@BeforeAll
	static void registerThePeer() {
		local.operator()
			.post()
			.uri("/api/v1/sync/peers")
			.bodyValue(Map.of("name", "remote", "url", remote.baseUrl()))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void aScheduleEveryTwoSecondsRunsGoesOnAfterARestartAndReportsWhatItMissed() {
		create(local, Fixtures.node("scheduled-01"));
		JsonNode created = post(schedule("every-two", "*/2 * * * * *", "always")).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.get("next_runs")).hasSize(5);
		assertThat(Instant.parse(created.get("next_runs").get(1).asString()))
			.isEqualTo(Instant.parse(created.get("next_runs").get(0).asString()).plusSeconds(2));

		JsonNode job = awaitJob("every-two", (each) -> "completed".equals(each.get("status").asString()));
		assertThat(job.at("/remote/url").asString()).isEqualTo(remote.baseUrl());
		assertThat(remote.operator().get().uri("/api/v1/nodes/scheduled-01").exchange().expectStatus().isOk());
		assertThat(get("every-two").get("last_job_ids")).isNotEmpty();
		assertThat(get("every-two").get("missed_runs").asInt()).isZero();

		local.stop();
		sleep(Duration.ofSeconds(7));
		Instant restarted = Instant.now();
		local.start();
		JsonNode after = awaitSchedule("every-two", (schedule) -> schedule.get("missed_runs").asInt() > 0);
		assertThat(after.get("missed_runs").asInt()).as("about 3 due times passed while down").isBetween(2, 6);
		assertThat(after.get("last_missed_at").isNull()).isFalse();
		awaitJob("every-two", (each) -> Instant.parse(each.get("started_at").asString()).isAfter(restarted)
				&& "completed".equals(each.get("status").asString()));
		delete("every-two");
	}

	@Test
	void onlyIfConflictFreeRecordsANeedsAttentionJobAndAppliesNothing() {
		create(local, Fixtures.node("attention-01", "10.81.0.1", null));
		SyncJobs.complete(local,
				Map.of("session_id", SyncJobs.session(local, remote.baseUrl()).get("session_id").asString(),
						"selection", Map.of("nodes", List.of("attention-01"))));
		Nodes.replace(local, "attention-01", "10.81.0.2");
		Nodes.replace(remote, "attention-01", "10.81.0.3");

		post(schedule("careful", "*/2 * * * * *", "only_if_conflict_free")).expectStatus().isCreated();
		JsonNode job = awaitJob("careful", (each) -> "failed".equals(each.get("status").asString()));
		assertThat(job.at("/problem/code").asString()).isEqualTo("needs-attention");
		assertThat(job.at("/problem/detail").asString()).contains("1 conflict(s)");
		delete("careful");
		assertThat(remote.operator()
			.get()
			.uri("/api/v1/nodes/attention-01")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("ip")
			.asString()).as("the target is unchanged").isEqualTo("10.81.0.3");
	}

	@Test
	void pausedSchedulesDoNotRunResumedOnesDoAndRunNowRunsAtOnce() {
		post(schedule("yearly", "@yearly", "always")).expectStatus().isCreated();
		JsonNode paused = local.operator()
			.post()
			.uri("/api/v1/sync/schedules/yearly/pause")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(paused.get("paused").asBoolean()).isTrue();
		assertThat(paused.get("next_runs")).isEmpty();

		JsonNode run = local.operator()
			.post()
			.uri("/api/v1/sync/schedules/yearly/run")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(run.get("job_ids")).hasSize(1);
		String id = run.get("job_ids").get(0).asString();
		assertThat(get("yearly").get("last_run_at").isNull()).as("run now is a run").isFalse();
		assertThat(awaitJob("yearly", (each) -> id.equals(each.get("job_id").asString())).get("started_by").asString())
			.isEqualTo("schedule:yearly");

		// Paused every second: no job comes while it sleeps, one comes once resumed.
		put("yearly", schedule("yearly", "* * * * * *", "always"));
		sleep(Duration.ofSeconds(3));
		assertThat(jobs("yearly")).hasSize(1);
		local.operator().post().uri("/api/v1/sync/schedules/yearly/resume").exchange().expectStatus().isOk();
		awaitJob("yearly", (each) -> !id.equals(each.get("job_id").asString()));
		assertThat(get("yearly").get("missed_runs").asInt()).as("a pause is not missing").isZero();
		delete("yearly");
		problem(local.operator().get().uri("/api/v1/sync/schedules/yearly").exchange(), 404, "not-found");
	}

	@Test
	void aDueTimeIsSkippedWhileAJobOfTheLastRunStillRunsOnAnyReplica() {
		post(schedule("busy", "@yearly", "always")).expectStatus().isCreated();
		local.operator().post().uri("/api/v1/sync/schedules/busy/pause").exchange().expectStatus().isOk();
		String id = local.operator()
			.post()
			.uri("/api/v1/sync/schedules/busy/run")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("job_ids")
			.get(0)
			.asString();
		awaitJob("busy", (each) -> !"running".equals(each.get("status").asString()));
		// As another replica's job that goes on (its heart beating).
		jobStatus(id, "running");
		put("busy", schedule("busy", "* * * * * *", "always"));
		local.operator().post().uri("/api/v1/sync/schedules/busy/resume").exchange().expectStatus().isOk();
		sleep(Duration.ofSeconds(3));
		assertThat(jobs("busy")).as("no run while the last one goes on").hasSize(1);
		assertThat(get("busy").get("missed_runs").asInt()).as("skipped due times are counted").isPositive();

		jobStatus(id, "completed");
		awaitJob("busy", (each) -> !id.equals(each.get("job_id").asString()));
		delete("busy");
	}

	private static void jobStatus(String id, String status) {
		local.bean(DatabaseClient.class)
			.sql("UPDATE sync_jobs SET status = $2, heart_at = now() WHERE id = $1")
			.bind(0, UUID.fromString(id))
			.bind(1, status)
			.then()
			.block();
	}

	@Test
	void badSchedulesAreRefusedNamingEveryBadField() {
		Map<String, Object> bad = new HashMap<>();
		bad.put("name", "Bad_Name");
		bad.put("cron", "every tuesday");
		bad.put("peers", List.of("nobody"));
		bad.put("selection", Map.of("widgets", "all"));
		bad.put("direction", "sideways");
		bad.put("conflict_policy", "coin_toss");
		bad.put("apply", "sometimes");
		Problem problem = invalidField(post(bad), "name");
		assertThat(problem.errors()).extracting(Problem.FieldError::field)
			.contains("name", "cron", "peers", "selection.widgets", "direction", "conflict_policy", "apply");
		assertThat(problem.errors()).filteredOn((error) -> error.field().equals("peers"))
			.extracting(Problem.FieldError::message)
			.anySatisfy((message) -> assertThat(message).contains("nobody"));
		invalidField(post(schedule("five-fields", "0 61 * * *", "always")), "cron");
		// Five fields are minutes first.
		post(schedule("five-fields", "*/5 * * * *", "always")).expectStatus().isCreated();
		assertThat(get("five-fields").get("next_runs").get(0).asString()).endsWith(":00Z");
		post(schedule("five-fields", "*/5 * * * *", "always")).expectStatus().isEqualTo(409);
		delete("five-fields");

		problem(local.operator().get().uri("/api/v1/sync/schedules/missing").exchange(), 404, "not-found");
		problem(local.operator()
			.put()
			.uri("/api/v1/sync/schedules/missing")
			.bodyValue(settings(schedule("missing", "@daily", "always")))
			.exchange(), 404, "not-found");
		problem(local.operator().delete().uri("/api/v1/sync/schedules/missing").exchange(), 404, "not-found");
		problem(local.operator().post().uri("/api/v1/sync/schedules/missing/run").exchange(), 404, "not-found");
		problem(local.operator().post().uri("/api/v1/sync/schedules/missing/pause").exchange(), 404, "not-found");
		local.anonymous().get().uri("/api/v1/sync/schedules").exchange().expectStatus().isUnauthorized();
	}

	private static Map<String, Object> schedule(String name, String cron, String apply) {
		return Map.of("name", name, "cron", cron, "peers", List.of("remote"), "selection", "all", "direction", "push",
				"apply", apply);
	}

	private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(
			Map<String, Object> body) {
		return local.operator().post().uri("/api/v1/sync/schedules").bodyValue(body).exchange();
	}

	private static void put(String name, Map<String, Object> body) {
		local.operator()
			.put()
			.uri("/api/v1/sync/schedules/" + name)
			.bodyValue(settings(body))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A schedule's settings, as PUT takes them: all but the name. */
	private static Map<String, Object> settings(Map<String, Object> schedule) {
		Map<String, Object> settings = new HashMap<>(schedule);
		settings.remove("name");
		return settings;
	}

	private static void delete(String name) {
		local.operator().delete().uri("/api/v1/sync/schedules/" + name).exchange().expectStatus().isNoContent();
	}

	private static JsonNode get(String name) {
		return local.operator()
			.get()
			.uri("/api/v1/sync/schedules/" + name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<JsonNode> jobs(String schedule) {
		JsonNode all = local.operator()
			.get()
			.uri("/api/v1/sync/jobs?size=500")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		List<JsonNode> found = new java.util.ArrayList<>();
		all.forEach((job) -> {
			if (("schedule:" + schedule).equals(job.path("started_by").asString())) {
				found.add(job);
			}
		});
		return found;
	}

	private static JsonNode awaitJob(String schedule, Predicate<JsonNode> wanted) {
		Instant deadline = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(deadline)) {
			for (JsonNode job : jobs(schedule)) {
				if (wanted.test(job)) {
					return job;
				}
			}
			sleep(Duration.ofMillis(300));
		}
		throw new AssertionError("no such job of schedule " + schedule + " in " + WAIT + ": " + jobs(schedule));
	}

	private static JsonNode awaitSchedule(String name, Predicate<JsonNode> wanted) {
		Instant deadline = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(deadline)) {
			JsonNode schedule = get(name);
			if (wanted.test(schedule)) {
				return schedule;
			}
			sleep(Duration.ofMillis(300));
		}
		throw new AssertionError("schedule " + name + " never got there: " + get(name));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
