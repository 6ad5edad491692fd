package org.orchestrator.livesync.sync.internal.transfer;

/**
 * The last line of a streamed package: the count and checksum of the lines before it,
 * which a stream cannot put in its header because it sends the header first. Readers of
 * both forms know it, so that a whole package that carries one is refused rather than
 * read as an item.
 */
record StreamTrailer(String type, long items, String checksum) {

	static final String TYPE = "end";

	StreamTrailer(long items, String checksum) {
		this(TYPE, items, checksum);
	}

	static boolean is(ReceivedLine line) {
		return TYPE.equals(line.type());
	}

	static StreamTrailer of(ReceivedLine line) {
		return new StreamTrailer(line.type(), line.items(), line.checksum());
	}

}
