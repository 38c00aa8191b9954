package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * The association can no longer be used: the peer closed the connection, released the
 * association unexpectedly, or it was already released or aborted locally.
 */
public class AssociationClosedException extends DicomNetworkException {

	public AssociationClosedException(String message) {
		super(message);
	}

	public AssociationClosedException(String message, Throwable cause) {
		super(message, cause);
	}

}
