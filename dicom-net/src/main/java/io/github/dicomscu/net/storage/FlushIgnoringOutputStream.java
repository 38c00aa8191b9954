package io.github.dicomscu.net.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;

/**
 * Carries a data set written by {@link DataSetWriter} into the P-DATA-TF stream of an
 * association: passes writes through and ignores the writer's {@link #flush()}, as the
 * stream can only be flushed once the message is finished, which the association does.
 * The writer already pads the data set to even length, as peers require of every
 * presentation data value.
 */
final class FlushIgnoringOutputStream extends FilterOutputStream {

	private FlushIgnoringOutputStream(OutputStream out) {
		super(out);
	}

	/**
	 * Write a data set.
	 * @param writer the writer
	 * @param dataSet the data set
	 * @param out the association's stream
	 * @throws IOException if writing fails
	 */
	static void write(DataSetWriter writer, DataSet dataSet, OutputStream out) throws IOException {
		writer.write(dataSet, new FlushIgnoringOutputStream(out));
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.out.write(bytes, offset, length);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

}
