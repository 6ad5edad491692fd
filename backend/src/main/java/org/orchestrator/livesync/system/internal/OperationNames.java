package org.orchestrator.livesync.system.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The operation ids and tags of the contract, in one table. Generated clients name their
 * methods after operation ids, so they are part of the contract: springdoc's defaults
 * (method names, deduplicated as {@code get_1}) would change whenever a controller is
 * split or renamed. Also declares each tag once: two controllers describing the same tag
 * differently made springdoc list it twice, which generators reject.
 */
final class OperationNames implements OpenApiCustomizer {

	private static final String SYNC = "Sync";

	private static final String PEERS = "Sync peers";

	/** Tag name to description, in the order the documentation shows them. */
	private static final Map<String, String> TAGS = new LinkedHashMap<>();

	/** "METHOD path" to operation id and tag. */
	private static final Map<String, Name> NAMES = new LinkedHashMap<>();

	static {
		TAGS.put("Auth", "Operator login");
		TAGS.put("System", "Health");
		TAGS.put("Nodes", "Machines the orchestrator manages, by host name");
		TAGS.put("Clusters", "MicroK8s clusters and their node assignments");
		TAGS.put("SSH keys", "Key pairs; private keys are write-only");
		TAGS.put("Configurations", "YAML configs, playbooks and templates");
		TAGS.put("Inventory", "Bulk loads");
		TAGS.put(SYNC, "Live Sync between servers, driven by the operator");
		TAGS.put("Audit", "Who did what: logins, peer connects, jobs, applied packages, rollbacks");
		TAGS.put(PEERS, "Server-to-server API; peer tokens from /sync/connect");

		name("POST /api/v1/auth/login", "login", "Auth", "Log in as the operator and get an operator token");
		name("GET /api/v1/health", "getHealth", "System", "Whether this server is up");
		name("POST /api/v1/inventory/import", "importInventory", "Inventory");
		crud("/api/v1/nodes", "Node", "Nodes", "Nodes", "a node");
		crud("/api/v1/clusters", "Cluster", "Clusters", "Clusters", "a cluster");
		crud("/api/v1/ssh-keys", "SshKey", "SshKeys", "SSH keys", "an SSH key");
		crud("/api/v1/configurations", "Configuration", "Configurations", "Configurations", "a configuration");

		name("GET /api/v1/sync/test", "testSync", SYNC,
				"Whether sync is set up on this server (open, for the seed's checks)");
		name("GET /api/v1/sync/settings", "getSyncSettings", SYNC);
		name("POST /api/v1/sync/sessions", "createSyncSession", SYNC);
		name("GET /api/v1/sync/sessions/{id}", "getSyncSession", SYNC);
		name("DELETE /api/v1/sync/sessions/{id}", "deleteSyncSession", SYNC);
		name("POST /api/v1/sync/broadcasts", "startSyncBroadcast", SYNC);
		name("GET /api/v1/sync/broadcasts/{id}", "getSyncBroadcast", SYNC);
		name("GET /api/v1/sync/broadcasts/{id}/events", "streamSyncBroadcastEvents", SYNC);
		name("GET /api/v1/sync/peers", "listSyncPeers", SYNC);
		name("POST /api/v1/sync/peers", "createSyncPeer", SYNC);
		name("GET /api/v1/sync/peers/{name}", "getSyncPeer", SYNC);
		name("PUT /api/v1/sync/peers/{name}", "replaceSyncPeer", SYNC);
		name("DELETE /api/v1/sync/peers/{name}", "deleteSyncPeer", SYNC);
		name("GET /api/v1/sync/schedules", "listSyncSchedules", SYNC);
		name("POST /api/v1/sync/schedules", "createSyncSchedule", SYNC);
		name("GET /api/v1/sync/schedules/{name}", "getSyncSchedule", SYNC);
		name("PUT /api/v1/sync/schedules/{name}", "replaceSyncSchedule", SYNC);
		name("DELETE /api/v1/sync/schedules/{name}", "deleteSyncSchedule", SYNC);
		name("POST /api/v1/sync/schedules/{name}/pause", "pauseSyncSchedule", SYNC);
		name("POST /api/v1/sync/schedules/{name}/resume", "resumeSyncSchedule", SYNC);
		name("POST /api/v1/sync/schedules/{name}/run", "runSyncSchedule", SYNC);
		name("POST /api/v1/sync/jobs", "startSyncJob", SYNC);
		name("GET /api/v1/sync/jobs", "listSyncJobs", SYNC);
		name("GET /api/v1/sync/jobs/{id}", "getSyncJob", SYNC);
		name("DELETE /api/v1/sync/jobs/{id}", "cancelSyncJob", SYNC);
		name("GET /api/v1/sync/jobs/{id}/events", "streamSyncJobEvents", SYNC);
		name("GET /api/v1/sync/history", "listSyncHistory", SYNC);
		name("GET /api/v1/sync/history/{id}", "getSyncHistoryEntry", SYNC);
		name("POST /api/v1/sync/history/{id}/rollback", "rollbackSyncHistoryEntry", SYNC);

		name("GET /api/v1/audit", "listAuditLog", "Audit");
		name("GET /api/v1/audit/verify", "verifyAuditLog", "Audit");

		name("POST /api/v1/sync/connect", "connectPeer", PEERS);
		name("GET /api/v1/sync/inventory", "getPeerInventory", PEERS);
		name("GET /api/v1/sync/hashes", "listPeerHashes", PEERS);
		name("POST /api/v1/sync/hashes", "listPeerHashesInScope", PEERS);
		name("GET /api/v1/sync/digest", "getPeerDigest", PEERS);
		name("GET /api/v1/sync/changes", "getPeerChanges", PEERS);
		name("POST /api/v1/sync/checkpoint", "recordPeerCheckpoint", PEERS);
		name("POST /api/v1/sync/items", "getPeerItems", PEERS);
		name("POST /api/v1/sync/facts", "getPeerConstraintFacts", PEERS);
		name("POST /api/v1/sync/compare", "compareWithPeer", PEERS);
		name("POST /api/v1/sync/transfer", "preparePeerTransfer", PEERS);
		name("POST /api/v1/sync/transfer/stream", "streamPeerTransfer", PEERS);
		name("GET /api/v1/sync/transfer/stream/{package_id}", "resumePeerTransferStream", PEERS);
		name("POST /api/v1/sync/receive", "receivePackage", PEERS);
		name("POST /api/v1/sync/receive/stream", "receivePackageStream", PEERS);
		name("GET /api/v1/sync/receive/stream/{package_id}", "getPackageUploadStatus", PEERS);
		name("POST /api/v1/sync/confirm", "confirmPackage", PEERS);
	}

