package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;

/**
 * The remote, or its upper layer, aborted the association with an A-ABORT. Permanent: the
 * peer ended the association on purpose, and the same exchange is expected to meet the
 * same end. A connection that ended without an A-ABORT is an
 * {@link AssociationClosedException}.
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
	 * Return who aborted.
	 * @return the source
	 */
	public AbortSource getSource() {
		return this.source;
	}

	/**
	 * Return the abort reason, significant when the source is the service-provider.
	 * @return the reason
	 */
	public AbortReason getReason() {
		return this.reason;
	}

}
