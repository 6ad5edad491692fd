package org.orchestrator.livesync.system.internal;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.system.internal.ContractOperations.Operation;
import org.orchestrator.livesync.system.internal.ContractOperations.Parameter;

/**
 * Spoiled requests for one operation of the contract: a well-formed request with one part
 * made bad. Every path, query and header parameter and every body field is spoiled a few
 * ways (wrong types, missing, huge, NUL-laden, deeply nested), and so are the body as a
 * whole (not JSON, not UTF-8, nested 10,000 deep), {@code Accept} and
 * {@code Content-Type}. Which ways each part gets is drawn from the seeded random.
 */
final class BadInputs {

	/**
	 * How many ways each part of a request is spoiled ({@code make test-bad-input}:
	 * more).
	 */
	static final int WAYS_PER_PART = Integer.getInteger("badinput.ways", 3);

	static final int HUGE_STRING = 1024 * 1024;

	/** Deep, yet short enough for a URL; Netty refuses request lines over 4 KB itself. */
	static final int HUGE_PARAMETER = 2000;

	static final int DEEP = 10_000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String NDJSON = "application/x-ndjson";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> MALFORMED_ACCEPT = List.of("garbage", "application/", "text/html;;", "*/json;q=x",
			"application/json;q=abc", "image/png", ",,,", "application/json, garbage", "*/*;q=2", "/");

	private static final List<String> MALFORMED_CONTENT_TYPE = List.of("garbage", "application/", "text/plain",
			"application/json;charset=nope", "application/json;charset=utf-16", "multipart/form-data",
			"application/x-www-form-urlencoded", "application/json;;", "application/x-ndjson", "*/*");

	private static final List<String> BAD_PATH_VALUES = List.of("%00", "a%00b", "a".repeat(HUGE_PARAMETER), "%FF",
			"%C0%AF", "-1", "99999999999999999999", "%20", "%2e%2e", "0");

	private static final List<String> BAD_TEXT_PARAMETERS = List.of("a%00b", "%00", "a".repeat(HUGE_PARAMETER), "%FF",
			"%C0%AF", "", "%0A", "'%20OR%201=1--", "%25");

	private static final List<String> BAD_NUMBER_PARAMETERS = List.of("abc", "-1", "1000000000", "-2147483649",
			"99999999999999999999", "1e3", "1.5", "", "0x10", "%00");

	private static final List<String> BAD_HEADER_VALUES = List.of("garbage", "-1", "99999999999999999999",
			"a".repeat(4000), "%00", "{}", "");

	private final ContractOperations contract;

	private final Random random;

	BadInputs(ContractOperations contract, Random random) {
		this.contract = contract;
		this.random = random;
	}

	/** A request as sent: the raw path with its query, headers and body bytes. */
	record BadRequest(Operation operation, String spoiled, String method, String uri, Map<String, String> headers,
			byte[] body) {

		@Override
		public String toString() {
			return this.operation + " [" + this.spoiled + "]";
		}

	}

