package io.github.dicomscu.scu;

import java.time.Duration;

import io.github.dicomscu.net.association.TimeoutKind;

/**
 * A timer expired while talking to the remote; the association was aborted. Always
 * {@linkplain #isTransient() transient}: a slow or busy remote may answer in time later.
 */
public class DicomTimeoutException extends DicomAccessException {

	private final TimeoutKind kind;

	private final Duration timeout;

	public DicomTimeoutException(String remote, String message, TimeoutKind kind, Duration timeout, Throwable cause) {
		super(remote, message, cause);
		this.kind = kind;
		this.timeout = timeout;
	}

	/**
	 * Return which timer expired.
	 * @return the timer
	 */
	public TimeoutKind getKind() {
		return this.kind;
	}

	/**
	 * Return how long the timer ran: the phase's timeout, or for
	 * {@link TimeoutKind#OPERATION} the overall budget of the association.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
