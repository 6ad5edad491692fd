package org.orchestrator.livesync.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's strict firewall (no encoded slashes, dots or percent signs, no
 * {@code ;}, no {@code //}, {@code .} or {@code ..} segments, no control characters),
 * plus what it lets through and a router could still read differently from a person: an
 * encoded letter or digit ({@code /%61pi}), percent-encoded bytes that are not UTF-8
 * (overlong forms such as {@code %C0%AE}), and under {@code /api} a trailing slash or the
 * prefix in another case. Every path that passes has one spelling.
 */
final class NormalPaths implements ServerWebExchangeFirewall {

	private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

	NormalPaths() {
		// A NUL in a parameter is never meant, and PostgreSQL refuses it in text.
		this.strict.setAllowedParameterValues((value) -> value.indexOf('\0') < 0);
	}

	@Override
	public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
		return Mono.fromRunnable(() -> check(exchange.getRequest().getURI().getRawPath()))
			.then(this.strict.getFirewalledExchange(exchange));
	}

	static void check(String rawPath) {
		if (rawPath == null) {
			return;
		}
		checkEncodings(rawPath);
		String[] segments = rawPath.split("/", 3);
		String firstSegment = (segments.length > 1) ? segments[1] : "";
		if (firstSegment.equalsIgnoreCase("api")) {
			if (!firstSegment.equals("api")) {
				throw new ServerExchangeRejectedException("the /api prefix must be lower case");
			}
			if (rawPath.endsWith("/")) {
				throw new ServerExchangeRejectedException("an API path has no trailing slash");
			}
		}
	}

	/**
	 * Percent-encoding is for bytes that cannot stand as they are: never an unreserved
	 * character, and always whole UTF-8 characters.
	 */
	private static void checkEncodings(String rawPath) {
		int i = rawPath.indexOf('%');
		while (i >= 0) {
			int run = i;
			ByteBuffer bytes = ByteBuffer.allocate(rawPath.length());
			while (run < rawPath.length() && rawPath.charAt(run) == '%') {
				if (run + 3 > rawPath.length()) {
					throw new ServerExchangeRejectedException("a '%' must start a percent-encoded byte");
				}
				int value;
				try {
					value = HexFormat.fromHexDigits(rawPath, run + 1, run + 3);
				}
				catch (IllegalArgumentException ex) {
					throw new ServerExchangeRejectedException("a '%' must start a percent-encoded byte");
				}
				if (isUnreserved(value)) {
					throw new ServerExchangeRejectedException("an unreserved character is percent-encoded");
				}
				bytes.put((byte) value);
				run += 3;
			}
			bytes.flip();
			try {
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(bytes);
			}
			catch (CharacterCodingException ex) {
				throw new ServerExchangeRejectedException("percent-encoded bytes that are not UTF-8");
			}
			i = rawPath.indexOf('%', run);
		}
	}

	private static boolean isUnreserved(int value) {
		return (value >= 'a' && value <= 'z') || (value >= 'A' && value <= 'Z') || (value >= '0' && value <= '9')
				|| value == '-' || value == '.' || value == '_' || value == '~';
	}

}
