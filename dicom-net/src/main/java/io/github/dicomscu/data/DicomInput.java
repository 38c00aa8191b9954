package io.github.dicomscu.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A buffered source of encoded DICOM bytes that knows its position and, where it can, how
 * many bytes are left: a file channel (which also lets values be skipped without reading
 * them), a byte array, or a stream of unknown length.
 */
final class DicomInput {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final InputStream stream;

	private final FileChannel channel;

	private final long limit;

	private final String unit;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private int bufferStart;

	private int bufferEnd;

	private long position;

	private DicomInput(InputStream stream, FileChannel channel, long position, long limit, String unit) {
		this.stream = stream;
		this.channel = channel;
		this.position = position;
		this.limit = limit;
		this.unit = unit;
	}

	/**
	 * Read a stream of unknown length; positions count from its first byte.
	 * @param stream the stream
	 * @param unit how positions are named in messages, for example {@code "byte"}
	 * @return the input
	 */
	static DicomInput ofStream(InputStream stream, String unit) {
		return new DicomInput(stream, null, 0, -1, unit);
	}

	/**
	 * Read a stream that holds exactly {@code length} more bytes.
	 * @param stream the stream
	 * @param length the number of bytes it holds
	 * @return the input
	 */
	static DicomInput ofStream(InputStream stream, long length) {
		return new DicomInput(stream, null, 0, length, "byte");
	}

	/**
	 * Read a file channel from a position to its end.
	 * @param channel the channel, used with positional reads only
	 * @param position the position of the first byte to read
	 * @return the input
	 * @throws IOException if the size of the file cannot be read
	 */
	static DicomInput ofChannel(FileChannel channel, long position) throws IOException {
		return new DicomInput(null, channel, position, channel.size(), "byte");
	}

	/**
	 * Return the position of the next byte.
	 * @return the position
	 */
	long position() {
		return this.position;
	}

	/**
	 * Return how many bytes are left, if known.
	 * @return the number of bytes left, or -1 for a stream of unknown length
	 */
	long remaining() {
		return (this.limit < 0) ? -1 : Math.max(0, this.limit - this.position);
	}

	/**
	 * Make up to {@code count} bytes available for {@link #peekInt} and friends.
	 * @param count the number of bytes wanted, at most 64 KiB
	 * @return the number of bytes available, less than {@code count} only at the end
	 * @throws IOException if reading fails
	 */
	int fill(int count) throws IOException {
		int available = this.bufferEnd - this.bufferStart;
		if (available >= count) {
			return count;
		}
		if (this.bufferStart > 0) {
			System.arraycopy(this.buffer, this.bufferStart, this.buffer, 0, available);
			this.bufferStart = 0;
			this.bufferEnd = available;
		}
		while (this.bufferEnd < count) {
			int read = readSource(this.buffer, this.bufferEnd, this.buffer.length - this.bufferEnd,
					this.position + this.bufferEnd - this.bufferStart);
			if (read < 0) {
				break;
			}
			this.bufferEnd += read;
		}
		return Math.min(count, this.bufferEnd);
	}

	/**
	 * Return a 16-bit unsigned number from the buffer without consuming it.
	 * @param index the index from the current position, after {@link #fill(int)}
	 * @param bigEndian whether the number is big endian
	 * @return the number
	 */
	int peekUnsignedShort(int index, boolean bigEndian) {
		int first = this.buffer[this.bufferStart + index] & 0xFF;
		int second = this.buffer[this.bufferStart + index + 1] & 0xFF;
		return bigEndian ? (first << 8) | second : (second << 8) | first;
	}

	/**
	 * Return a 32-bit number from the buffer without consuming it.
	 * @param index the index from the current position, after {@link #fill(int)}
	 * @param bigEndian whether the number is big endian
	 * @return the number
	 */
	int peekInt(int index, boolean bigEndian) {
		int high = peekUnsignedShort(index, bigEndian);
		int low = peekUnsignedShort(index + 2, bigEndian);
		return bigEndian ? (high << 16) | low : (low << 16) | high;
	}

