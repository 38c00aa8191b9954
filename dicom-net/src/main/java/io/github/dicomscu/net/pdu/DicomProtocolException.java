package io.github.dicomscu.net.pdu;

/**
 * A peer violated the DICOM upper layer protocol (PS3.8): a malformed or unexpected PDU,
 * an item whose length does not fit, or a PDU larger than the maximum receive length.
 * Carries the A-ABORT provider reason that is sent to the peer.
 */
public class DicomProtocolException extends DicomNetworkException {

	private final AbortReason abortReason;

	public DicomProtocolException(String message, AbortReason abortReason) {
		super(message);
		this.abortReason = abortReason;
	}

	public DicomProtocolException(String message, AbortReason abortReason, Throwable cause) {
		super(message, cause);
		this.abortReason = abortReason;
	}

	/**
	 * Return the provider reason sent in the A-ABORT that answers this violation.
	 * @return the abort reason
	 */
	public AbortReason getAbortReason() {
		return this.abortReason;
	}

}
