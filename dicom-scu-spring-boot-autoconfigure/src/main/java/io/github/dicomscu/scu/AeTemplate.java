package io.github.dicomscu.scu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.dicomscu.net.DicomNetworkException;
import io.github.dicomscu.net.association.AeTitle;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.BindAddress;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.RequestedContexts;
import io.github.dicomscu.net.dimse.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central class of the SCU side: opens an association with a named remote AE for every
 * operation, runs the work on it, and releases it (or aborts it when the work fails). Engine
 * failures are translated into the {@link DicomAccessException} hierarchy, with messages that
 * name the remote.
 * <p>
 * An instance is immutable once built (see {@link #builder()}) and thread-safe: each call has
 * its own association, so one template serves any number of threads.
 * <p>
 * Every association is logged at INFO in one line (the remote and how many of the proposed
 * presentation contexts it accepted); the engine logs the negotiated contexts as a table at
 * DEBUG under {@code io.github.dicomscu.net.association.Association}.
 */
public class AeTemplate implements AeOperations {

	private static final Logger logger = LoggerFactory.getLogger(AeTemplate.class);

	private final String aeTitle;

	private final long maxPduLength;

	private final AssociationTimeouts timeouts;

	private final BindAddress bindAddress;

	private final List<PresentationContext> requestedContexts;

	private final Map<String, RemoteAe> remotes;

	private final Map<String, List<PresentationContext>> remoteContexts;

	private AeTemplate(Builder builder) {
		this.aeTitle = builder.aeTitle;
		this.maxPduLength = builder.maxPduLength;
		this.timeouts = builder.timeouts;
		this.bindAddress = builder.bindAddress;
		this.requestedContexts = builder.requestedContexts.toList();
		this.remotes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.remotes));
		Map<String, List<PresentationContext>> remoteContexts = new LinkedHashMap<>();
		builder.remoteContexts.forEach((name, contexts) -> remoteContexts.put(name, contexts.toList()));
		this.remoteContexts = Collections.unmodifiableMap(remoteContexts);
	}

	/**
	 * Start building a template: AE title {@value AssociationRequest#DEFAULT_CALLING_AE_TITLE},
	 * the default maximum PDU length and timeouts, no bind address, no contexts and no remotes.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public EchoResult echo(String remote) {
		return echo(remote, getRequestedContexts(remote), this.timeouts);
	}

	/**
	 * Verify a remote with C-ECHO on an association that proposes the given contexts and runs
	 * with the given timers, for example a health check that proposes Verification only and
	 * waits less than usual. A status other than Success is returned, not thrown.
	 * @param remote the remote's name
	 * @param contexts the contexts to propose, which must include Verification
	 * @param timeouts the timers of the association
	 * @return the outcome
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws DicomAccessException if the echo fails
	 */
	public EchoResult echo(String remote, List<PresentationContext> contexts, AssociationTimeouts timeouts) {
		RemoteAe remoteAe = getRemote(remote);
		long start = System.nanoTime();
		Echo echo = execute(remote, contexts, timeouts, (association) -> new Echo(association.echo(),
				association.getPeerImplementationClassUid(), association.getPeerImplementationVersionName()));
		Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
		return new EchoResult(remoteAe, echo.status(), Status.meaningOf(echo.status()), roundTrip,
				echo.implementationClassUid(), echo.implementationVersionName());
	}

	@Override
	public <T> T execute(String remote, AssociationCallback<T> callback) {
		return execute(remote, getRequestedContexts(remote), this.timeouts, callback);
	}

	@Override
	public <T> T execute(String remote, List<PresentationContext> contexts, AssociationCallback<T> callback) {
		return execute(remote, contexts, this.timeouts, callback);
	}

	/**
	 * Open an association with a remote proposing the given contexts with the given timers,
	 * run the callback on it and release it; abort it if the callback fails. A release that
	 * fails once the callback has returned is logged and the association aborted; the
	 * callback's result is still returned.
	 * @param <T> the result type
	 * @param remote the remote's name
	 * @param contexts the contexts to propose, in order (1 to 128)
	 * @param timeouts the timers of the association
	 * @param callback the work
	 * @return the callback's result
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws IllegalArgumentException if no context is given
	 * @throws io.github.dicomscu.net.context.TooManyPresentationContextsException if more than
	 * 128 contexts are given
	 * @throws DicomAccessException if the association or the callback fails
	 */
	public <T> T execute(String remote, List<PresentationContext> contexts, AssociationTimeouts timeouts,
			AssociationCallback<T> callback) {
		Objects.requireNonNull(callback, "callback");
		RemoteAe remoteAe = getRemote(remote);
		AssociationRequest request = AssociationRequest.builder(remoteAe.host(), remoteAe.port())
			.callingAeTitle(this.aeTitle)
			.calledAeTitle(remoteAe.aeTitle())
			.maxPduLength(this.maxPduLength)
			.bindAddress(this.bindAddress)
			.timeouts(Objects.requireNonNull(timeouts, "timeouts"))
			.contexts(contexts)
			.build();
		Association association;
		try {
			association = Association.request(request);
		}
		catch (DicomNetworkException ex) {
			throw DicomExceptionTranslator.translate(remoteAe, ex);
		}
		logNegotiation(remoteAe, association);
		T result;
		try {
			result = callback.doInAssociation(association);
		}
		catch (DicomNetworkException ex) {
			association.abort();
			throw DicomExceptionTranslator.translate(remoteAe, ex);
		}
		catch (RuntimeException | Error ex) {
			association.abort();
			throw ex;
		}
		release(remoteAe, association);
		return result;
	}

	@Override
	public List<PresentationContext> getRequestedContexts(String remote) {
		getRemote(remote);
		return this.remoteContexts.getOrDefault(remote, this.requestedContexts);
	}

	@Override
	public Map<String, RemoteAe> getRemotes() {
		return this.remotes;
	}

	/**
	 * Return the calling AE title.
	 * @return the AE title
	 */
	public String getAeTitle() {
		return this.aeTitle;
	}

	/**
	 * Return the maximum length of the P-DATA-TF PDUs this AE receives.
	 * @return the length in bytes, 0 for no limit
	 */
	public long getMaxPduLength() {
		return this.maxPduLength;
	}

	/**
	 * Return the timers every association runs with unless a call gives others.
	 * @return the timeouts
	 */
	public AssociationTimeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Return the local address associations are opened from.
	 * @return the bind address, or {@code null} to let the system choose
	 */
	public BindAddress getBindAddress() {
		return this.bindAddress;
	}

	/**
	 * Return the contexts proposed to remotes that have none of their own.
	 * @return the contexts, in the order proposed
	 */
	public List<PresentationContext> getRequestedContexts() {
		return this.requestedContexts;
	}

	private RemoteAe getRemote(String remote) {
		RemoteAe remoteAe = this.remotes.get(remote);
		if (remoteAe == null) {
			throw new UnknownRemoteException(remote, this.remotes.keySet());
		}
		return remoteAe;
	}

	private void release(RemoteAe remote, Association association) {
		try {
			association.release();
		}
		catch (DicomNetworkException ex) {
			association.abort();
			logger.warn("Release of the association with remote '{}' ({}) failed after the work completed: {}",
					remote.name(), association.getPeer(), ex.getMessage());
		}
	}

	private static void logNegotiation(RemoteAe remote, Association association) {
		if (logger.isInfoEnabled()) {
			List<NegotiatedContext> contexts = association.getNegotiatedContexts();
			long accepted = contexts.stream().filter(NegotiatedContext::isAccepted).count();
			logger.info("Association with remote '{}' ({}): {} of {} presentation contexts accepted, {} rejected",
					remote.name(), association.getPeer(), accepted, contexts.size(), contexts.size() - accepted);
		}
	}

	/**
	 * What a C-ECHO returns from inside the association.
	 */
	private record Echo(int status, String implementationClassUid, String implementationVersionName) {
	}

	/**
	 * Mutable builder for {@link AeTemplate}, also what an {@link AeTemplateCustomizer}
	 * receives. The requested contexts are {@link RequestedContexts}: add them one by one (like
	 * pynetdicom's {@code add_requested_context}) or replace them all (like assigning
	 * {@code requested_contexts}); a change that would exceed 128 contexts throws
	 * {@link io.github.dicomscu.net.context.TooManyPresentationContextsException}. Not
	 * thread-safe.
	 */
	public static final class Builder {

		private static final long MAXIMUM_PDU_LENGTH = 0xFFFFFFFFL;

		private String aeTitle = AssociationRequest.DEFAULT_CALLING_AE_TITLE;

		private long maxPduLength = AssociationRequest.DEFAULT_MAX_PDU_LENGTH;

		private AssociationTimeouts timeouts = AssociationTimeouts.defaults();

		private BindAddress bindAddress;

		private final RequestedContexts requestedContexts = new RequestedContexts();

		private final Map<String, RemoteAe> remotes = new LinkedHashMap<>();

		private final Map<String, RequestedContexts> remoteContexts = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Set the calling AE title.
		 * @param aeTitle the AE title; leading and trailing spaces are dropped
		 * @return this builder
		 * @throws IllegalArgumentException if it is not a valid AE title
		 */
		public Builder aeTitle(String aeTitle) {
			this.aeTitle = AeTitle.check("calling AE title", aeTitle);
			return this;
		}

		/**
		 * Set the maximum length of the P-DATA-TF PDUs this AE receives.
		 * @param maxPduLength the length in bytes, 0 for no limit
		 * @return this builder
		 * @throws IllegalArgumentException if the length is not 0 and not between 8 and
		 * 4294967295 (PS3.8 Maximum Length sub-item)
		 */
		public Builder maxPduLength(long maxPduLength) {
			if (maxPduLength < 0 || maxPduLength > MAXIMUM_PDU_LENGTH || (maxPduLength > 0 && maxPduLength < 8)) {
				throw new IllegalArgumentException("Maximum PDU length " + maxPduLength
						+ " must be 0 (no limit) or between 8 and " + MAXIMUM_PDU_LENGTH);
			}
			this.maxPduLength = maxPduLength;
			return this;
		}

		/**
		 * Set the timers of every association.
		 * @param timeouts the timeouts
		 * @return this builder
		 */
		public Builder timeouts(AssociationTimeouts timeouts) {
			this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
			return this;
		}

		/**
		 * Set the local address associations are opened from.
		 * @param bindAddress the bind address, or {@code null} to let the system choose
		 * @return this builder
		 */
		public Builder bindAddress(BindAddress bindAddress) {
			this.bindAddress = bindAddress;
			return this;
		}

		/**
		 * Add a remote AE, or replace the one with the same name.
		 * @param remote the remote
		 * @return this builder
		 * @throws IllegalArgumentException if its AE title, host or port is invalid
		 */
		public Builder remote(RemoteAe remote) {
			Objects.requireNonNull(remote, "remote");
			String aeTitle = AeTitle.check("AE title of remote '" + remote.name() + "'", remote.aeTitle());
			if (remote.host() == null || remote.host().isBlank()) {
				throw new IllegalArgumentException("Remote '" + remote.name() + "' has no host");
			}
			if (remote.port() < 1 || remote.port() > 65535) {
				throw new IllegalArgumentException(
						"Port " + remote.port() + " of remote '" + remote.name() + "' is outside 1-65535");
			}
			this.remotes.put(remote.name(), new RemoteAe(remote.name(), aeTitle, remote.host(), remote.port()));
			return this;
		}

		/**
		 * Return the contexts proposed to every remote that has none of its own, to change in
		 * place.
		 * @return the requested contexts
		 */
		public RequestedContexts requestedContexts() {
			return this.requestedContexts;
		}

		/**
		 * Return the contexts proposed to one remote instead of the global ones, to change in
		 * place; the first call gives the remote its own, empty, list.
		 * @param remote the remote's name
		 * @return the remote's requested contexts
		 * @throws IllegalArgumentException if no remote has that name
		 */
		public RequestedContexts requestedContexts(String remote) {
			if (!this.remotes.containsKey(remote)) {
				throw new IllegalArgumentException("No remote named '" + remote + "'; known remotes: "
						+ String.join(", ", this.remotes.keySet()));
			}
			return this.remoteContexts.computeIfAbsent(remote, (name) -> new RequestedContexts());
		}

		/**
		 * Return the remotes added so far, by name.
		 * @return an unmodifiable view of the remotes
		 */
		public Map<String, RemoteAe> remotes() {
			return Collections.unmodifiableMap(this.remotes);
		}

		/**
		 * Build the template.
		 * @return the template
		 * @throws IllegalStateException if a remote would be proposed no context
		 */
		public AeTemplate build() {
			List<String> withoutContexts = new ArrayList<>();
			for (String remote : this.remotes.keySet()) {
				RequestedContexts contexts = this.remoteContexts.getOrDefault(remote, this.requestedContexts);
				if (contexts.isEmpty()) {
					withoutContexts.add(remote);
				}
			}
			if (!withoutContexts.isEmpty()) {
				throw new IllegalStateException("No presentation contexts to propose to remote(s) "
						+ String.join(", ", withoutContexts) + "; an association proposes at least one");
			}
			return new AeTemplate(this);
		}

	}

}
