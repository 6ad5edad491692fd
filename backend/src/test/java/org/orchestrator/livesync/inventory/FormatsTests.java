package org.orchestrator.livesync.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

	@ParameterizedTest
	@ValueSource(strings = { "node-01", "a", "k8s.lab.example.com", "1node", "x-1.y-2" })
	void acceptsRfc1123HostNames(String hostname) {
		assertThat(Formats.isHostname(hostname)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-node", "node-", "Node-01", "node_01", "node..lab", "node.", "a b" })
	void rejectsOtherHostNames(String hostname) {
		assertThat(Formats.isHostname(hostname)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "123", "1.5", "10.0.0.1", "0" })
	void rejectsAllNumericHostNames(String hostname) {
		assertThat(Formats.isHostname(hostname)).isFalse();
		assertThat(Formats.isHostname(hostname + "a")).isTrue();
	}

	@Test
	void rejectsOverlongHostNames() {
		assertThat(Formats.isHostname("a".repeat(64))).isFalse();
		assertThat(Formats.isHostname("a".repeat(63))).isTrue();
		assertThat(Formats.isHostname(("a".repeat(63) + ".").repeat(4) + "a")).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "192.168.1.10,192.168.1.10", "0.0.0.0,0.0.0.0", "2001:DB8:0:0:0:0:0:1,2001:db8::1",
			"2001:db8::0:1,2001:db8::1", "::1,::1", "::,::", "fe80:0:0:0:1:0:0:1,fe80::1:0:0:1",
			"2001:db8:0:0:1:0:0:1,2001:db8::1:0:0:1", "2001:0db8:0001:0000:0000:0000:0000:0001,2001:db8:1::1",
			"1:0:2:0:3:0:4:0,1:0:2:0:3:0:4:0", "::ffff:192.0.2.1,::ffff:c000:201" })
	void normalizesIpAddresses(String given, String normal) {
		assertThat(Formats.normalIp(given)).isEqualTo(normal);
	}

	@ParameterizedTest
	@ValueSource(strings = { "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "2001:db8::1::2", "12345::",
			"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "fe80::1%eth0", "localhost", "g::1", "" })
	void rejectsWhatIsNotAnIpAddress(String given) {
		assertThat(Formats.normalIp(given)).isNull();
	}

	@Test
	void normalizesMacAddresses() {
		assertThat(Formats.normalMac("AA-BB-CC-00-11-22")).isEqualTo("aa:bb:cc:00:11:22");
		assertThat(Formats.normalMac("aa:bb:cc:00:11:22")).isEqualTo("aa:bb:cc:00:11:22");
		assertThat(Formats.normalMac("aa:bb:cc:00:11")).isNull();
		assertThat(Formats.normalMac("gg:bb:cc:00:11:22")).isNull();
	}

	@Test
	void checksNamesAndUsernames() {
		assertThat(Formats.isName("production")).isTrue();
		assertThat(Formats.isName("ingress-values.yaml")).isTrue();
		assertThat(Formats.isName("../etc")).isFalse();
		assertThat(Formats.isName("a/b")).isFalse();
		assertThat(Formats.isUsername("ubuntu")).isTrue();
		assertThat(Formats.isUsername("Root")).isFalse();
		assertThat(Formats.isUsername("1abc")).isFalse();
	}

}
