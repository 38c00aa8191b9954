package io.github.dicomscu.net.association;

/**
 * Why a TLS connection could not be established, as told by a {@link DicomTlsException}.
 */
public enum TlsFailure {

	/** The peer's certificate does not chain to a trusted certificate. */
	UNTRUSTED_CERTIFICATE("the peer's certificate is not trusted"),

	/** The peer's certificate (or one of its chain) has expired or is not yet valid. */
	CERTIFICATE_EXPIRED("the peer's certificate has expired or is not yet valid"),

	/**
	 * The peer's certificate names neither the host name nor the address connected to.
	 */
	HOSTNAME_MISMATCH("the peer's certificate does not match the host connected to"),

	/** TLS is configured but the peer answered in plain TCP. */
	NOT_A_TLS_PEER("the peer does not speak TLS (plain TCP peer)"),

	/** TLS is not configured but the peer answered with TLS. */
	PEER_EXPECTS_TLS("the peer expects TLS but the connection is plain TCP"),

	/** The peer refused our certificate, or required one and we have none. */
	CLIENT_CERTIFICATE_REFUSED("the peer refused our certificate, or requires one"),

	/** The handshake failed otherwise, such as on no common protocol or cipher suite. */
	HANDSHAKE_FAILED("the TLS handshake failed");

	private final String text;

	TlsFailure(String text) {
		this.text = text;
	}

	/**
	 * Return a short readable description.
	 * @return the description
	 */
	public String text() {
		return this.text;
	}

}
