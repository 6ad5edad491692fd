package org.orchestrator.livesync.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.client.ApiClient;
import org.orchestrator.livesync.client.api.AuthApi;
import org.orchestrator.livesync.client.api.NodesApi;
import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.Completed;
import org.orchestrator.livesync.client.model.CreateSessionRequest;
import org.orchestrator.livesync.client.model.JobStarted;
import org.orchestrator.livesync.client.model.LoginRequest;
import org.orchestrator.livesync.client.model.Node;
import org.orchestrator.livesync.client.model.NodeView;
import org.orchestrator.livesync.client.model.SessionResponse;
import org.orchestrator.livesync.client.model.StartJobRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that a Java client generated from openapi.yaml with default settings works
 * against two real servers: login, node creation, a session, a job on everything and its
 * event stream.
 */
class GeneratedClientTests {

	private static BackendProcess a;

	private static BackendProcess b;

	@BeforeAll
	static void startServers() throws Exception {
		a = BackendProcess.start("gen-a");
		b = BackendProcess.start("gen-b");
	}

	@AfterAll
	static void stopServers() throws Exception {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void drivesASyncOfEverythingToCompletedWithTheGeneratedClient() throws Exception {
		ApiClient client = new ApiClient();
		client.updateBaseUri(a.url());
		String token = new AuthApi(client)
			.login(new LoginRequest().username("admin").password(BackendProcess.ADMIN_PASSWORD))
			.getToken();
		client.setRequestInterceptor((request) -> request.header("Authorization", "Bearer " + token));

		NodeView created = new NodesApi(client)
			.createNode(new Node().hostname("gen-01").ip("10.7.0.1").username("ubuntu"));
		assertThat(created.getHostname()).isEqualTo("gen-01");

		SyncApi sync = new SyncApi(client);
		SessionResponse session = sync
			.createSyncSession(new CreateSessionRequest().remoteUrl(b.url()).password(BackendProcess.SYNC_PASSWORD));
		JobStarted job = sync.startSyncJob(new StartJobRequest().sessionId(session.getSessionId()).selection("all"));

		List<String> names = new ArrayList<>();
		Completed completed = null;
		ObjectMapper json = client.getObjectMapper();
		URI events = URI.create(a.url() + "/api/v1/sync/jobs/" + job.getJobId() + "/events");
		try (EventSource source = new EventSource.Builder(
				ConnectStrategy.http(events).header("Authorization", "Bearer " + token))
			.errorStrategy(ErrorStrategy.alwaysThrow())
			.build()) {
			for (MessageEvent event : source.messages()) {
				names.add(event.getEventName());
				if (event.getEventName().equals("failed")) {
					break;
				}
				if (event.getEventName().equals("completed")) {
					completed = json.readValue(event.getData(), Completed.class);
					break;
				}
			}
		}
		assertThat(names).last().isEqualTo("completed");
		assertThat(completed.getDryRun()).isFalse();
		assertThat(completed.getErrors()).isEmpty();
		assertThat(new NodesApi(clientFor(b)).getNode("gen-01").getIp()).isEqualTo("10.7.0.1");
	}

	private static ApiClient clientFor(BackendProcess server) throws Exception {
		ApiClient client = new ApiClient();
		client.updateBaseUri(server.url());
		String token = new AuthApi(client)
			.login(new LoginRequest().username("admin").password(BackendProcess.ADMIN_PASSWORD))
			.getToken();
		client.setRequestInterceptor((request) -> request.header("Authorization", "Bearer " + token));
		return client;
	}

}
