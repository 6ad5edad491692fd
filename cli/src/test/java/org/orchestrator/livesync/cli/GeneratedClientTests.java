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
import org.orchestrator.livesync.client.api.ClustersApi;
import org.orchestrator.livesync.client.api.InventoryApi;
import org.orchestrator.livesync.client.api.NodesApi;
import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.Completed;
import org.orchestrator.livesync.client.model.CreateSessionRequest;
import org.orchestrator.livesync.client.model.ImportCluster;
import org.orchestrator.livesync.client.model.ImportItem;
import org.orchestrator.livesync.client.model.ImportNode;
import org.orchestrator.livesync.client.model.ImportResult;
import org.orchestrator.livesync.client.model.JobEvent;
import org.orchestrator.livesync.client.model.JobItem;
import org.orchestrator.livesync.client.model.JobStarted;
import org.orchestrator.livesync.client.model.LoginRequest;
import org.orchestrator.livesync.client.model.Member;
import org.orchestrator.livesync.client.model.Node;
import org.orchestrator.livesync.client.model.NodeView;
import org.orchestrator.livesync.client.model.Phase;
import org.orchestrator.livesync.client.model.Progress;
import org.orchestrator.livesync.client.model.SessionResponse;
import org.orchestrator.livesync.client.model.StartJobRequest;
import org.orchestrator.livesync.client.model.SyncSelection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that a Java client generated from openapi.yaml with default settings works
 * against two real servers: login, node creation, a bulk import, a session, a job on
 * everything and its event stream, each event read as its own type.
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
		ImportResult imported = new InventoryApi(client).importInventory(List.of(new ImportItem(
				new ImportNode().type(ImportNode.TypeEnum.NODE).hostname("gen-02").ip("10.7.0.2").username("ubuntu")),
				new ImportItem(new ImportCluster().type(ImportCluster.TypeEnum.CLUSTER)
					.name("gen-cluster")
					.addNodesItem(new Member().hostname("gen-02")))));
		assertThat(imported.getWritten().getNodes()).isEqualTo(1);
		assertThat(imported.getWritten().getClusters()).isEqualTo(1);

		SyncApi sync = new SyncApi(client);
		SessionResponse session = sync
			.createSyncSession(new CreateSessionRequest().remoteUrl(b.url()).password(BackendProcess.SYNC_PASSWORD));
		JobStarted job = sync
			.startSyncJob(new StartJobRequest().sessionId(session.getSessionId()).selection(new SyncSelection("all")));

		// Each event's data read through the generated union, which its type picks.
		List<String> names = new ArrayList<>();
		List<Object> events = new ArrayList<>();
		ObjectMapper json = client.getObjectMapper();
		URI uri = URI.create(a.url() + "/api/v1/sync/jobs/" + job.getJobId() + "/events");
		try (EventSource source = new EventSource.Builder(
				ConnectStrategy.http(uri).header("Authorization", "Bearer " + token))
			.errorStrategy(ErrorStrategy.alwaysThrow())
			.build()) {
			for (MessageEvent event : source.messages()) {
				names.add(event.getEventName());
				events.add(json.readValue(event.getData(), JobEvent.class).getActualInstance());
				if (event.getEventName().equals("failed") || event.getEventName().equals("completed")) {
					break;
				}
			}
		}
		assertThat(names).last().isEqualTo("completed");
		assertThat(events).first().isInstanceOf(Phase.class);
		assertThat(events).filteredOn(JobItem.class::isInstance)
			.map((item) -> ((JobItem) item).getKind() + ":" + ((JobItem) item).getKey())
			.containsExactlyInAnyOrder("nodes:gen-01", "nodes:gen-02", "clusters:gen-cluster");
		assertThat(events).filteredOn(Progress.class::isInstance).isNotEmpty();
		Completed completed = (Completed) events.get(events.size() - 1);
		assertThat(completed.getDryRun()).isFalse();
		assertThat(completed.getVerified()).isTrue();
		assertThat(completed.getErrors()).isEmpty();
		assertThat(new NodesApi(clientFor(b)).getNode("gen-01").getIp()).isEqualTo("10.7.0.1");
		assertThat(new ClustersApi(clientFor(b)).getCluster("gen-cluster").getNodes()).hasSize(1);
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
