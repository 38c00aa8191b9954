package io.github.dicomscu.net.association;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * How an association is secured with TLS (PS3.15 Annex B): the {@link SSLContext} that
 * holds the key material and trust, the enabled protocols and cipher suites (by default
 * those of the BCP 195 profile that the context supports), whether the requestor verifies
 * the peer's host name or address against its certificate (on by default, for names and
 * IP addresses alike) and whether an acceptor asks for a client certificate. Immutable;
 * build with {@link #builder(SSLContext)}.
 */
public final class TlsSettings {

	/** The protocols of the BCP 195 profile: TLS 1.3 and TLS 1.2. */
	public static final List<String> BCP195_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	/**
	 * The cipher suites of the BCP 195 profile (RFC 9325 section 4.2 for TLS 1.2, the TLS
	 * 1.3 suites of RFC 8446), in order of preference, by their JDK names.
	 */
	public static final List<String> BCP195_CIPHER_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
			"TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
			"TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

	private final SSLContext context;

	private final List<String> protocols;

	private final List<String> cipherSuites;

	private final boolean verifyHostname;

	private final ClientAuth clientAuth;

	private TlsSettings(Builder builder) {
		this.context = builder.context;
		SSLParameters supported = this.context.getSupportedSSLParameters();
		this.protocols = enabled("protocol", builder.protocols, supported.getProtocols(), builder.protocolsSet);
		this.cipherSuites = enabled("cipher suite", builder.cipherSuites, supported.getCipherSuites(),
				builder.cipherSuitesSet);
		this.verifyHostname = builder.verifyHostname;
		this.clientAuth = builder.clientAuth;
	}

	/**
	 * Start building settings on an SSL context.
	 * @param context the context with the key material and trust
	 * @return a builder
	 */
	public static Builder builder(SSLContext context) {
		return new Builder(context);
	}

	/**
	 * Start building settings on the JVM's default SSL context: its default trust store
	 * and no key of ours.
	 * @return a builder
	 * @throws IllegalStateException if the JVM has no default SSL context
	 */
	public static Builder jvmDefault() {
		try {
			return builder(SSLContext.getDefault());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JVM has no default SSL context: " + ex.getMessage(), ex);
		}
	}

	public SSLContext getContext() {
		return this.context;
	}

	/**
	 * Return the enabled protocols, in order.
	 * @return the protocols
	 */
	public List<String> getProtocols() {
		return this.protocols;
	}

	/**
	 * Return the enabled cipher suites, in order of preference.
	 * @return the cipher suites
	 */
	public List<String> getCipherSuites() {
		return this.cipherSuites;
	}

	/**
	 * Return whether a requestor checks that the peer's certificate names the host (or IP
	 * address) it connected to.
	 * @return whether the host name is verified
	 */
	public boolean isVerifyHostname() {
		return this.verifyHostname;
	}

	/**
	 * Return whether an acceptor asks for a client certificate.
	 * @return the client authentication
	 */
	public ClientAuth getClientAuth() {
		return this.clientAuth;
	}

	/**
	 * Return the parameters of one connection: the enabled protocols and cipher suites,
	 * the client authentication, and for a requestor the host name verification.
	 * @param requestor whether for a requestor
	 * @return the parameters
	 */
	SSLParameters parameters(boolean requestor) {
		SSLParameters parameters = this.context.getDefaultSSLParameters();
		parameters.setProtocols(this.protocols.toArray(String[]::new));
		parameters.setCipherSuites(this.cipherSuites.toArray(String[]::new));
		if (requestor) {
			parameters.setEndpointIdentificationAlgorithm(this.verifyHostname ? "HTTPS" : null);
		}
		else {
			parameters.setWantClientAuth(this.clientAuth == ClientAuth.WANT);
			parameters.setNeedClientAuth(this.clientAuth == ClientAuth.NEED);
		}
		return parameters;
	}

	@Override
	public String toString() {
		return "TLS " + this.protocols + ", " + this.cipherSuites.size() + " cipher suites, verify hostname "
				+ this.verifyHostname + ", client auth " + this.clientAuth;
	}

	private static List<String> enabled(String kind, List<String> wanted, String[] supported, boolean explicit) {
		List<String> available = Arrays.asList(supported);
		List<String> enabled = wanted.stream().filter(available::contains).toList();
		if (explicit && enabled.size() != wanted.size()) {
			List<String> unsupported = wanted.stream().filter((name) -> !available.contains(name)).toList();
			throw new IllegalArgumentException("Unsupported TLS " + kind + "s: " + unsupported);
		}
		if (enabled.isEmpty()) {
			throw new IllegalArgumentException("The SSL context supports none of the TLS " + kind + "s " + wanted);
		}
		return enabled;
	}

	/**
	 * Builder for {@link TlsSettings}.
	 */
	public static final class Builder {

		private final SSLContext context;

		private List<String> protocols = BCP195_PROTOCOLS;

		private boolean protocolsSet;

		private List<String> cipherSuites = BCP195_CIPHER_SUITES;

		private boolean cipherSuitesSet;

		private boolean verifyHostname = true;

		private ClientAuth clientAuth = ClientAuth.NONE;

		private Builder(SSLContext context) {
			this.context = Objects.requireNonNull(context, "context");
		}

		/**
		 * Enable these protocols instead of the BCP 195 ones; each must be supported.
		 * @param protocols the protocols, such as {@code TLSv1.3}
		 * @return this builder
		 */
		public Builder protocols(List<String> protocols) {
			this.protocols = List.copyOf(protocols);
			this.protocolsSet = true;
			return this;
		}

		/**
		 * Enable these cipher suites instead of the BCP 195 ones; each must be supported.
		 * @param cipherSuites the cipher suites, by their JDK names
		 * @return this builder
		 */
		public Builder cipherSuites(List<String> cipherSuites) {
			this.cipherSuites = List.copyOf(cipherSuites);
			this.cipherSuitesSet = true;
			return this;
		}

		/**
		 * Set whether a requestor checks that the peer's certificate names the host name
		 * or IP address connected to (default {@code true}).
		 * @param verifyHostname whether to verify
		 * @return this builder
		 */
		public Builder verifyHostname(boolean verifyHostname) {
			this.verifyHostname = verifyHostname;
			return this;
		}

		/**
		 * Set whether an acceptor asks for a client certificate (default
		 * {@link ClientAuth#NONE}).
		 * @param clientAuth the client authentication
		 * @return this builder
		 */
		public Builder clientAuth(ClientAuth clientAuth) {
			this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws IllegalArgumentException if a protocol or cipher suite set explicitly
		 * is not supported by the context, or none is left
		 */
		public TlsSettings build() {
			return new TlsSettings(this);
		}

	}

}
