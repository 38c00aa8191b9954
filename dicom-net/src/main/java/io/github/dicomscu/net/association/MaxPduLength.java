package io.github.dicomscu.net.association;

/**
 * The rule for the maximum length of the P-DATA-TF PDUs an AE receives, as a PS3.8
 * Maximum Length sub-item carries it: {@value #NO_LIMIT} for no limit, or
 * {@value #MINIMUM} to {@value #MAXIMUM} bytes. The one place that checks it: everything
 * that takes a maximum PDU length calls {@link #check(long)}.
 */
public final class MaxPduLength {

	/** Length that sets no limit. */
	public static final long NO_LIMIT = 0;

	/** Smallest limit. */
	public static final long MINIMUM = 8;

	/** Largest limit: the sub-item field is an unsigned 32-bit integer. */
	public static final long MAXIMUM = 0xFFFFFFFFL;

	private MaxPduLength() {
	}

	/**
	 * Check a maximum PDU length.
	 * @param length the length in bytes
	 * @return the length
	 * @throws IllegalArgumentException if it is not {@value #NO_LIMIT} and not between
	 * {@value #MINIMUM} and {@value #MAXIMUM}
	 */
	public static long check(long length) {
		if (length != NO_LIMIT && (length < MINIMUM || length > MAXIMUM)) {
			throw new IllegalArgumentException("Maximum PDU length " + length + " must be " + NO_LIMIT
					+ " (no limit) or between " + MINIMUM + " and " + MAXIMUM);
		}
		return length;
	}

}
