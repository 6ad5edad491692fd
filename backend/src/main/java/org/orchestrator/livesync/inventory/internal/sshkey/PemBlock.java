package org.orchestrator.livesync.inventory.internal.sshkey;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEM block of a private key file ({@code -----BEGIN label-----}, body,
 * {@code -----END label-----}): its label, its RFC 1421 headers (only
 * passphrase-protected traditional keys have them) and its body, decoded. A text that is
 * anything but such blocks is refused, and so is a body that is not base64.
 */
record PemBlock(String label, Map<String, String> headers, byte[] body) {

	private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

	static List<PemBlock> all(String text) throws PrivateKeyFormats.Invalid {
		List<String> lines = text.replace("\r\n", "\n").strip().lines().map(String::strip).toList();
		List<PemBlock> blocks = new ArrayList<>();
		int at = 0;
		while (at < lines.size()) {
			if (lines.get(at).isEmpty()) {
				at++;
				continue;
			}
			Matcher begin = BEGIN.matcher(lines.get(at));
			if (!begin.matches()) {
				throw new PrivateKeyFormats.Invalid("has text outside its BEGIN and END lines");
			}
			int end = lines.subList(at + 1, lines.size()).indexOf("-----END " + begin.group(1) + "-----");
			if (end < 0) {
				throw new PrivateKeyFormats.Invalid("has no END line that matches its BEGIN line");
			}
			blocks.add(of(begin.group(1), lines.subList(at + 1, at + 1 + end)));
			at = at + 2 + end;
		}
		if (blocks.isEmpty()) {
			throw new PrivateKeyFormats.Invalid("has no BEGIN line");
		}
		return blocks;
	}

	private static PemBlock of(String label, List<String> lines) throws PrivateKeyFormats.Invalid {
		Map<String, String> headers = new LinkedHashMap<>();
		int body = 0;
		if (!lines.isEmpty() && lines.get(0).contains(":")) {
			for (; body < lines.size() && !lines.get(body).isEmpty(); body++) {
				int colon = lines.get(body).indexOf(':');
				if (colon < 0) {
					throw new PrivateKeyFormats.Invalid("has malformed PEM headers");
				}
				headers.put(lines.get(body).substring(0, colon).strip(), lines.get(body).substring(colon + 1).strip());
			}
		}
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(String.join("", lines.subList(body, lines.size())));
		}
		catch (IllegalArgumentException ex) {
			throw new PrivateKeyFormats.Invalid("is not base64 between its BEGIN and END lines");
		}
		if (decoded.length == 0) {
			throw new PrivateKeyFormats.Invalid("has nothing between its BEGIN and END lines");
		}
		return new PemBlock(label, headers, decoded);
	}

}
