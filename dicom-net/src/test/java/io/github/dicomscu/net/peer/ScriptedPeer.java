package io.github.dicomscu.net.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hostile or broken peer for tests: accepts one connection on a loopback port and runs
 * a script against the raw socket, then reports whether the other side closed its end.
 */
public final class ScriptedPeer implements AutoCloseable {

	private final ServerSocket server;

	private final Thread thread;

	private final CompletableFuture<Boolean> closedByClient = new CompletableFuture<>();

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private volatile Socket socket;

	/**
	 * What the peer does with the accepted connection.
	 */
	@FunctionalInterface
	public interface Script {

		void run(InputStream in, OutputStream out) throws IOException;

	}

	/**
	 * Start a peer that runs {@code script} on the first connection, then waits for the
	 * client to close the connection.
	 * @param script the script
	 * @return the peer
	 * @throws IOException if the port cannot be bound
	 */
	public static ScriptedPeer start(Script script) throws IOException {
		return new ScriptedPeer(script);
	}

	private ScriptedPeer(Script script) throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.thread = new Thread(() -> serve(script), "scripted-peer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void serve(Script script) {
		try (Socket accepted = this.server.accept()) {
			this.socket = accepted;
			InputStream in = accepted.getInputStream();
			script.run(in, accepted.getOutputStream());
			accepted.setSoTimeout(10_000);
			byte[] buffer = new byte[8192];
			while (true) {
				int read = in.read(buffer);
				if (read < 0) {
					this.closedByClient.complete(true);
					return;
				}
				synchronized (this.received) {
					this.received.write(buffer, 0, read);
				}
			}
		}
		catch (SocketTimeoutException ex) {
			this.closedByClient.complete(false);
		}
		catch (IOException ex) {
			// reset by the client or closed by close(): the connection is gone either way
			this.closedByClient.complete(true);
		}
	}

	/**
	 * Read exactly one PDU (header plus declared length) from the stream.
	 * @param in the stream
	 * @return the PDU bytes
	 * @throws IOException on EOF
	 */
	public static byte[] readPdu(InputStream in) throws IOException {
		byte[] header = in.readNBytes(6);
		if (header.length < 6) {
			throw new IOException("EOF in PDU header");
		}
		long length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
				| (header[5] & 0xFF);
		byte[] body = in.readNBytes((int) length);
		byte[] pdu = new byte[6 + body.length];
		System.arraycopy(header, 0, pdu, 0, 6);
		System.arraycopy(body, 0, pdu, 6, body.length);
		return pdu;
	}

	/**
	 * Return the port listened on.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Wait until the client closed (or reset) the connection.
	 * @param seconds how long to wait
	 * @return whether the client closed it in time
	 */
	public boolean awaitClientClose(long seconds) {
		try {
			return this.closedByClient.get(seconds, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Return the bytes the client sent after the script ended.
	 * @return the bytes
	 */
	public byte[] receivedAfterScript() {
		synchronized (this.received) {
			return this.received.toByteArray();
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		Socket accepted = this.socket;
		if (accepted != null) {
			accepted.close();
		}
		this.thread.interrupt();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
