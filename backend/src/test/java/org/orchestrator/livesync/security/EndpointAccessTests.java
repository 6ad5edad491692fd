package org.orchestrator.livesync.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointAccessTests {

	@Test
	void classifiesPaths() {
		assertThat(EndpointAccess.of("/api/v1/health")).isEqualTo(EndpointAccess.OPEN);
		assertThat(EndpointAccess.of("/api/v1/sync/test")).isEqualTo(EndpointAccess.OPEN);
		assertThat(EndpointAccess.of("/api/v1/auth/login")).isEqualTo(EndpointAccess.OPEN);
		assertThat(EndpointAccess.of("/v3/api-docs")).isEqualTo(EndpointAccess.OPEN);
		assertThat(EndpointAccess.of("/sync/interactive")).isEqualTo(EndpointAccess.OPEN);
		assertThat(EndpointAccess.of("/api/v1/nodes")).isEqualTo(EndpointAccess.OPERATOR);
		assertThat(EndpointAccess.of("/api/v1/health/extra")).isEqualTo(EndpointAccess.OPERATOR);
		assertThat(EndpointAccess.of("/api/v1/sync/inventory")).isEqualTo(EndpointAccess.PEER);
		assertThat(EndpointAccess.of("/api/v1/sync/inventory/")).isEqualTo(EndpointAccess.PEER);
		assertThat(EndpointAccess.of("/api")).isEqualTo(EndpointAccess.OPERATOR);
	}

}
