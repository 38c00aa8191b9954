package io.github.dicomscu.net.association;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.dicomscu.net.pdu.AeTitle;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.RequestedContexts;
import io.github.dicomscu.net.pdu.UserIdentityRq;

/**
 * Everything needed to request an association: the peer, the AE titles, the presentation
 * contexts to propose (at most {@value RequestedContexts#MAXIMUM}), the maximum PDU
 * length we receive, the largest data set we collect in memory, an optional local bind
 * address, the timers, an optional overall timeout and, for a secure connection, the TLS
 * settings. Immutable; build with {@link #builder(String, int)}.
 */
public final class AssociationRequest {

	/** Default calling AE title. */
	public static final String DEFAULT_CALLING_AE_TITLE = "DICOMSCU";

	/** Default called AE title. */
	public static final String DEFAULT_CALLED_AE_TITLE = "ANY-SCP";

	/** Default maximum PDU length we receive, in bytes. */
	public static final long DEFAULT_MAX_PDU_LENGTH = 16382;

	private final String host;

	private final int port;

	private final String callingAeTitle;

	private final String calledAeTitle;

	private final List<PresentationContext> contexts;

	private final long maxPduLength;

	private final long maxDataSetInMemory;

	private final BindAddress bindAddress;

	private final AssociationTimeouts timeouts;

	private final Duration overallTimeout;

	private final UserIdentityRq userIdentity;

	private final TlsSettings tls;

	private AssociationRequest(Builder builder) {
		this.host = builder.host;
		this.port = builder.port;
		this.callingAeTitle = AeTitle.check("calling AE title", builder.callingAeTitle);
		this.calledAeTitle = AeTitle.check("called AE title", builder.calledAeTitle);
		if (builder.contexts.isEmpty()) {
			throw new IllegalArgumentException("An association must propose at least one presentation context");
		}
		RequestedContexts.checkCount(builder.contexts, "the association request");
		this.contexts = List.copyOf(builder.contexts);
		this.maxPduLength = builder.maxPduLength;
		this.maxDataSetInMemory = builder.maxDataSetInMemory;
		this.bindAddress = builder.bindAddress;
		this.timeouts = builder.timeouts;
		this.overallTimeout = builder.overallTimeout;
		this.userIdentity = builder.userIdentity;
		this.tls = builder.tls;
	}

	/**
	 * Start building a request to the given peer.
	 * @param host the peer's host
	 * @param port the peer's port
	 * @return a builder
	 */
	public static Builder builder(String host, int port) {
		return new Builder(host, port);
	}

	public String getHost() {
		return this.host;
	}

	public int getPort() {
		return this.port;
	}

	public String getCallingAeTitle() {
		return this.callingAeTitle;
	}

	public String getCalledAeTitle() {
		return this.calledAeTitle;
	}

	/**
	 * Return the contexts to propose, in order; context ids are assigned 1, 3, 5, … in
	 * this order.
	 * @return the contexts
	 */
	public List<PresentationContext> getContexts() {
		return this.contexts;
	}

	public long getMaxPduLength() {
		return this.maxPduLength;
	}

	/**
	 * Return the largest data set collected in memory from the peer; a larger one aborts
	 * the association.
	 * @return the limit in bytes
	 */
	public long getMaxDataSetInMemory() {
		return this.maxDataSetInMemory;
	}

	public BindAddress getBindAddress() {
		return this.bindAddress;
	}

	public AssociationTimeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Return the overall timeout: how long the association's whole use may take, from the
	 * connect to the end of the release.
	 * @return the overall timeout, or {@code null} for none
	 * @see Builder#overallTimeout(Duration)
	 */
	public Duration getOverallTimeout() {
		return this.overallTimeout;
	}

	public UserIdentityRq getUserIdentity() {
		return this.userIdentity;
	}

	/**
	 * Return the TLS settings of the connection.
	 * @return the settings, or {@code null} for plain TCP
	 */
	public TlsSettings getTls() {
		return this.tls;
	}

	/**
	 * Return a short description of the peer, such as {@code STORESCP@127.0.0.1:11112}.
	 * @return the description
	 */
	public String describePeer() {
		return this.calledAeTitle + "@" + this.host + ":" + this.port;
	}

	@Override
	public String toString() {
		return this.callingAeTitle + " -> " + describePeer() + ((this.tls != null) ? " over TLS" : "") + " ("
				+ this.contexts.size() + " contexts)";
	}