	/**
	 * Return a tag from the buffer without consuming it: group then element, each 16
	 * bits.
	 * @param index the index from the current position, after {@link #fill(int)}
	 * @param bigEndian whether the numbers are big endian
	 * @return the tag
	 */
	int peekTag(int index, boolean bigEndian) {
		return Tag.of(peekUnsignedShort(index, bigEndian), peekUnsignedShort(index + 2, bigEndian));
	}

	/**
	 * Return a byte from the buffer without consuming it.
	 * @param index the index from the current position, after {@link #fill(int)}
	 * @return the byte, 0 to 255
	 */
	int peekByte(int index) {
		return this.buffer[this.bufferStart + index] & 0xFF;
	}

	/**
	 * Consume bytes made available by {@link #fill(int)}.
	 * @param count the number of bytes
	 */
	void consume(int count) {
		this.bufferStart += count;
		this.position += count;
	}

	/**
	 * Read up to {@code length} bytes, fewer only at the end of the input.
	 * @param target the array to read into
	 * @param offset the first index to fill
	 * @param length the number of bytes wanted
	 * @return the number of bytes read
	 * @throws IOException if reading fails
	 */
	int read(byte[] target, int offset, int length) throws IOException {
		int buffered = Math.min(length, this.bufferEnd - this.bufferStart);
		System.arraycopy(this.buffer, this.bufferStart, target, offset, buffered);
		consume(buffered);
		int total = buffered;
		while (total < length) {
			int read = readSource(target, offset + total, length - total, this.position);
			if (read < 0) {
				break;
			}
			total += read;
			this.position += read;
		}
		return total;
	}

	/**
	 * Skip up to {@code count} bytes, fewer only at the end of the input. A file channel
	 * skips without reading.
	 * @param count the number of bytes to skip
	 * @return the number of bytes skipped
	 * @throws IOException if reading fails
	 */
	long skip(long count) throws IOException {
		int buffered = (int) Math.min(count, this.bufferEnd - this.bufferStart);
		consume(buffered);
		long skipped = buffered;
		if (skipped < count && this.channel != null) {
			long step = Math.min(count - skipped, remaining());
			this.position += step;
			skipped += step;
		}
		while (skipped < count) {
			int read = readSource(this.buffer, 0, (int) Math.min(this.buffer.length, count - skipped), this.position);
			if (read < 0) {
				break;
			}
			skipped += read;
			this.position += read;
		}
		return skipped;
	}

	/**
	 * Return the rest of the input as a stream, starting with what is buffered. The input
	 * must not be used afterwards.
	 * @return the stream
	 */
	InputStream remainder() {
		return new InputStream() {

			@Override
			public int read() throws IOException {
				return (fill(1) == 0) ? -1 : consumeByte();
			}

			@Override
			public int read(byte[] target, int offset, int length) throws IOException {
				if (length == 0) {
					return 0;
				}
				int read = DicomInput.this.read(target, offset, length);
				return (read == 0) ? -1 : read;
			}

		};
	}

	private int consumeByte() {
		int value = peekByte(0);
		consume(1);
		return value;
	}

	/**
	 * Create the exception for a problem at a position of this input.
	 * @param position the position
	 * @param problem what was expected and what was found
	 * @return the exception
	 */
	DicomParseException error(long position, String problem) {
		return new DicomParseException(this.unit, position, problem);
	}

	private int readSource(byte[] target, int offset, int length, long at) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.channel != null) {
			int read = this.channel.read(ByteBuffer.wrap(target, offset, length), at);
			return (read == 0) ? -1 : read;
		}
		int wanted = (this.limit < 0) ? length : (int) Math.min(length, Math.max(0, this.limit - at));
		return (wanted == 0) ? -1 : this.stream.read(target, offset, wanted);
	}

}
