package io.github.dicomscu.net.association;

import java.time.Duration;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * A timer of the engine expired: the connection was aborted and closed. The message names
 * the timer and its timeout (for {@link TimeoutKind#OPERATION}, the overall budget and
 * the wait it cut short).
 */
public class DicomTimeoutException extends DicomNetworkException {

	private final TimeoutKind kind;

	private final Duration timeout;

	public DicomTimeoutException(TimeoutKind kind, Duration timeout, String detail) {
		super(kind.text() + " (" + format(timeout) + ") expired " + kind.activity()
				+ ((detail != null) ? ": " + detail : ""));
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
	 * Return the timeout that expired: the phase's timeout, or for
	 * {@link TimeoutKind#OPERATION} the overall budget of the association.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	private static String format(Duration timeout) {
		long millis = timeout.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

}
