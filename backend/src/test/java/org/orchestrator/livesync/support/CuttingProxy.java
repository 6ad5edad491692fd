package org.orchestrator.livesync.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of a test server that, once armed, cuts the first connection whose
 * requests (or responses) carry more than a given number of bytes: what a dropped
 * connection in the middle of an upload (or a download) looks like to both ends. It also
 * notes the resume offsets the requests it forwards name ({@code X-Sync-Resume-From}).
 */
public final class CuttingProxy implements AutoCloseable {

	private static final Pattern RESUME_FROM = Pattern.compile("(?i)x-sync-resume-from: *(\\d+)");

	private final int targetPort;

	private final ServerSocket listener;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final List<Long> resumeOffsets = new CopyOnWriteArrayList<>();

	private final AtomicReference<Cut> armed = new AtomicReference<>();

	private volatile boolean cut;

	public CuttingProxy(int targetPort) {
		this.targetPort = targetPort;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread accepting = new Thread(this::accept, "cutting-proxy");
		accepting.setDaemon(true);
		accepting.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.listener.getLocalPort();
	}

	/**
	 * Cuts, once, the first connection that has carried more than {@code bytes} towards
	 * the server since the start of a request naming {@code requestMarker} (what the same
	 * connection carried before, other requests, does not count); {@code atCut} runs just
	 * before, while nothing more gets through.
	 */
	public void cutRequestOnceAfter(String requestMarker, long bytes, Runnable atCut) {
		this.cut = false;
		this.armed.set(new Cut(bytes, atCut, true, requestMarker));
	}

	/**
	 * Cuts, once, the first connection that has carried more than {@code bytes} from the
	 * server since a request naming {@code requestMarker} went through it, as in the
	 * middle of a download; {@code atCut} runs just before.
	 */
	public void cutResponseOnceAfter(String requestMarker, long bytes, Runnable atCut) {
		this.cut = false;
		this.armed.set(new Cut(bytes, atCut, false, requestMarker));
	}

	/** Whether a connection was cut since the proxy was last armed. */
	public boolean hasCut() {
		return this.cut;
	}

	/** Every {@code X-Sync-Resume-From} seen in a request, in order. */
	public List<Long> resumeOffsets() {
		return List.copyOf(this.resumeOffsets);
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(server);
				// Where the response bytes stood when the marked request went through.
				AtomicLong marked = new AtomicLong(-1);
				AtomicLong responded = new AtomicLong();
				pump(server.getInputStream(), client.getOutputStream(), client, server, false, marked, responded);
				pump(client.getInputStream(), server.getOutputStream(), client, server, true, marked, responded);
			}
			catch (IOException ex) {
				// Closed: the proxy is done.
			}
		}
	}

	private void pump(InputStream in, OutputStream out, Socket client, Socket server, boolean towardsServer,
			AtomicLong marked, AtomicLong responded) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			long carried = 0;
			try {
				// Where the marked request started in the bytes towards the server.
				long requestAt = -1;
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					Cut planned = this.armed.get();
					if (towardsServer) {
						note(buffer, n);
						int at = (planned != null && planned.requestMarker() != null)
								? new String(buffer, 0, n, StandardCharsets.ISO_8859_1).indexOf(planned.requestMarker())
								: -1;
						if (at >= 0) {
							marked.set(responded.get());
							requestAt = carried + at;
						}
					}
					long counted = towardsServer ? carried - requestAt : carried - marked.get();
					boolean counting = towardsServer ? requestAt >= 0 : marked.get() >= 0;
					if (planned != null && planned.towardsServer() == towardsServer && counting
							&& counted + n > planned.afterBytes() && this.armed.compareAndSet(planned, null)) {
						out.write(buffer, 0, (int) Math.max(0, planned.afterBytes() - counted));
						out.flush();
						planned.atCut().run();
						this.cut = true;
						// A reset, as a dropped connection looks: no orderly end.
						client.setSoLinger(true, 0);
						server.setSoLinger(true, 0);
						client.close();
						server.close();
						return;
					}
					carried += n;
					if (!towardsServer) {
						responded.set(carried);
					}
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side closed: so does the other.
			}
			closeQuietly(client);
			closeQuietly(server);
		}, "cutting-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private void note(byte[] buffer, int length) {
		Matcher matcher = RESUME_FROM.matcher(new String(buffer, 0, length, StandardCharsets.ISO_8859_1));
		while (matcher.find()) {
			this.resumeOffsets.add(Long.parseLong(matcher.group(1)));
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
	}

	private record Cut(long afterBytes, Runnable atCut, boolean towardsServer, String requestMarker) {
	}

}
