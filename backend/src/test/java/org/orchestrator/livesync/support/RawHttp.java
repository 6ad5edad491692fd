package org.orchestrator.livesync.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a normal client would not send as given: a
 * path exactly as written (no normalising, no re-encoding), a body that stalls or never
 * ends. Each request has its own connection.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends a request with an optional JSON body and reads the whole answer. */
	public static Response send(int port, String method, String rawPath, Map<String, String> headers, String body) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder request = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
			request.append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null;
			if (bytes != null) {
				request.append("Content-Length: ").append(bytes.length).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (bytes != null) {
				out.write(bytes);
			}
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends a request whose JSON body is one string value {@code bodyBytes} long, written
	 * as it goes (with a {@code Content-Length}, or chunked), and reads the answer, which
	 * may come before the body is all sent. Nothing holds the body in memory.
	 */
	public static Response sendHuge(int port, String method, String rawPath, Map<String, String> headers,
			long bodyBytes, boolean chunked) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(120_000);
			StringBuilder request = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
			request.append("Host: localhost:").append(port);
			request.append("\r\nConnection: close\r\nContent-Type: application/json\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n");
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			Thread writer = new Thread(() -> writeBody(out, bodyBytes, chunked), "huge-body");
			writer.setDaemon(true);
			writer.start();
			try {
				return read(socket.getInputStream());
			}
			finally {
				writer.interrupt();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeBody(OutputStream out, long bodyBytes, boolean chunked) {
		byte[] block = new byte[64 * 1024];
		java.util.Arrays.fill(block, (byte) 'a');
		byte[] start = "{\"x\":\"".getBytes(StandardCharsets.US_ASCII);
		byte[] end = "\"}".getBytes(StandardCharsets.US_ASCII);
		try {
			writePart(out, start, start.length, chunked);
			for (long left = bodyBytes - start.length - end.length; left > 0
					&& !Thread.currentThread().isInterrupted(); left -= block.length) {
				writePart(out, block, (int) Math.min(left, block.length), chunked);
			}
			writePart(out, end, end.length, chunked);
			if (chunked) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
		}
		catch (IOException closedByTheServer) {
			// The server answered and stopped reading: the rest is not wanted.
		}
	}

	private static void writePart(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
		if (chunked) {
			out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		}
		out.write(bytes, 0, length);
		if (chunked) {
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
	}

	/**
	 * Opens a chunked upload: the test sends its body piece by piece, pausing where it
	 * likes, then reads the answer.
	 */
	public static Upload upload(int port, String method, String rawPath, Map<String, String> headers) {
		try {
			Socket socket = new Socket("127.0.0.1", port);
			socket.setSoTimeout(120_000);
			StringBuilder request = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
			request.append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("Transfer-Encoding: chunked\r\n\r\n");
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new Upload(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A chunked request body being sent. */
	public static final class Upload implements AutoCloseable {

		private final Socket socket;

		private Upload(Socket socket) {
			this.socket = socket;
		}

		public Upload send(byte[] bytes, int from, int to) {
			try {
				writePart(this.socket.getOutputStream(), java.util.Arrays.copyOfRange(bytes, from, to), to - from,
						true);
				this.socket.getOutputStream().flush();
				return this;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Ends the body and reads the answer. */
		public Response finish() {
			try {
				this.socket.getOutputStream().write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				this.socket.getOutputStream().flush();
				return response();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Reads the answer without ending the body (the server may answer first). */
		public Response response() {
			try {
				return read(this.socket.getInputStream());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/** The status line and headers of an answer, and its body as far as it came. */
	public static Response read(InputStream in) throws IOException {
		String statusLine = line(in);
		if (statusLine == null) {
			throw new IOException("the server closed the connection without an answer");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
			int colon = header.indexOf(':');
			headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
					header.substring(colon + 1).strip());
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			String length = headers.get("content-length");
			if (length != null) {
				body.write(in.readNBytes(Integer.parseInt(length)));
			}
			else {
				in.transferTo(body);
			}
		}
		catch (IOException cut) {
			// What came before the cut is the answer.
		}
		return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	/** An answer; header names in lower case. */
	public record Response(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
