package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * The association can no longer be used: the peer closed the connection or released the
 * association unexpectedly, or ({@link #isLocal()}) it was already released or aborted on
 * this side.
 */
public class AssociationClosedException extends DicomNetworkException {

	private final boolean local;

	public AssociationClosedException(String message) {
		this(message, null, false);
	}

	public AssociationClosedException(String message, Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 * @param local whether this side ended the association (or never had it established),
	 * not the peer
	 */
	public AssociationClosedException(String message, Throwable cause, boolean local) {
		super(message, cause);
		this.local = local;
	}

	/**
	 * Return whether this side ended the association, or used it when it was not
	 * established, rather than the peer closing it.
	 * @return whether the association was closed locally
	 */
	public boolean isLocal() {
		return this.local;
	}

}
