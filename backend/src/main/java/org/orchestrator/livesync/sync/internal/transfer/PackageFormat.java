package org.orchestrator.livesync.sync.internal.transfer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.system.StrictStrings;

/**
 * What both forms of a package share on the wire: the mapper of its header and lines
 * (snake_case; a number or boolean where text belongs is refused) and the notation of its
 * checksum.
 */
final class PackageFormat {

	static final JsonMapper JSON = StrictStrings
		.refuseScalarsAsStrings(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
		.build();

	private PackageFormat() {
	}

	/** The digest the package checksum is computed with. */
	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code sha256:<hex>} of what {@code digest} has seen; resets it. */
	static String checksum(MessageDigest digest) {
		return "sha256:" + HexFormat.of().formatHex(digest.digest());
	}

}
