package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;

/**
 * The association was aborted by the remote, or ended unexpectedly (connection closed,
 * released by the remote while a response was outstanding).
 */
public class AssociationAbortedException extends DicomAccessException {

	private final AbortSource source;

	private final AbortReason reason;

	public AssociationAbortedException(String remote, String message, AbortSource source, AbortReason reason,
			Throwable cause) {
		super(remote, message, cause);
		this.source = source;
		this.reason = reason;
	}

	/**
	 * Return who aborted, or {@code null} if the connection ended without an A-ABORT.
	 * @return the source
	 */
	public AbortSource getSource() {
		return this.source;
	}

	/**
	 * Return the abort reason, or {@code null} if the connection ended without an A-ABORT.
	 * @return the reason
	 */
	public AbortReason getReason() {
		return this.reason;
	}

}
