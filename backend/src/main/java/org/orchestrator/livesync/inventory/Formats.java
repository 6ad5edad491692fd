package org.orchestrator.livesync.inventory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The formats inventory fields must have, checked without any network look-up, and their
 * one normal form (so that equal values hash equally on every server).
 */
public final class Formats {

	/** RFC 1123 host name, lower case: labels of letters, digits and inner hyphens. */
	private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern ALL_NUMERIC = Pattern.compile("[0-9.]+");

	/**
	 * Names of clusters, SSH keys and configurations: safe in a URL path and a file name.
	 */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	/** A POSIX login name as useradd accepts it. */
	private static final Pattern USERNAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");

	private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	public static final String NAME_RULE = "1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit";

	private Formats() {
	}

	/**
	 * An RFC 1123 host name that is not all digits and dots: {@code 123} or {@code 1.5}
	 * would read as a number or an address (RFC 1123 2.1 keeps names and dotted addresses
	 * apart).
	 */
	public static boolean isHostname(String value) {
		if (value == null || value.isEmpty() || value.length() > 253 || ALL_NUMERIC.matcher(value).matches()) {
			return false;
		}
		for (String label : value.split("\\.", -1)) {
			if (!HOST_LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return true;
	}

	public static boolean isName(String value) {
		return value != null && NAME.matcher(value).matches();
	}

	public static boolean isUsername(String value) {
		return value != null && USERNAME.matcher(value).matches();
	}

	public static boolean isPort(Integer value) {
		return value != null && value >= 1 && value <= 65535;
	}

	/** The MAC address as lower-case colon-separated pairs, or null if it is not one. */
	public static String normalMac(String value) {
		if (value == null || !MAC.matcher(value).matches()) {
			return null;
		}
		return value.replace('-', ':').toLowerCase(Locale.ROOT);
	}

	public static boolean isIpv4(String value) {
		return value != null && IPV4.matcher(value).matches();
	}

	/**
	 * The IP address in its normal form (IPv4 dotted quad; IPv6 as RFC 5952 recommends:
	 * lower case, no leading zeros, the longest run of zero groups shortened to
	 * {@code ::}), or null if it is neither.
	 */
	public static String normalIp(String value) {
		if (value == null) {
			return null;
		}
		if (isIpv4(value)) {
			return value;
		}
		int[] groups = ipv6Groups(value);
		return (groups != null) ? formatIpv6(groups) : null;
	}

	private static int[] ipv6Groups(String value) {
		if (value.isEmpty() || value.length() > 45 || !value.contains(":")) {
			return null;
		}
		String text = value;
		int lastColon = text.lastIndexOf(':');
		if (text.indexOf('.') > lastColon) {
			// An embedded IPv4 tail (::ffff:192.0.2.1) is the last two groups written in
			// decimal.
			String v4 = text.substring(lastColon + 1);
			if (!isIpv4(v4)) {
				return null;
			}
			String[] octets = v4.split("\\.");
			int high = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
			int low = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
			text = text.substring(0, lastColon + 1) + Integer.toHexString(high) + ":" + Integer.toHexString(low);
		}
		int doubleColon = text.indexOf("::");
		if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
			return null;
		}
		int[] head = parseGroups((doubleColon >= 0) ? text.substring(0, doubleColon) : text);
		int[] rest = parseGroups((doubleColon >= 0) ? text.substring(doubleColon + 2) : "");
		if (head == null || rest == null) {
			return null;
		}
		int count = head.length + rest.length;
		if ((doubleColon < 0 && count != 8) || (doubleColon >= 0 && count > 7)) {
			return null;
		}
		int[] groups = new int[8];
		System.arraycopy(head, 0, groups, 0, head.length);
		System.arraycopy(rest, 0, groups, 8 - rest.length, rest.length);
		return groups;
	}

	private static int[] parseGroups(String text) {
		if (text.isEmpty()) {
			return new int[0];
		}
		String[] parts = text.split(":", -1);
		int[] groups = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].isEmpty() || parts[i].length() > 4 || !parts[i].matches("[0-9A-Fa-f]+")) {
				return null;
			}
			groups[i] = Integer.parseInt(parts[i], 16);
		}
		return groups;
	}

	private static String formatIpv6(int[] groups) {
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			if (groups[i] != 0) {
				i++;
				continue;
			}
			int j = i;
			while (j < 8 && groups[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = j;
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				out.append("::");
				i += bestLength - 1;
				continue;
			}
			if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
				out.append(':');
			}
			out.append(Integer.toHexString(groups[i]));
		}
		return out.toString();
	}

}