	List<BadRequest> of(Operation operation) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, String> query = new LinkedHashMap<>();
		Map<String, String> headers = new LinkedHashMap<>();
		for (Parameter parameter : operation.parameters()) {
			String value = this.contract.sample(parameter.schema(), parameter.name(), this.random, 0).asText();
			switch (parameter.in()) {
				case "path" -> path.put(parameter.name(), encode(value));
				case "query" -> {
					if (parameter.required()) {
						query.put(parameter.name(), encode(value));
					}
				}
				default -> {
				}
			}
		}
		String mediaType = operation.bodies().keySet().stream().findFirst().orElse(null);
		JsonNode body = (mediaType != null) ? body(operation, mediaType) : null;
		Base base = new Base(operation, path, query, headers, mediaType, body);
		List<BadRequest> requests = new ArrayList<>();
		for (Parameter parameter : operation.parameters()) {
			switch (parameter.in()) {
				case "path" -> pick(BAD_PATH_VALUES).forEach((bad) -> requests.add(base
					.with("path " + parameter.name() + "=" + shown(bad), (b) -> b.path.put(parameter.name(), bad))));
				case "query" -> pick(isNumber(parameter.schema()) ? BAD_NUMBER_PARAMETERS : BAD_TEXT_PARAMETERS)
					.forEach((bad) -> requests.add(base.with("query " + parameter.name() + "=" + shown(bad),
							(b) -> b.query.put(parameter.name(), bad))));
				default -> pick(BAD_HEADER_VALUES)
					.forEach((bad) -> requests.add(base.with("header " + parameter.name() + "=" + shown(bad),
							(b) -> b.headers.put(parameter.name(), bad))));
			}
		}
		if (hasPaging(operation)) {
			requests.add(base.with("size=1000000000", (b) -> b.query.put("size", "1000000000")));
			requests.add(base.with("page=-1", (b) -> b.query.put("page", "-1")));
		}
		pick(MALFORMED_ACCEPT)
			.forEach((bad) -> requests.add(base.with("Accept: " + bad, (b) -> b.headers.put("Accept", bad))));
		if (mediaType != null) {
			pick(MALFORMED_CONTENT_TYPE).forEach((bad) -> requests
				.add(base.with("Content-Type: " + bad, (b) -> b.headers.put("Content-Type", bad))));
			List<BadRequest> bodies = new ArrayList<>();
			wholeBodies(base, bodies);
			if (body != null) {
				fields(base, body, List.of(), bodies);
			}
			requests.addAll(bodies);
			if (operation.bodies().containsKey(NDJSON) && !NDJSON.equals(mediaType)) {
				pick(bodies, WAYS_PER_PART * 3).forEach((request) -> requests.add(asNdjson(request)));
			}
		}
		return requests;
	}

	/** The same spoiled body sent as NDJSON: a top-level array's elements as lines. */
	private static BadRequest asNdjson(BadRequest request) {
		Map<String, String> headers = new LinkedHashMap<>(request.headers());
		headers.put("Content-Type", NDJSON);
		byte[] lines = request.body();
		try {
			JsonNode array = JSON.readTree(request.body());
			if (array != null && array.isArray()) {
				StringBuilder text = new StringBuilder();
				for (JsonNode element : array) {
					text.append(JSON.writeValueAsString(element)).append('\n');
				}
				lines = utf8(text.toString());
			}
		}
		catch (java.io.IOException notJson) {
			// Sent as it is: a spoiled body is one bad line.
		}
		return new BadRequest(request.operation(), request.spoiled() + " as NDJSON", request.method(), request.uri(),
				headers, lines);
	}

	private JsonNode body(Operation operation, String mediaType) {
		if (!mediaType.contains("json")) {
			return null;
		}
		JsonNode schema = operation.bodies().get(mediaType);
		if (mediaType.contains("ndjson") && "string".equals(ContractOperations.type(this.contract.resolve(schema)))) {
			// The contract describes the lines only in words; its JSON form has their
			// shape.
			JsonNode json = operation.bodies().get("application/json");
			if (json == null) {
				return null;
			}
			schema = json;
		}
		return this.contract.sample(schema, null, this.random, 0);
	}

	/** The body spoiled as a whole. */
	private void wholeBodies(Base base, List<BadRequest> requests) {
		byte[] good = (base.body != null) ? bytes(base.body) : utf8("{\"not\":\"the expected body\"}");
		Map<String, byte[]> bodies = new LinkedHashMap<>();
		bodies.put("empty body", new byte[0]);
		bodies.put("body null", utf8("null"));
		bodies.put("body []", utf8("[]"));
		bodies.put("body {", utf8("{"));
		bodies.put("body a string", utf8("\"x\""));
		bodies.put("body a number", utf8("123"));
		bodies.put("body cut in half", java.util.Arrays.copyOf(good, good.length / 2));
		bodies.put("body nested " + DEEP + " deep in arrays", utf8("[".repeat(DEEP) + "]".repeat(DEEP)));
		bodies.put("body nested " + DEEP + " deep in objects", utf8("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
		bodies.put("body with 0xFF", spliced(good, new byte[] { (byte) 0xFF }));
		bodies.put("body with overlong '/'", spliced(good, new byte[] { (byte) 0xC0, (byte) 0xAF }));
		bodies.put("body with a lone surrogate", spliced(good, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }));
		bodies.put("body with a raw NUL byte", spliced(good, new byte[] { 0 }));
		bodies.put("body with a duplicate key", duplicated(good));
		bodies.put("body not JSON", utf8("<xml/>"));
		List<String> names = new ArrayList<>(bodies.keySet());
		for (String name : pick(names, WAYS_PER_PART * 2)) {
			requests.add(base.withBody(name, bodies.get(name)));
		}
	}

	/**
	 * Every field of the body, spoiled a few ways each; {@code at} is the way to the node
	 * from the body (names and, for arrays, index 0).
	 */
	private void fields(Base base, JsonNode node, List<Object> at, List<BadRequest> requests) {
		if (node.isObject()) {
			List<String> names = new ArrayList<>();
			node.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				List<Object> field = new ArrayList<>(at);
				field.add(name);
				for (Spoil spoil : pick(spoils(node.get(name)))) {
					requests.add(base.withBody(label(field) + ": " + spoil.name(),
							bytes(replaced(base.body, field, spoil))));
				}
				fields(base, node.get(name), field, requests);
			}
			List<Object> unknown = new ArrayList<>(at);
			unknown.add("unknown_field");
			requests.add(base.withBody(label(unknown),
					bytes(replaced(base.body, unknown, new Spoil("added", NODES.textNode("x"))))));
		}
		else if (node.isArray() && node.size() > 0) {
			List<Object> element = new ArrayList<>(at);
			element.add(0);
			fields(base, node.get(0), element, requests);
		}
	}

	private static String label(List<Object> field) {
		StringBuilder label = new StringBuilder();
		for (Object step : field) {
			if (step instanceof Integer index) {
				label.append('[').append(index).append(']');
			}
			else {
				label.append(label.isEmpty() ? "" : ".").append(step);
			}
		}
		return label.toString();
	}

	/** The ways a value can be spoiled, by what it is. */
	private static List<Spoil> spoils(JsonNode value) {
		List<Spoil> spoils = new ArrayList<>();
		spoils.add(new Spoil("missing", null));
		spoils.add(new Spoil("null", NODES.nullNode()));
		spoils.add(new Spoil("NUL-laden", NODES.textNode("a\u0000b\u0000")));
		spoils.add(new Spoil("huge string", NODES.textNode("x".repeat(HUGE_STRING))));
		spoils.add(new Spoil("nested " + DEEP + " deep", null));
		spoils.add(new Spoil("object", NODES.objectNode().put("\u0000", "\u0000")));
		spoils.add(new Spoil("array", NODES.arrayNode().add(1).add("x")));
		if (value.isTextual()) {
			spoils.add(new Spoil("number", NODES.numberNode(123)));
			spoils.add(new Spoil("boolean", NODES.booleanNode(true)));
			spoils.add(new Spoil("empty string", NODES.textNode("")));
			spoils.add(new Spoil("control characters", NODES.textNode("\u0001\u001f\u007f\u2028")));
		}
		else if (value.isNumber()) {
			spoils.add(new Spoil("string", NODES.textNode("x")));
			spoils.add(new Spoil("fraction", NODES.numberNode(1.5)));
			spoils.add(new Spoil("huge number", NODES.numberNode(new java.math.BigInteger("9".repeat(400)))));
			spoils.add(new Spoil("1e308", NODES.numberNode(1e308)));
			spoils.add(new Spoil("negative", NODES.numberNode(-1)));
		}
		else if (value.isBoolean()) {
			spoils.add(new Spoil("string", NODES.textNode("yes")));
			spoils.add(new Spoil("number", NODES.numberNode(0)));
		}
		else {
			spoils.add(new Spoil("string", NODES.textNode("x")));
			spoils.add(new Spoil("number", NODES.numberNode(7)));
		}
		return spoils;
	}

	record Spoil(String name, JsonNode value) {
	}

	/** A copy of the body with the value at {@code field} spoiled (removed when null). */
	private static JsonNode replaced(JsonNode body, List<Object> field, Spoil spoil) {
		JsonNode copy = body.deepCopy();
		JsonNode parent = copy;
		for (Object step : field.subList(0, field.size() - 1)) {
			parent = (step instanceof Integer index) ? parent.get(index) : parent.get((String) step);
		}
		String last = (String) field.get(field.size() - 1);
		ObjectNode object = (ObjectNode) parent;
		if (spoil.name().startsWith("nested")) {
			// Written as text below: no tree holds 10,000 levels comfortably.
			object.put(last, "@@DEEP@@");
		}
		else if (spoil.value() == null) {
			object.remove(last);
		}
		else {
			object.set(last, spoil.value());
		}
		return copy;
	}

	private static byte[] bytes(JsonNode body) {
		try {
			String json = JSON.writeValueAsString(body);
			return utf8(json.replace("\"@@DEEP@@\"", "[".repeat(DEEP) + "]".repeat(DEEP)));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code good} with {@code bad} written inside its first string value. */
	private static byte[] spliced(byte[] good, byte[] bad) {
		int at = 0;
		for (int quotes = 0; at < good.length && quotes < 3; at++) {
			if (good[at] == '"') {
				quotes++;
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(good, 0, at);
		out.writeBytes(bad);
		out.write(good, at, good.length - at);
		return out.toByteArray();
	}

	private static byte[] duplicated(byte[] good) {
		String json = new String(good, StandardCharsets.UTF_8);
		if (!json.startsWith("{") || json.length() < 3) {
			return good;
		}
		return utf8("{\"a\":1,\"a\":2," + json.substring(1));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private <T> List<T> pick(List<T> values) {
		return pick(values, WAYS_PER_PART);
	}

	private <T> List<T> pick(List<T> values, int count) {
		List<T> shuffled = new ArrayList<>(values);
		Collections.shuffle(shuffled, this.random);
		return shuffled.subList(0, Math.min(count, shuffled.size()));
	}

	private static boolean isNumber(JsonNode schema) {
		String type = ContractOperations.type(schema);
		return "integer".equals(type) || "number".equals(type);
	}

	private static boolean hasPaging(Operation operation) {
		return operation.parameters().stream().anyMatch((p) -> "size".equals(p.name()) && "query".equals(p.in()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String shown(String value) {
		return (value.length() > 40) ? value.substring(0, 10) + "...(" + value.length() + " chars)" : value;
	}

	/**
	 * The well-formed request of an operation, copied and changed for each spoiled one.
	 */
	private static final class Base {

		private final Operation operation;

		private final Map<String, String> path;

		private final Map<String, String> query;

		private final Map<String, String> headers;

		private final String mediaType;

		private final JsonNode body;

		Base(Operation operation, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
				String mediaType, JsonNode body) {
			this.operation = operation;
			this.path = path;
			this.query = query;
			this.headers = headers;
			this.mediaType = mediaType;
			this.body = body;
		}

		private Base copy() {
			return new Base(this.operation, new LinkedHashMap<>(this.path), new LinkedHashMap<>(this.query),
					new LinkedHashMap<>(this.headers), this.mediaType, this.body);
		}

		BadRequest with(String spoiled, Consumer<Base> change) {
			Base copy = copy();
			change.accept(copy);
			return copy.request(spoiled, (this.body != null) ? bytes(this.body) : new byte[0]);
		}

		BadRequest withBody(String spoiled, byte[] body) {
			return copy().request(spoiled, body);
		}

		private BadRequest request(String spoiled, byte[] body) {
			String uri = this.operation.path();
			for (Map.Entry<String, String> variable : this.path.entrySet()) {
				uri = uri.replace("{" + variable.getKey() + "}", variable.getValue());
			}
			StringBuilder query = new StringBuilder();
			this.query.forEach(
					(name, value) -> query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(value));
			Map<String, String> headers = new LinkedHashMap<>();
			if (this.mediaType != null) {
				headers.put("Content-Type", this.mediaType);
			}
			headers.putAll(this.headers);
			boolean hasBody = this.mediaType != null;
			return new BadRequest(this.operation, spoiled, this.operation.method(), uri + query, headers,
					hasBody ? body : null);
		}

	}

}
