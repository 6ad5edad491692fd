package org.orchestrator.livesync.sync.internal.transfer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A package line as the target reads it: its fields, and where its item lies in the
 * line's bytes. The item is parsed once, straight into the record of its kind, when the
 * line is checked: no JSON tree is built for it, which was the target's largest single
 * cost.
 */
record ReceivedLine(String type, String action, String key, String contentHash, String expect, byte[] bytes,
		int itemStart, int itemLength, long items, String checksum) {

	/** This line, expecting {@code expect} on the target. */
	ReceivedLine expecting(String expect) {
		return new ReceivedLine(this.type, this.action, this.key, this.contentHash, expect, this.bytes, this.itemStart,
				this.itemLength, this.items, this.checksum);
	}

	boolean isBase() {
		return PackageLine.BASE.equals(this.action);
	}

	boolean isDelete() {
		return PackageLine.DELETE.equals(this.action);
	}

	boolean hasItem() {
		return this.itemStart >= 0;
	}

	/** The item, read into its kind's record by {@code json}. */
	<T> T item(JsonMapper json, Class<T> itemClass) {
		return json.readValue(this.bytes, this.itemStart, this.itemLength, itemClass);
	}

	/**
	 * Reads one line: an object whose known properties hold strings (an item: an object;
	 * a trailer's count: a number). Anything else is refused with what is wrong with it.
	 */
	static ReceivedLine parse(JsonMapper json, byte[] bytes, long index) {
		try (JsonParser parser = json.createParser(bytes)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw notALine(index);
			}
			String type = null;
			String action = null;
			String key = null;
			String contentHash = null;
			String expect = null;
			String checksum = null;
			long items = -1;
			int itemStart = -1;
			int itemLength = 0;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "type" -> type = text(parser, index);
					case "action" -> action = text(parser, index);
					case "key" -> key = text(parser, index);
					case "content_hash" -> contentHash = text(parser, index);
					case "expect" -> expect = text(parser, index);
					case "checksum" -> checksum = text(parser, index);
					case "items" -> {
						if (value != JsonToken.VALUE_NUMBER_INT) {
							throw notALine(index);
						}
						items = parser.getLongValue();
					}
					case "item" -> {
						if (value == JsonToken.START_OBJECT) {
							itemStart = (int) parser.currentTokenLocation().getByteOffset();
							parser.skipChildren();
							itemLength = (int) parser.currentTokenLocation().getByteOffset() + 1 - itemStart;
						}
						else if (value != JsonToken.VALUE_NULL) {
							throw notALine(index);
						}
					}
					default -> parser.skipChildren();
				}
			}
			if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
				throw notALine(index);
			}
			return new ReceivedLine(type, action, key, contentHash, expect, bytes, itemStart, itemLength, items,
					checksum);
		}
		catch (StreamReadException ex) {
			throw PackageProblems.rejected("line " + (index + 1) + " of the package is not JSON");
		}
		catch (JacksonException ex) {
			throw notALine(index);
		}
	}

	private static String text(JsonParser parser, long index) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token != JsonToken.VALUE_STRING) {
			throw notALine(index);
		}
		return parser.getString();
	}

	private static RuntimeException notALine(long index) {
		return PackageProblems.rejected("line " + (index + 1) + " of the package is not a package line");
	}

	@Override
	public String toString() {
		return "ReceivedLine[" + this.action + " " + this.type + " " + this.key + "]";
	}

}
