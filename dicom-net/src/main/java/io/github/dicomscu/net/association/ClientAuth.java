package io.github.dicomscu.net.association;

/**
 * Whether a TLS acceptor asks the requestor for a certificate.
 */
public enum ClientAuth {

	/** No client certificate is requested. */
	NONE,

	/**
	 * A client certificate is requested; a requestor without one is served, one with an
	 * untrusted certificate is refused.
	 */
	WANT,

	/** A trusted client certificate is required (mutual TLS). */
	NEED

}
