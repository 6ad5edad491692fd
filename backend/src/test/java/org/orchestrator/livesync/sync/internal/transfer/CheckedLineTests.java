package org.orchestrator.livesync.sync.internal.transfer;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.StrictStrings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertProblem;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertRejected;

/**
 * The checks every received line passes before anything is written: known kind and
 * well-formed key, a hash for a base line, and for an upsert an item of the kind's shape
 * that validates and hashes to the hash it came with.
 */
class CheckedLineTests {

	/**
	 * Items as the API's mapper reads them: unknown fields and numbers for text refused.
	 */
	private static final JsonMapper API_JSON = StrictStrings
		.refuseScalarsAsStrings(JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
		.build();

	private static final String HASH = "0123456789abcdef".repeat(4);

	@Test
	void anUpsertOfEachKindIsReadAsItsKindAndHashedAsItCame() {
		Map<ItemKind, InventoryItem<?>> items = Map.of(ItemKind.NODE, Fixtures.node("node-01"), ItemKind.CLUSTER,
				Fixtures.cluster("production", "node-01", "node-02"), ItemKind.SSH_KEY, Fixtures.sshKey("deploy"),
				ItemKind.CONFIGURATION, Fixtures.configuration("ingress-values"));
		items.forEach((kind, item) -> {
			String hash = hash(item);
			CheckedLine checked = check(upsert(kind, item.naturalKey(), hash, tree(item)));
			assertThat(checked.kind()).isEqualTo(kind);
			assertThat(checked.key()).isEqualTo(item.naturalKey());
			assertThat(checked.item().contentHash()).isEqualTo(hash);
			assertThat(checked.item().item()).isEqualTo(((Hashed<?>) prepared(item)).item());
			assertThat(checked.agreedHash()).isNull();
		});
	}

	@Test
	void aDeleteNeedsOnlyAKnownKindAndKey() {
		CheckedLine checked = check(line("ssh_key", "delete", "deploy", null, null));
		assertThat(checked).isEqualTo(new CheckedLine(ItemKind.SSH_KEY, "deploy", null, null));
	}

	@Test
	void aBaseLineNeedsALowerCaseSha256() {
		assertThat(check(line("cluster", "base", "production", HASH, null)))
			.isEqualTo(new CheckedLine(ItemKind.CLUSTER, "production", null, HASH));
		for (String hash : new String[] { null, HASH.toUpperCase(), HASH.substring(1), "sha256:" + HASH }) {
			assertRejected(() -> check(line("cluster", "base", "production", hash, null)),
					"clusters[production] has no content hash");
		}
	}

	@Test
	void anUnknownKindOrAKeyItsKindDoesNotAllowIsRefused() {
		assertRejected(() -> check(line("printer", "delete", "p-1", null, null)),
				"the package has a line of unknown type or key (printer)");
		assertRejected(() -> check(line("nodes", "delete", "node-01", null, null)),
				"the package has a line of unknown type or key (nodes)");
		assertRejected(() -> check(line(null, "delete", "node-01", null, null)),
				"the package has a line of unknown type or key (null)");
		assertRejected(() -> check(line("node", "delete", null, null, null)),
				"the package has a line of unknown type or key (node)");
		// A node's key is a host name, any other kind's a name.
		assertRejected(() -> check(line("node", "delete", "Node_01", null, null)),
				"the package has a line of unknown type or key (node)");
		assertRejected(() -> check(line("cluster", "delete", "-production", null, null)),
				"the package has a line of unknown type or key (cluster)");
		assertRejected(() -> check(line("configuration", "delete", "a\u0000b", null, null)),
				"the package has a line of unknown type or key (configuration)");
		assertThat(check(line("cluster", "delete", "Prod_1.a", null, null)).key()).isEqualTo("Prod_1.a");
	}

	@Test
	void anActionThePackageFormatDoesNotKnowIsRefused() {
		assertRejected(() -> check(line("node", "replace", "node-01", HASH, tree(Fixtures.node("node-01")))),
				"nodes[node-01] has no action the package format knows");
		assertRejected(() -> check(line("node", null, "node-01", HASH, tree(Fixtures.node("node-01")))),
				"nodes[node-01] has no action the package format knows");
		assertRejected(() -> check(line("node", "upsert", "node-01", HASH, null)),
				"nodes[node-01] has no action the package format knows");
	}

	@Test
	void anItemWithoutTheShapeOfItsKindIsAnInvalidItem() {
		ObjectNode wrongType = tree(Fixtures.node("node-01")).put("ssh_port", "twenty-two");
		ObjectNode unknownField = tree(Fixtures.node("node-01")).put("colour", "red");
		ObjectNode numberForText = tree(Fixtures.node("node-01")).put("username", 5);
		for (ObjectNode item : List.of(wrongType, unknownField, numberForText)) {
			ProblemException problem = invalid(() -> check(upsert(ItemKind.NODE, "node-01", HASH, item)),
					"node 'node-01' is not valid here: nodes[node-01] does not have the shape of a node");
			assertThat(problem.errors())
				.containsExactly(new Problem.FieldError("nodes[node-01]", "does not have the shape of a node"));
		}
	}

	@Test
	void anItemThatDoesNotValidateIsAnInvalidItemNamingTheField() {
		Node node = Fixtures.node("node-01");
		ObjectNode badIp = tree(node).put("ip", "999.1.1.1");
		ProblemException problem = invalid(() -> check(upsert(ItemKind.NODE, "node-01", HASH, badIp)),
				"node 'node-01' is not valid here: nodes[node-01].ip must be an IPv4 or IPv6 address");
		assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("nodes[node-01].ip");
		ObjectNode nulInText = tree(node).put("username", "ub\u0000untu");
		assertThat(invalid(() -> check(upsert(ItemKind.NODE, "node-01", HASH, nulInText)), null).errors())
			.extracting(Problem.FieldError::field)
			.containsExactly("nodes[node-01].username");
	}

	@Test
	void anItemThatDoesNotHashToItsLinesHashIsDamaged() {
		Node node = Fixtures.node("node-01");
		assertRejected(() -> check(upsert(ItemKind.NODE, "node-01", HASH, tree(node))),
				"node 'node-01' does not match the checksum it came with: the package is damaged");
		// Intact item and hash, but under another key than the item's own.
		assertRejected(() -> check(upsert(ItemKind.NODE, "node-02", hash(node), tree(node))),
				"node 'node-02' does not match the checksum it came with: the package is damaged");
	}

	private static CheckedLine check(PackageLine line) {
		byte[] bytes = PackageFormat.JSON.writeValueAsBytes(line);
		return CheckedLine.check(ReceivedLine.parse(PackageFormat.JSON, bytes, 0), API_JSON);
	}

	private static PackageLine upsert(ItemKind kind, String key, String hash, ObjectNode item) {
		return line(kind.type(), "upsert", key, hash, item);
	}

	private static PackageLine line(String type, String action, String key, String hash, ObjectNode item) {
		return new PackageLine(type, action, key, hash, item);
	}

	private static ObjectNode tree(Object item) {
		return API_JSON.valueToTree(item);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Hashed<?> prepared(InventoryItem<?> item) {
		return Hashed.prepare((InventoryItem) item);
	}

	private static String hash(InventoryItem<?> item) {
		return prepared(item).contentHash();
	}

	/** The invalid-item problem; its detail too unless {@code detail} is null. */
	private static ProblemException invalid(ThrowingCallable call, String detail) {
		Throwable failure = catchThrowable(call);
		if (detail != null) {
			assertProblem(failure, ProblemCode.INVALID_ITEM, detail);
		}
		assertThat(failure).isInstanceOf(ProblemException.class);
		assertThat(((ProblemException) failure).code()).isEqualTo(ProblemCode.INVALID_ITEM.code());
		return (ProblemException) failure;
	}

}
