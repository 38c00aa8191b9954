package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.AssociateRj;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;

/**
 * The peer answered the association request with an A-ASSOCIATE-RJ.
 */
public class AssociationRejectedException extends DicomNetworkException {

	private final RejectResult result;

	private final RejectSource source;

	private final RejectReason reason;

	public AssociationRejectedException(String peer, AssociateRj reject) {
		super("Association rejected by " + peer + ": " + reject.resultEnum().text() + ", source "
				+ reject.sourceEnum().text() + ", reason " + reject.reason().text());
		this.result = reject.resultEnum();
		this.source = reject.sourceEnum();
		this.reason = reject.reason();
	}

	/**
	 * Return whether the rejection is permanent or transient.
	 * @return the result
	 */
	public RejectResult getResult() {
		return this.result;
	}

	/**
	 * Return who rejected the association.
	 * @return the source
	 */
	public RejectSource getSource() {
		return this.source;
	}

	/**
	 * Return why the association was rejected.
	 * @return the reason
	 */
	public RejectReason getReason() {
		return this.reason;
	}

}
