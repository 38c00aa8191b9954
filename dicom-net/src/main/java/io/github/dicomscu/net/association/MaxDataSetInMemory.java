package io.github.dicomscu.net.association;

/**
 * The rule for the largest data set an association collects in memory: a received data
 * set that is not streamed to a {@link DataSetSink} is held in memory up to this many
 * bytes, and the association is aborted past it. Between {@value #MINIMUM} and
 * {@value #MAXIMUM} bytes (the largest byte array); {@value #DEFAULT} by default. The one
 * place that checks it: everything that takes such a limit calls {@link #check(long)}.
 */
public final class MaxDataSetInMemory {

	/** Default limit: 64 MiB. */
	public static final long DEFAULT = 64L * 1024 * 1024;

	/** Smallest limit. */
	public static final long MINIMUM = 1;

	/** Largest limit: the largest byte array a JVM allocates. */
	public static final long MAXIMUM = Integer.MAX_VALUE - 8;

	private MaxDataSetInMemory() {
	}

	/**
	 * Check a limit.
	 * @param length the limit in bytes
	 * @return the limit
	 * @throws IllegalArgumentException if it is not between {@value #MINIMUM} and
	 * {@value #MAXIMUM}
	 */
	public static long check(long length) {
		if (length < MINIMUM || length > MAXIMUM) {
			throw new IllegalArgumentException("Maximum data set in memory " + length + " must be between " + MINIMUM
					+ " and " + MAXIMUM + " bytes");
		}
		return length;
	}

}
