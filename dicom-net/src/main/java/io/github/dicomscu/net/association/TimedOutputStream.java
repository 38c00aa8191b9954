package io.github.dicomscu.net.association;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

/**
 * Bounds every write to a socket: a peer that stops reading would otherwise block a
 * writer forever once the TCP buffers are full. When a single write does not complete
 * within the timeout, or an association's overall {@link Deadline} passes during a write,
 * the socket is closed and the write fails with a {@link DicomTimeoutException}.
 * <p>
 * A write only records when it started; one shared watchdog looks at the streams in use
 * every {@value #CHECK_INTERVAL_MILLIS} ms, so timing a write costs no thread hand-off.
 * The watchdog runs on a daemon thread that exists only while streams are in use (it ends
 * a second after the last one closed).
 * <p>
 * It is also a channel, for the P-DATA-TF PDUs assembled in a direct buffer: they are
 * written to the socket's own channel, when it has one, so that the JDK does not copy
 * them first (never for a TLS socket, whose bytes must go through its encryption).
 */
final class TimedOutputStream extends FilterOutputStream implements WritableByteChannel {

	/** Name of the thread that runs the watchdog. */
	static final String THREAD_NAME = "dicom-write-watchdog";

	/** How often the watchdog looks at the streams in use. */
	static final long CHECK_INTERVAL_MILLIS = 50;

	private static final ScheduledThreadPoolExecutor timer = DaemonScheduler.create(THREAD_NAME);

	private static final Set<TimedOutputStream> watched = ConcurrentHashMap.newKeySet();

	private static ScheduledFuture<?> watchdog;

	private final Socket socket;

	private final WritableByteChannel channel;

	private final TimeoutKind kind;

	private final long timeoutNanos;

	private final Duration timeout;

	private final Deadline overall;

	private volatile long writeStartedAt;

	private volatile boolean expired;

	private volatile boolean overallExpired;

	private boolean registered;

	/**
	 * Create a stream over a socket's output.
	 * @param socket the socket
	 * @param kind the timer of one write
	 * @param timeout how long one write may block
	 * @param overall the deadline every write also ends by, or {@code null} for none
	 * @throws IOException if the socket's output stream cannot be opened
	 */
	TimedOutputStream(Socket socket, TimeoutKind kind, Duration timeout, Deadline overall) throws IOException {
		super(socket.getOutputStream());
		this.socket = socket;
		// a TLS socket layered over a socket channel answers that channel, which would
		// bypass the encryption
		this.channel = (socket.getChannel() != null && !(socket instanceof SSLSocket)) ? socket.getChannel()
				: Channels.newChannel(this.out);
		this.kind = kind;
		this.timeout = timeout;
		this.timeoutNanos = timeout.toNanos();
		this.overall = overall;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		startWrite();
		try {
			this.out.write(bytes, offset, length);
		}
		catch (IOException ex) {
			throw translate(ex, length);
		}
		finally {
			this.writeStartedAt = 0;
		}
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		int length = source.remaining();
		startWrite();
		try {
			while (source.hasRemaining()) {
				this.channel.write(source);
			}
		}
		catch (IOException ex) {
			throw translate(ex, length);
		}
		finally {
			this.writeStartedAt = 0;
		}
		return length;
	}

	@Override
	public boolean isOpen() {
		return !this.socket.isClosed();
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	private void startWrite() {
		if (!this.registered) {
			watch(this);
			this.registered = true;
		}
		this.writeStartedAt = Math.max(1, System.nanoTime());
	}

	private IOException translate(IOException ex, int length) {
		if (!this.expired) {
			return ex;
		}
		String detail = "the peer did not read " + length + " bytes sent to it";
		DicomTimeoutException timeout = this.overallExpired ? this.overall.expired(detail)
				: new DicomTimeoutException(this.kind, this.timeout, detail);
		timeout.initCause(ex);
		return timeout;
	}

	/**
	 * Close the socket if the write in progress has taken longer than the timeout or
	 * outlived the overall deadline.
	 * @param now the current {@link System#nanoTime()}
	 * @return whether this stream is still in use
	 */
	private boolean check(long now) {
		if (this.socket.isClosed()) {
			return false;
		}
		long started = this.writeStartedAt;
		if (started == 0) {
			return true;
		}
		boolean overallPassed = this.overall != null && this.overall.hasPassed(now);
		if (overallPassed || now - started > this.timeoutNanos) {
			this.overallExpired = overallPassed;
			this.expired = true;
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// the blocked write fails either way
			}
			return false;
		}
		return true;
	}

	private static synchronized void watch(TimedOutputStream stream) {
		watched.add(stream);
		if (watchdog == null) {
			watchdog = timer.scheduleWithFixedDelay(TimedOutputStream::checkAll, CHECK_INTERVAL_MILLIS,
					CHECK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private static void checkAll() {
		long now = System.nanoTime();
		watched.removeIf((stream) -> !stream.check(now));
		synchronized (TimedOutputStream.class) {
			if (watched.isEmpty() && watchdog != null) {
				watchdog.cancel(false);
				watchdog = null;
			}
		}
	}

}
