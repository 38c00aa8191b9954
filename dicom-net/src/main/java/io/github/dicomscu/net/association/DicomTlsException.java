package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * A TLS connection to or from a peer could not be established; {@link #getFailure()} says
 * why. The connection is closed.
 */
public class DicomTlsException extends DicomNetworkException {

	private final TlsFailure failure;

	public DicomTlsException(TlsFailure failure, String peer, String detail, Throwable cause) {
		super("TLS with " + peer + " failed: " + failure.text() + ((detail != null) ? " (" + detail + ")" : ""), cause);
		this.failure = failure;
	}

	/**
	 * Return why the TLS connection failed.
	 * @return the failure
	 */
	public TlsFailure getFailure() {
		return this.failure;
	}

}
