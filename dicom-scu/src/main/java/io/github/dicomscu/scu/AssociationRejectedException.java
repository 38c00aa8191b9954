package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;

/**
 * The remote rejected the association (A-ASSOCIATE-RJ). {@linkplain #isTransient()
 * Transient} when the result is rejected-transient, as with temporary-congestion or
 * local-limit-exceeded; permanent otherwise, as with an AE title the remote does not
 * know.
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

	@Override
	public boolean isTransient() {
		return this.result == RejectResult.TRANSIENT;
	}

}
