package io.github.dicomscu.net.association;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Cuts the command set or the data set of one DIMSE message into P-DATA-TF PDUs of one
 * presentation data value each, no larger than the peer's maximum length. PDUs are
 * assembled in place in one buffer (header, then fragment) and written to the connection
 * several at a time; the last fragment is flagged when {@link #finish()} is called, so
 * the length of the data need not be known in advance.
 * <p>
 * The buffer is direct: data read from a channel (a file) lands in it without passing
 * through the Java heap, and the socket channel sends it without another copy.
 */
final class PDataOutputStream extends OutputStream {

	/**
	 * PDU header (6) plus PDV item length (4), context id (1) and message control header
	 * (1).
	 */
	static final int HEADER_LENGTH = 12;

	private static final int MINIMUM_BUFFER_SIZE = 256 * 1024;

	private final WritableByteChannel out;

	private final int maxFragment;

	private final ByteBuffer buffer;

	private int position;

	private int fragmentStart = -1;

	private int fragmentLength;

	private int contextId;

	private boolean command;

	private long written;

	PDataOutputStream(WritableByteChannel out, int maxFragment) {
		this.out = out;
		this.maxFragment = maxFragment;
		this.buffer = ByteBuffer.allocateDirect(Math.max(MINIMUM_BUFFER_SIZE, HEADER_LENGTH + maxFragment));
	}

	/**
	 * Start the fragments of a command set or data set on a presentation context.
	 * @param contextId the context id
	 * @param command whether a command set follows
	 */
	void begin(int contextId, boolean command) {
		this.contextId = contextId;
		this.command = command;
		this.fragmentStart = -1;
		this.written = 0;
	}

	@Override
	public void write(int b) throws IOException {
		ensureRoom();
		this.buffer.put(this.position++, (byte) b);
		this.fragmentLength++;
		this.written++;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		while (length > 0) {
			ensureRoom();
			int count = Math.min(length, this.maxFragment - this.fragmentLength);
			this.buffer.put(this.position, bytes, offset, count);
			this.position += count;
			this.fragmentLength += count;
			this.written += count;
			offset += count;
			length -= count;
		}
	}

	/**
	 * Copy bytes from a stream straight into the PDU buffer.
	 * @param in the stream
	 * @param length how many bytes to copy, or -1 for all until the end of the stream
	 * @return the number of bytes copied
	 * @throws EOFException if the stream ends before {@code length} bytes
	 * @throws IOException if reading or writing fails
	 */
	long transferFrom(InputStream in, long length) throws IOException {
		return transferFrom(Channels.newChannel(in), length);
	}

	/**
	 * Copy bytes from a channel, from its current position, straight into the PDU buffer.
	 * @param in the channel
	 * @param length how many bytes to copy, or -1 for all until the end of the channel
	 * @return the number of bytes copied
	 * @throws EOFException if the channel ends before {@code length} bytes
	 * @throws IOException if reading or writing fails
	 */
	long transferFrom(ReadableByteChannel in, long length) throws IOException {
		long copied = 0;
		while (length < 0 || copied < length) {
			ensureRoom();
			int room = this.maxFragment - this.fragmentLength;
			int wanted = (length < 0) ? room : (int) Math.min(room, length - copied);
			this.buffer.limit(this.position + wanted).position(this.position);
			int read;
			try {
				read = in.read(this.buffer);
			}
			finally {
				this.buffer.clear();
			}
			if (read < 0) {
				if (length < 0) {
					break;
				}
				throw new EOFException("Stream ended after " + copied + " of " + length + " bytes");
			}
			this.position += read;
			this.fragmentLength += read;
			this.written += read;
			copied += read;
		}
		return copied;
	}

	/**
	 * Flag the current fragment as the last one of the command or data set; the PDUs stay
	 * in the buffer until {@link #flush()}.
	 * @return the number of bytes written since {@link #begin}
	 * @throws IOException if writing buffered PDUs fails
	 */
	long finish() throws IOException {
		if (this.fragmentStart < 0) {
			openFragment();
		}
		seal(true);
		return this.written;
	}

	@Override
	public void flush() throws IOException {
		if (this.fragmentStart >= 0) {
			throw new IllegalStateException("A fragment is still open");
		}
		if (this.position > 0) {
			writeSealed();
		}
	}

	private void ensureRoom() throws IOException {
		if (this.fragmentStart < 0) {
			openFragment();
		}
		else if (this.fragmentLength == this.maxFragment) {
			seal(false);
			openFragment();
		}
	}

	private void openFragment() throws IOException {
		if (this.buffer.capacity() - this.position < HEADER_LENGTH + this.maxFragment) {
			writeSealed();
		}
		this.fragmentStart = this.position;
		this.fragmentLength = 0;
		this.position += HEADER_LENGTH;
	}

	private void writeSealed() throws IOException {
		this.buffer.limit(this.position);
		try {
			while (this.buffer.hasRemaining()) {
				this.out.write(this.buffer);
			}
		}
		finally {
			this.buffer.clear();
		}
		this.position = 0;
	}

	private void seal(boolean last) {
		ByteBuffer b = this.buffer;
		int at = this.fragmentStart;
		b.put(at, (byte) 0x04);
		b.put(at + 1, (byte) 0);
		b.putInt(at + 2, this.fragmentLength + 6);
		b.putInt(at + 6, this.fragmentLength + 2);
		b.put(at + 10, (byte) this.contextId);
		b.put(at + 11, (byte) ((this.command ? 0x01 : 0x00) | (last ? 0x02 : 0x00)));
		this.fragmentStart = -1;
	}

}
