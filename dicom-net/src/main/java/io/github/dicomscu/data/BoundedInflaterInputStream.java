package io.github.dicomscu.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Inflates a raw deflate stream (PS3.5 Section A.5) with two limits against deflate
 * bombs: the inflated length, and the ratio of inflated to compressed bytes once more
 * than {@link #RATIO_ALLOWANCE} bytes are inflated. Past either, a read fails with a
 * {@link DicomParseException} whose offset counts inflated bytes.
 */
final class BoundedInflaterInputStream extends InflaterInputStream {

	/** The inflated length up to which the ratio is not checked. */
	static final long RATIO_ALLOWANCE = DataSetReader.INFLATION_RATIO_ALLOWANCE;

	private final long maxLength;

	private final int maxRatio;

	/**
	 * Create a stream that inflates another.
	 * @param in the deflated bytes
	 * @param inflater the inflater, for raw deflate data, ended by the caller
	 * @param bufferSize the size of the buffer for deflated bytes
	 * @param maxLength the most bytes the stream may inflate to
	 * @param maxRatio the most inflated bytes per deflated byte
	 */
	BoundedInflaterInputStream(InputStream in, Inflater inflater, int bufferSize, long maxLength, int maxRatio) {
		super(in, inflater, bufferSize);
		this.maxLength = maxLength;
		this.maxRatio = maxRatio;
	}

	@Override
	public int read(byte[] target, int offset, int length) throws IOException {
		long allowed = this.maxLength - this.inf.getBytesWritten();
		int read = super.read(target, offset, (allowed < length) ? (int) allowed + 1 : length);
		long inflated = this.inf.getBytesWritten();
		if (inflated > this.maxLength) {
			throw new DicomParseException("inflated byte", this.maxLength,
					"deflated data set inflates past the limit of " + this.maxLength + " bytes");
		}
		long deflated = this.inf.getBytesRead();
		if (inflated > RATIO_ALLOWANCE && inflated > deflated * this.maxRatio) {
			throw new DicomParseException("inflated byte", inflated, "deflated data set inflates more than "
					+ this.maxRatio + " times (" + deflated + " deflated bytes gave " + inflated + ")");
		}
		return read;
	}

}
