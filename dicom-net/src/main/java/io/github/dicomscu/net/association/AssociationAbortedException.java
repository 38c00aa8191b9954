package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;

/**
 * The peer aborted the association with an A-ABORT PDU.
 */
public class AssociationAbortedException extends DicomNetworkException {

	private final AbortSource source;

	private final AbortReason reason;

	public AssociationAbortedException(String peer, AbortSource source, AbortReason reason) {
		super("Association aborted by " + peer + ": A-ABORT from the " + source.text()
				+ ((source == AbortSource.SERVICE_PROVIDER) ? ", reason " + reason.text() : ""));
		this.source = source;
		this.reason = reason;
	}

	/**
	 * Return who initiated the abort.
	 * @return the source
	 */
	public AbortSource getSource() {
		return this.source;
	}

	/**
	 * Return the reason given, significant when the source is the service-provider.
	 * @return the reason
	 */
	public AbortReason getReason() {
		return this.reason;
	}

}
