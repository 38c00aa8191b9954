package io.github.dicomscu.scu;

import io.github.dicomscu.net.association.TlsFailure;

/**
 * A TLS connection to the remote could not be established; {@link #getFailure()} says why
 * (an untrusted, expired or mismatched certificate, a plain peer where TLS is configured,
 * a TLS peer where it is not, our certificate refused). Permanent: trust, certificates
 * and transport settings do not heal by retrying.
 */
public class DicomTlsException extends DicomAccessException {

	private final TlsFailure failure;

	public DicomTlsException(String remote, String message, TlsFailure failure, Throwable cause) {
		super(remote, message, cause);
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
