package org.orchestrator.livesync.security.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.system.StartupProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTests {

	private final TrustedProxies proxies = new TrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

	@Test
	void theClientIsTheRightmostAddressThatIsNoTrustedProxy() {
		assertThat(this.proxies.client(List.of("203.0.113.7")).getHostAddress()).isEqualTo("203.0.113.7");
		assertThat(this.proxies.client(List.of("198.51.100.1, 203.0.113.7", "10.1.2.3, 192.168.1.5")).getHostAddress())
			.isEqualTo("203.0.113.7");
		assertThat(this.proxies.client(List.of("[2001:db8::1]", "fd12::1")).getHostAddress())
			.isEqualTo("2001:db8:0:0:0:0:0:1");
	}

	@Test
	void aHeaderOfProxiesOnlyOrWithANameNamesNoOne() {
		assertThat(this.proxies.client(List.of("10.0.0.1, 192.168.1.5"))).isNull();
		assertThat(this.proxies.client(List.of("203.0.113.7, evil.example.com"))).isNull();
		assertThat(this.proxies.client(List.of("unknown"))).isNull();
		assertThat(this.proxies.client(null)).isNull();
	}

	@Test
	void rangesAreAddressesOrCidrs() {
		assertThat(TrustedProxies.parse("")).isEmpty();
		assertThat(TrustedProxies.parse("10.0.0.0/8").get(0).prefix()).isEqualTo(8);
		assertThat(TrustedProxies.parse("::1").get(0).prefix()).isEqualTo(128);
		for (String bad : List.of("proxy.local", "10.0.0.0/33", "10.0.0.0/x", "::/129")) {
			assertThatThrownBy(() -> TrustedProxies.parse(bad)).isInstanceOf(StartupProblem.class)
				.hasMessageContaining("TRUSTED_PROXIES");
		}
	}

}