	private static void crud(String path, String singular, String plural, String tag, String one) {
		name("GET " + path, "list" + plural, tag, tag + ", a page at a time");
		name("POST " + path, "create" + singular, tag, "Create " + one);
		name("GET " + path + "/{key}", "get" + singular, tag, capitalized(one) + " by its key");
		name("PUT " + path + "/{key}", "replace" + singular, tag, "Replace " + one);
		name("DELETE " + path + "/{key}", "delete" + singular, tag, "Delete " + one);
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static void name(String route, String operationId, String tag) {
		name(route, operationId, tag, null);
	}

	/** A summary here is for operations whose controller gives none. */
	private static void name(String route, String operationId, String tag, String summary) {
		NAMES.put(route, new Name(operationId, tag, summary));
	}

	/** The names of every operation, for tests that check none is left unnamed. */
	static Map<String, String> operationIds() {
		Map<String, String> ids = new LinkedHashMap<>();
		NAMES.forEach((route, name) -> ids.put(route, name.operationId()));
		return ids;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.setTags(TAGS.entrySet()
			.stream()
			.map((tag) -> new Tag().name(tag.getKey()).description(tag.getValue()))
			.toList());
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			Name name = NAMES.get(method + " " + path);
			if (name == null) {
				// Fail loudly: an unnamed operation would get a generated name clients
				// then depend on.
				throw new IllegalStateException("no operation id for " + method + " " + path + " in OperationNames");
			}
			apply(operation, name);
		}));
	}

	private static void apply(Operation operation, Name name) {
		operation.setOperationId(name.operationId());
		operation.setTags(new ArrayList<>(List.of(name.tag())));
		if (operation.getSummary() == null && name.summary() != null) {
			operation.setSummary(name.summary());
		}
	}

	private record Name(String operationId, String tag, String summary) {
	}

}
