package io.github.dicomscu.net.association;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input stream whose every read ends by the current {@link Deadline}: before a
 * read it sets the socket timeout to the time left (which only stores a field) and, when
 * none is left, fails with a {@link SocketTimeoutException} at once. A peer that drips
 * one byte at a time therefore cannot stretch a phase past its deadline. Sits below the
 * decoder's buffer, so bytes already buffered are read without a look at the clock.
 */
final class DeadlineInputStream extends FilterInputStream {

	private final Socket socket;

	private Deadline deadline;

	DeadlineInputStream(Socket socket) throws IOException {
		super(socket.getInputStream());
		this.socket = socket;
	}

	/**
	 * Set the deadline of the reads that follow.
	 * @param deadline the deadline
	 */
	void setDeadline(Deadline deadline) {
		this.deadline = deadline;
	}

	@Override
	public int read() throws IOException {
		awaitWithinDeadline();
		return this.in.read();
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		awaitWithinDeadline();
		return this.in.read(bytes, offset, length);
	}

	@Override
	public long skip(long count) throws IOException {
		awaitWithinDeadline();
		return this.in.skip(count);
	}

	private void awaitWithinDeadline() throws IOException {
		if (this.deadline.hasPassed(System.nanoTime())) {
			throw new SocketTimeoutException("Deadline passed");
		}
		this.socket.setSoTimeout(this.deadline.remainingMillis());
	}

}
