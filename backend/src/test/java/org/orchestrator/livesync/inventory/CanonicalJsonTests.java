package org.orchestrator.livesync.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTests {

	@Test
	void sortsKeysAtEveryLevelAndDropsNulls() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("z", 1);
		inner.put("a", null);
		inner.put("m", List.of(3, "x"));
		Map<String, Object> outer = new LinkedHashMap<>();
		outer.put("b", inner);
		outer.put("a", "text");
		assertThat(CanonicalJson.write(outer)).isEqualTo("{\"a\":\"text\",\"b\":{\"m\":[3,\"x\"],\"z\":1}}");
	}

	@Test
	void writesNumbersInOneForm() {
		assertThat(CanonicalJson.write(Map.of("n", 1.50))).isEqualTo("{\"n\":1.5}");
		assertThat(CanonicalJson.write(Map.of("n", 2.0))).isEqualTo("{\"n\":2}");
		assertThat(CanonicalJson.write(Map.of("n", 100L))).isEqualTo("{\"n\":100}");
		assertThat(CanonicalJson.write(Map.of("n", new java.math.BigDecimal("1E+3")))).isEqualTo("{\"n\":1000}");
	}

	@Test
	void writesObjectsExactlyAsTheirTrees() {
		Map<String, Object> hardware = new LinkedHashMap<>();
		hardware.put("memory_gb", 31.50);
		hardware.put("cpu", 8);
		hardware.put("gpu", null);
		hardware.put("disks", List.of(Map.of("size_gb", 512.0, "ssd", true), 3, "x"));
		hardware.put("ratio", 1e-7);
		hardware.put("big", new java.math.BigDecimal("12345678901234567890.500"));
		hardware.put("f", 1.1f);
		Node node = new Node("n-1", "10.0.0.1", "u", 22, "k", "running",
				new Node.WakeOnLan("aa:bb:cc:dd:ee:ff", true, "10.0.0.255", 9), hardware);
		for (Object value : List.of(node, Fixtures.node("node-07").normalized(),
				Fixtures.cluster("staging", "a", "b").normalized(), Fixtures.sshKey("k").normalized(),
				Fixtures.configuration("c").normalized(), hardware)) {
			assertThat(CanonicalJson.write(value)).isEqualTo(CanonicalJson.writeTree(CanonicalJson.tree(value)));
		}
	}

	@Test
	void usesTheApiFieldNames() {
		Node node = Fixtures.node("node-01").normalized();
		String json = CanonicalJson.write(node);
		assertThat(json).startsWith("{\"hardware\":").contains("\"ssh_port\":22").contains("\"microk8s_status\":");
	}

	@Test
	void hashesEqualContentEquallyWhateverTheKeyOrder() {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("cpu", 8);
		one.put("memory_gb", 32.0);
		Map<String, Object> two = new LinkedHashMap<>();
		two.put("memory_gb", 32);
		two.put("cpu", 8);
		Node a = new Node("n", "10.0.0.1", "u", 22, null, "running", null, one).normalized();
		Node b = new Node("n", "10.0.0.1", "u", 22, null, "running", null, two).normalized();
		assertThat(CanonicalJson.sha256Hex(a)).isEqualTo(CanonicalJson.sha256Hex(b)).hasSize(64);
	}

	@Test
	void hashesDifferentContentDifferently() {
		Node a = Fixtures.node("node-01").normalized();
		Node b = Fixtures.node("node-01", "192.168.1.12", null).normalized();
		assertThat(CanonicalJson.sha256Hex(a)).isNotEqualTo(CanonicalJson.sha256Hex(b));
	}

	@Test
	void normalFormFillsDefaultsSoOmittedAndExplicitDefaultsHashAlike() {
		Node sparse = new Node("n", "10.0.0.1", "u", null, "", null, null, Map.of()).normalized();
		Node explicit = new Node("n", "10.0.0.1", "u", 22, null, "unknown", null, null).normalized();
		assertThat(CanonicalJson.sha256Hex(sparse)).isEqualTo(CanonicalJson.sha256Hex(explicit));
	}

}