	/**
	 * Builder for {@link AssociationRequest}.
	 */
	public static final class Builder {

		private final String host;

		private final int port;

		private String callingAeTitle = DEFAULT_CALLING_AE_TITLE;

		private String calledAeTitle = DEFAULT_CALLED_AE_TITLE;

		private final List<PresentationContext> contexts = new ArrayList<>();

		private long maxPduLength = DEFAULT_MAX_PDU_LENGTH;

		private long maxDataSetInMemory = MaxDataSetInMemory.DEFAULT;

		private BindAddress bindAddress;

		private AssociationTimeouts timeouts = AssociationTimeouts.defaults();

		private Duration overallTimeout;

		private UserIdentityRq userIdentity;

		private TlsSettings tls;

		private Builder(String host, int port) {
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("Peer host must not be empty");
			}
			this.host = host;
			this.port = Port.checkPeer("Peer", port);
		}

		public Builder callingAeTitle(String callingAeTitle) {
			this.callingAeTitle = callingAeTitle;
			return this;
		}

		public Builder calledAeTitle(String calledAeTitle) {
			this.calledAeTitle = calledAeTitle;
			return this;
		}

		/**
		 * Add a context to propose; the order of calls is the order proposed.
		 * @param context the context
		 * @return this builder
		 */
		public Builder context(PresentationContext context) {
			this.contexts.add(Objects.requireNonNull(context, "context"));
			return this;
		}

		/**
		 * Add contexts to propose, in order.
		 * @param contexts the contexts
		 * @return this builder
		 */
		public Builder contexts(List<PresentationContext> contexts) {
			contexts.forEach(this::context);
			return this;
		}

		/**
		 * Set the maximum length of the P-DATA-TF PDUs we receive, 0 for no limit.
		 * @param maxPduLength the length in bytes
		 * @return this builder
		 * @throws IllegalArgumentException if {@link MaxPduLength#check(long)} rejects it
		 */
		public Builder maxPduLength(long maxPduLength) {
			this.maxPduLength = MaxPduLength.check(maxPduLength);
			return this;
		}

		/**
		 * Set the largest data set collected in memory from the peer (one not streamed to
		 * a {@link DataSetSink}, such as a C-FIND response's identifier); a larger one
		 * aborts the association with a {@link DataSetTooLargeException}.
		 * @param maxDataSetInMemory the limit in bytes
		 * @return this builder
		 * @throws IllegalArgumentException if {@link MaxDataSetInMemory#check(long)}
		 * rejects it
		 */
		public Builder maxDataSetInMemory(long maxDataSetInMemory) {
			this.maxDataSetInMemory = MaxDataSetInMemory.check(maxDataSetInMemory);
			return this;
		}

		public Builder bindAddress(BindAddress bindAddress) {
			this.bindAddress = bindAddress;
			return this;
		}

		public Builder timeouts(AssociationTimeouts timeouts) {
			this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
			return this;
		}

		/**
		 * Set an overall timeout for the association's whole use: it starts when
		 * {@link Association#request(AssociationRequest)} is called, and every wait from
		 * the connect to the end of the release (connect, ACSE, DIMSE, a blocked write,
		 * ARTIM) ends at the earlier of its own deadline and this one. Its expiry is a
		 * {@link DicomTimeoutException} of kind {@link TimeoutKind#OPERATION} that names
		 * this budget and the wait it cut short; the association is then aborted.
		 * @param overallTimeout the overall timeout, or {@code null} for none (the
		 * default)
		 * @return this builder
		 * @throws IllegalArgumentException if {@link AssociationTimeouts#check} rejects
		 * it
		 */
		public Builder overallTimeout(Duration overallTimeout) {
			this.overallTimeout = (overallTimeout != null) ? AssociationTimeouts.check("overall", overallTimeout)
					: null;
			return this;
		}

		public Builder userIdentity(UserIdentityRq userIdentity) {
			this.userIdentity = userIdentity;
			return this;
		}

		/**
		 * Secure the connection with TLS; the handshake completes within the connect
		 * timeout (PS3.15 Annex B).
		 * @param tls the TLS settings, or {@code null} for plain TCP (the default)
		 * @return this builder
		 */
		public Builder tls(TlsSettings tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException if an AE title is invalid or no context is
		 * given
		 * @throws io.github.dicomscu.net.context.TooManyPresentationContextsException if
		 * more than 128 contexts are given
		 */
		public AssociationRequest build() {
			return new AssociationRequest(this);
		}

	}

}
