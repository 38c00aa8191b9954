package io.github.dicomscu.sample.web;

import java.time.Duration;

/**
 * A C-MOVE or C-GET that was still pending when {@code sample.retrieve.timeout} ran out:
 * the sample aborted the association. {@link DicomAccessExceptionHandler} answers it with
 * a 504 problem.
 */
public class RetrieveTimeoutException extends RuntimeException {

	private final String remote;

	private final Duration timeout;

	RetrieveTimeoutException(String operation, String remote, Duration timeout) {
		super(operation + " from '" + remote + "' still pending after " + timeout
				+ " (sample.retrieve.timeout); the association was aborted");
		this.remote = remote;
		this.timeout = timeout;
	}

	/**
	 * Return the name of the remote that did not finish.
	 * @return the remote's name
	 */
	public String getRemote() {
		return this.remote;
	}

	/**
	 * Return the bound that ran out.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
