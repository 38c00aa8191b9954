package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;

/**
 * The remote rejected the association (A-ASSOCIATE-RJ).
 */
public class AssociationRejectedException extends DicomAccessException {

	private final RejectResult result;

	private final RejectSource source;

	private final RejectReason reason;

	public AssociationRejectedException(String remote, String message, RejectResult result, RejectSource source,
			RejectReason reason, Throwable cause) {
		super(remote, message, cause);
		this.result = result;
		this.source = source;
		this.reason = reason;
	}

	public RejectResult getResult() {
		return this.result;
	}

	public RejectSource getSource() {
		return this.source;
	}

	public RejectReason getReason() {
		return this.reason;
	}

}
