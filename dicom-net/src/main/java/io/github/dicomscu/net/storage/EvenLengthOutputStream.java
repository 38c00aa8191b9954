package io.github.dicomscu.net.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;

/**
 * Carries a data set written by {@link DataSetWriter} into the P-DATA-TF stream of an
 * association: passes writes through, ignores the writer's {@link #flush()} (the stream can
 * only be flushed once the message is finished, which the association does), and pads the data
 * set to even length with a trailing NULL byte, as a deflated data set must be (PS3.5 section
 * A.5) and as peers require of every presentation data value.
 */
final class EvenLengthOutputStream extends FilterOutputStream {

	private long count;

	private EvenLengthOutputStream(OutputStream out) {
		super(out);
	}

	/**
	 * Write a data set, padded to even length.
	 * @param writer the writer
	 * @param dataSet the data set
	 * @param out the association's stream
	 * @throws IOException if writing fails
	 */
	static void write(DataSetWriter writer, DataSet dataSet, OutputStream out) throws IOException {
		EvenLengthOutputStream even = new EvenLengthOutputStream(out);
		writer.write(dataSet, even);
		if ((even.count & 1) != 0) {
			out.write(0);
		}
	}

	@Override
	public void write(int b) throws IOException {
		this.out.write(b);
		this.count++;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.out.write(bytes, offset, length);
		this.count += length;
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

}
