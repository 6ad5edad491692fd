package org.orchestrator.livesync.security.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The real client behind a load balancer: when a request comes from one of
 * {@code TRUSTED_PROXIES} (addresses or CIDR ranges), its client is the rightmost address
 * of {@code X-Forwarded-For} that is not a trusted proxy itself, and every later filter
 * (rate limits, login throttling, the audit log) sees that address. From anyone else the
 * header is ignored: a client cannot pick its own address. Runs right after the security
 * headers, before anything counts requests.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TrustedProxies implements WebFilter {

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final List<Range> proxies;

	TrustedProxies(@Value("${live-sync.trusted-proxies:}") String proxies) {
		this.proxies = parse(proxies);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		InetSocketAddress peer = request.getRemoteAddress();
		if (this.proxies.isEmpty() || peer == null || peer.getAddress() == null || !trusted(peer.getAddress())) {
			return chain.filter(exchange);
		}
		InetAddress client = client(request.getHeaders().get(FORWARDED_FOR));
		if (client == null) {
			return chain.filter(exchange);
		}
		ServerHttpRequest forwarded = request.mutate().remoteAddress(new InetSocketAddress(client, 0)).build();
		return chain.filter(exchange.mutate().request(forwarded).build());
	}

	/**
	 * The rightmost untrusted address of the header's values; null when there is none or
	 * an entry is not an address (a forged or broken header names no one).
	 */
	InetAddress client(List<String> values) {
		if (values == null) {
			return null;
		}
		List<String> hops = new ArrayList<>();
		values.forEach((value) -> hops.addAll(List.of(value.split(","))));
		for (int i = hops.size() - 1; i >= 0; i--) {
			InetAddress address = literal(hops.get(i).strip());
			if (address == null) {
				return null;
			}
			if (!trusted(address)) {
				return address;
			}
		}
		return null;
	}

	private boolean trusted(InetAddress address) {
		return this.proxies.stream().anyMatch((range) -> range.contains(address));
	}

	/**
	 * An IP address written as one, never looked up: a name here would be a DNS query.
	 */
	private static InetAddress literal(String text) {
		String bare = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
		if (bytes == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	static List<Range> parse(String setting) {
		List<Range> ranges = new ArrayList<>();
		for (String entry : setting.split(",")) {
			String text = entry.strip();
			if (text.isEmpty()) {
				continue;
			}
			String[] parts = text.split("/", 2);
			InetAddress address = literal(parts[0]);
			int bits = (address != null) ? address.getAddress().length * 8 : 0;
			int prefix = bits;
			if (address != null && parts.length == 2) {
				prefix = parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
			}
			if (address == null || prefix < 0 || prefix > bits) {
				throw new StartupProblem("TRUSTED_PROXIES: '" + text
						+ "' is not an IP address or CIDR range (such as 10.0.0.5, 10.0.0.0/8 or fd00::/8)");
			}
			ranges.add(new Range(address.getAddress(), prefix));
		}
		return List.copyOf(ranges);
	}

	/** An address range: the first {@code prefix} bits of {@code network}. */
	record Range(byte[] network, int prefix) {

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
