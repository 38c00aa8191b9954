package io.github.dicomscu.net.query;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * A C-FIND returned more matches than the caller collects in memory (see
 * {@link FindResults#toList(int)}): the operation was cancelled with a C-CANCEL-RQ when
 * the first match past the limit arrived, and the matches read so far were dropped rather
 * than returned as a silently truncated answer.
 */
public class TooManyMatchesException extends DicomNetworkException {

	private final int limit;

	public TooManyMatchesException(String message, int limit) {
		super(message);
		this.limit = limit;
	}

	/**
	 * Return the most matches that were to be collected.
	 * @return the limit
	 */
	public int getLimit() {
		return this.limit;
	}

}
