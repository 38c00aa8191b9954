package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * A peer sent a data set larger than the association collects in memory (see
 * {@link MaxDataSetInMemory}): the association was aborted before the data set was
 * buffered past the limit.
 */
public class DataSetTooLargeException extends DicomNetworkException {

	private final long limit;

	public DataSetTooLargeException(String message, long limit) {
		super(message);
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
