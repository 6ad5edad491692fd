package org.orchestrator.livesync.sync.internal.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

import io.netty.handler.ssl.NotSslRecordException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Says in words why a call to a remote server failed: unreachable, no such host, too
 * slow, TLS, not a Live Sync server, refused password, or the remote's own problem passed
 * on.
 */
final class RemoteFailures {

	private static final Log log = LogFactory.getLog(RemoteFailures.class);

	private static final String PIN_IT = "pin its fingerprint (remote_fingerprint; CLI --remote-fingerprint) "
			+ "if it is the one you expect: SHA-256 ";

	private RemoteFailures() {
	}

	static ProblemException explain(Throwable failure, String url, JsonMapper json) {
		if (failure instanceof ProblemException problem) {
			return problem;
		}
		Throwable cause = root(failure);
		// A 2xx "response exception" broken by I/O is a body that broke off half way: a
		// dropped connection, said below by its cause.
		if (failure instanceof WebClientResponseException response && !(response.getStatusCode().is2xxSuccessful()
				&& (cause instanceof IOException || cause instanceof TimeoutException))) {
			return fromResponse(response, url, json);
		}
		ProblemException transport = transport(failure, cause, url);
		// One line says it all: no stack trace (Reactor Netty's own report is turned down
		// in application.yml for the same reason).
		log.warn(((transport.code().equals(ProblemCode.REMOTE_TLS.code())) ? "TLS with a remote failed: "
				: "A call to a remote failed: ") + transport.getMessage());
		return transport;
	}

	/** A failure of the exchange itself, no answer having come. */
	private static ProblemException transport(Throwable failure, Throwable cause, String url) {
		if (cause instanceof UnknownHostException) {
			return unreachable(url, "the host name is unknown");
		}
		if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
			return unreachable(url, "the connection was refused (is the server running, and is this its port?)");
		}
		ProblemException tls = tls(failure, url);
		if (tls != null) {
			return tls;
		}
		if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
			return new ProblemException(ProblemCode.REMOTE_TIMEOUT, url + " did not answer in time");
		}
		if (cause instanceof ClosedChannelException || cause.getClass().getSimpleName().contains("PrematureClose")) {
			return new ProblemException(ProblemCode.REMOTE_FAILED,
					"the connection to " + url + " closed in the middle of the exchange");
		}
		if (failure instanceof WebClientRequestException) {
			return unreachable(url, message(cause));
		}
		return new ProblemException(ProblemCode.REMOTE_FAILED, "talking to " + url + " failed: " + message(cause));
	}

	private static ProblemException fromResponse(WebClientResponseException response, String url, JsonMapper json) {
		String code = null;
		String detail = null;
		try {
			JsonNode problem = json.readTree(response.getResponseBodyAsString());
			code = problem.path("code").asString(null);
			detail = problem.path("detail").asString(null);
		}
		catch (RuntimeException notAProblem) {
			// Not one of ours: said below by status only.
		}
		if (code == null) {
			return new ProblemException(ProblemCode.REMOTE_NOT_LIVE_SYNC,
					url + " answered " + response.getStatusCode().value()
							+ " without a Live Sync problem: is it a Live Sync server, and is the URL its base URL?");
		}
		if (ProblemCode.BAD_SYNC_PASSWORD.code().equals(code)) {
			return new ProblemException(ProblemCode.REMOTE_REJECTED_PASSWORD,
					url + " refused the sync password: use the SYNC_PASSWORD set on that server");
		}
		ProblemException relayed = new ProblemException(HttpStatus.BAD_GATEWAY, ProblemCode.RELAYED_PREFIX + code,
				"The remote server refused", url + " answered: " + detail);
		String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		return (retryAfter != null) ? relayed.withHeader(HttpHeaders.RETRY_AFTER, retryAfter) : relayed;
	}

	/**
	 * A failed handshake, said by what failed: the certificate (not trusted, not for this
	 * host, not the pinned one, with the fingerprint it has so that it can be pinned), or
	 * the handshake itself; null when the failure is not about TLS.
	 */
	private static ProblemException tls(Throwable failure, String url) {
		UntrustedCertificate untrusted = find(failure, UntrustedCertificate.class);
		if (untrusted != null) {
			String detail = "the certificate of " + url + " " + untrusted.getMessage();
			String hint = switch (untrusted.reason()) {
				case NOT_TRUSTED -> ": set SYNC_TRUST_CA_FILE to a PEM bundle with the certificate of its CA, or "
						+ PIN_IT + untrusted.fingerprint();
				case WRONG_HOST ->
					": use a URL with a host name the certificate names, or " + PIN_IT + untrusted.fingerprint();
				case PIN_MISMATCH -> " (was the remote's certificate replaced? pin the new one only if you expect it)";
				case NONE_PRESENTED -> "";
			};
			return new ProblemException(ProblemCode.REMOTE_TLS, detail + hint);
		}
		if (find(failure, NotSslRecordException.class) != null) {
			return new ProblemException(ProblemCode.REMOTE_TLS,
					url + " does not answer in TLS: does it serve plain HTTP (an http:// URL)?");
		}
		SSLException handshake = find(failure, SSLException.class);
		if (handshake != null) {
			return new ProblemException(ProblemCode.REMOTE_TLS,
					"the TLS handshake with " + url + " failed: " + message(handshake)
							+ " (does it serve HTTPS on this port, with a TLS version this server speaks?)");
		}
		return null;
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static ProblemException unreachable(String url, String why) {
		return new ProblemException(ProblemCode.REMOTE_UNREACHABLE, "cannot reach " + url + ": " + why);
	}

	private static Throwable root(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static String message(Throwable cause) {
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
