package io.github.dicomscu.net.association;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

/**
 * The data set of an outgoing DIMSE message, written in the presentation context's
 * transfer syntax to a stream that cuts it into P-DATA-TF fragments as it goes, so that a
 * data set of any size is sent without being held in memory.
 */
@FunctionalInterface
public interface DataSetSource {

	/**
	 * Write the encoded data set.
	 * @param out the stream; do not close it
	 * @throws IOException if reading the source or writing fails
	 */
	void writeTo(OutputStream out) throws IOException;

	/**
	 * Return a source for an encoded data set held in memory.
	 * @param bytes the encoded data set
	 * @return the source
	 */
	static DataSetSource of(byte[] bytes) {
		return (out) -> out.write(bytes);
	}

	/**
	 * Return a source that copies {@code length} bytes of a stream (from its current
	 * position), read straight into the PDU buffer.
	 * @param in the stream, positioned at the start of the data set
	 * @param length the number of bytes, or -1 for all until the end of the stream
	 * @return the source
	 */
	static DataSetSource of(InputStream in, long length) {
		return (out) -> {
			if (out instanceof PDataOutputStream pdata) {
				pdata.transferFrom(in, length);
				return;
			}
			byte[] buffer = new byte[64 * 1024];
			long copied = 0;
			while (length < 0 || copied < length) {
				int read = in.read(buffer, 0,
						(int) ((length < 0) ? buffer.length : Math.min(buffer.length, length - copied)));
				if (read < 0) {
					if (length < 0) {
						return;
					}
					throw new EOFException("Stream ended after " + copied + " of " + length + " bytes");
				}
				out.write(buffer, 0, read);
				copied += read;
			}
		};
	}

	/**
	 * Return a source that copies {@code length} bytes of a channel (from its current
	 * position), read straight into the PDU buffer, which is direct: a file channel's
	 * bytes then reach the socket without passing through the Java heap.
	 * @param in the channel, positioned at the start of the data set
	 * @param length the number of bytes, or -1 for all until the end of the channel
	 * @return the source
	 */
	static DataSetSource of(ReadableByteChannel in, long length) {
		return (out) -> {
			if (out instanceof PDataOutputStream pdata) {
				pdata.transferFrom(in, length);
				return;
			}
			of(Channels.newInputStream(in), length).writeTo(out);
		};
	}

}
