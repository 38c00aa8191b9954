package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.DicomProtocolException;

/**
 * The rule for the maximum length of the P-DATA-TF PDUs an AE receives, as a PS3.8
 * Maximum Length sub-item carries it: {@value #NO_LIMIT} for no limit, or
 * {@value #MINIMUM} to {@value #MAXIMUM} bytes. The one place that checks it: everything
 * that takes a maximum PDU length calls {@link #check(long)}, and a peer's announced
 * length is checked by {@link #checkPeers(long, String)}.
 */
public final class MaxPduLength {

	/** Length that sets no limit. */
	public static final long NO_LIMIT = 0;

	/** Smallest limit. */
	public static final long MINIMUM = 8;

	/** Largest limit: the sub-item field is an unsigned 32-bit integer. */
	public static final long MAXIMUM = 0xFFFFFFFFL;

	/**
	 * Smallest length a peer may announce: a P-DATA-TF variable field that carries one
	 * byte of data (item length, presentation context id, message control header and the
	 * byte).
	 */
	public static final long SMALLEST_USABLE = 7;

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

	/**
	 * Check the maximum length a peer announced in its user information.
	 * @param length the announced length, 0 for no limit, negative if absent
	 * @param source what announced it, such as {@code "A-ASSOCIATE-AC from X"}
	 * @throws DicomProtocolException if it is below {@value #SMALLEST_USABLE}, so that no
	 * P-DATA-TF PDU could carry data
	 */
	static void checkPeers(long length, String source) throws DicomProtocolException {
		if (length > NO_LIMIT && length < SMALLEST_USABLE) {
			throw new DicomProtocolException(
					source + " announces a maximum PDU length of " + length
							+ " bytes, too small to carry a presentation data value (at least " + SMALLEST_USABLE + ")",
					AbortReason.INVALID_PDU_PARAMETER_VALUE);
		}
	}

}
