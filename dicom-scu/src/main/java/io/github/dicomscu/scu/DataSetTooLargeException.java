package io.github.dicomscu.scu;

/**
 * The remote sent a data set larger than the template collects in memory; the association
 * was aborted before it was buffered past the limit. Permanent: the remote is expected to
 * send the same data set again (raise the limit or narrow the request).
 */
public class DataSetTooLargeException extends DicomAccessException {

	private final long limit;

	public DataSetTooLargeException(String remote, String message, long limit, Throwable cause) {
		super(remote, message, cause);
		this.limit = limit;
	}

	/**
	 * Return the limit that the data set exceeded.
	 * @return the limit in bytes
	 */
	public long getLimit() {
		return this.limit;
	}

}
