package io.github.dicomscu.net.association;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.dicomscu.net.DicomTimeoutException;
import io.github.dicomscu.net.TimeoutKind;

/**
 * Bounds every write to a socket: a peer that stops reading would otherwise block a writer
 * forever once the TCP buffers are full. When a single write does not complete within the
 * timeout, the socket is closed and the write fails with a {@link DicomTimeoutException}.
 * <p>
 * The timers run on one shared daemon thread that exists only while writes are being timed
 * (it ends after a second without work).
 */
final class TimedOutputStream extends FilterOutputStream {

	/** Name of the thread that runs the write timers. */
	static final String THREAD_NAME = "dicom-write-timer";

	private static final ScheduledThreadPoolExecutor timer = createTimer();

	private final Socket socket;

	private final TimeoutKind kind;

	private final Duration timeout;

	private volatile boolean expired;

	TimedOutputStream(Socket socket, TimeoutKind kind, Duration timeout) throws IOException {
		super(socket.getOutputStream());
		this.socket = socket;
		this.kind = kind;
		this.timeout = timeout;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		ScheduledFuture<?> expiry = timer.schedule(this::expire, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		try {
			this.out.write(bytes, offset, length);
		}
		catch (IOException ex) {
			throw translate(ex, length);
		}
		finally {
			expiry.cancel(false);
		}
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	private IOException translate(IOException ex, int length) {
		if (!this.expired) {
			return ex;
		}
		DicomTimeoutException timeout = new DicomTimeoutException(this.kind, this.timeout,
				"the peer did not read " + length + " bytes sent to it");
		timeout.initCause(ex);
		return timeout;
	}

	private void expire() {
		this.expired = true;
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// the blocked write fails either way
		}
	}

	private static ScheduledThreadPoolExecutor createTimer() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, THREAD_NAME);
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		executor.setKeepAliveTime(1, TimeUnit.SECONDS);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
