package io.github.dicomscu.net.peer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A hostile peer's way of holding a connection: an output stream that writes (after the
 * first bytes, if asked to) one byte at a time with a pause before each, every pause
 * shorter than any timer, so that only a deadline for the whole phase cuts the peer off.
 * A write fails once the other side has closed the connection.
 */
public final class Drip extends FilterOutputStream {

	/** The pause before each dripped byte. */
	public static final Duration INTERVAL = Duration.ofMillis(300);

	private long atOnce;

	/**
	 * Drip every byte, the first at once.
	 * @param out where to write
	 */
	public Drip(OutputStream out) {
		this(out, 1);
	}

	/**
	 * Write the first bytes at once, then drip the rest.
	 * @param out where to write
	 * @param atOnce how many leading bytes to write at once
	 */
	public Drip(OutputStream out, int atOnce) {
		super(out);
		this.atOnce = atOnce;
	}

	@Override
	public void write(int b) throws IOException {
		if (this.atOnce > 0) {
			this.atOnce--;
		}
		else {
			pause();
		}
		this.out.write(b);
		this.out.flush();
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			write(bytes[i]);
		}
	}

	private static void pause() throws InterruptedIOException {
		pause(INTERVAL);
	}

	/**
	 * Pause a peer's script, as a slow peer does before it answers.
	 * @param pause how long
	 * @throws InterruptedIOException if the thread is interrupted
	 */
	public static void pause(Duration pause) throws InterruptedIOException {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Dripping interrupted");
		}
	}

}
