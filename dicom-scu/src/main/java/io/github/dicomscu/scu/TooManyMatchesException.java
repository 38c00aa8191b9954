package io.github.dicomscu.scu;

/**
 * A C-FIND whose matches were to be collected returned more of them than the template
 * holds in memory; the C-FIND was cancelled and no match returned. Permanent: the remote
 * is expected to return as many again (narrow the query, raise the limit, or read the
 * matches as a stream with {@link AeOperations#find}).
 */
public class TooManyMatchesException extends DicomAccessException {

	private final int limit;

	public TooManyMatchesException(String remote, String message, int limit, Throwable cause) {
		super(remote, message, cause);
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
