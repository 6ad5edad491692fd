package org.orchestrator.livesync.sync.internal;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages.SyncTest;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed's open "is the sync API there?" probe: {@code make sync-test} calls it. */
@Tag(name = "Sync", description = "Live Sync between servers")
@RestController
class SyncTestController {

	private final ServerIdentity identity;

	SyncTestController(ServerIdentity identity) {
		this.identity = identity;
	}

	@GetMapping(PeerApi.TEST)
	SyncTest test() {
		return new SyncTest(true, this.identity.serverId().toString(), this.identity.name(), this.identity.version());
	}

}
