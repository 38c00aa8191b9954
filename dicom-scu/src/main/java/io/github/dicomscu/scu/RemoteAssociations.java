package io.github.dicomscu.scu;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.BindAddress;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.association.TlsSettings;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a template's associations begin and end: requested with the local AE's settings,
 * logged in one line, and ended by release while still established, by abort otherwise.
 * Whether an association survived a failure is asked of the association: the engine
 * aborts every association a failure breaks. Engine failures are translated with the
 * template's {@link DicomExceptionTranslator}.
 */
final class RemoteAssociations {

	private static final Logger logger = LoggerFactory.getLogger(AeTemplate.class);

	private final String aeTitle;

	private final long maxPduLength;

	private final long maxDataSetInMemory;

	private final BindAddress bindAddress;

	private final Map<String, Supplier<TlsSettings>> tls;

	private final DicomExceptionTranslator translator;

	RemoteAssociations(String aeTitle, long maxPduLength, long maxDataSetInMemory, BindAddress bindAddress,
			Map<String, Supplier<TlsSettings>> tls, DicomExceptionTranslator translator) {
		this.aeTitle = aeTitle;
		this.maxPduLength = maxPduLength;
		this.maxDataSetInMemory = maxDataSetInMemory;
		this.bindAddress = bindAddress;
		this.tls = tls;
		this.translator = translator;
	}

	/**
	 * Return the TLS settings of the next association with a remote.
	 * @param remote the remote's name
	 * @return the settings, or {@code null} for plain TCP
	 */
	TlsSettings tls(String remote) {
		Supplier<TlsSettings> settings = this.tls.get(remote);
		return (settings != null) ? settings.get() : null;
	}

	/**
	 * Request an association with a remote.
	 * @param remote the remote
	 * @param contexts the contexts to propose, in order
	 * @param timeouts the timers of the association
	 * @param overallTimeout the overall timeout of the association's whole use, or
	 * {@code null} for none
	 * @return the established association
	 * @throws DicomAccessException if it cannot be established
	 */
	Association open(RemoteAe remote, List<PresentationContext> contexts, AssociationTimeouts timeouts,
			Duration overallTimeout) {
		AssociationRequest request = AssociationRequest.builder(remote.host(), remote.port())
			.callingAeTitle(this.aeTitle)
			.calledAeTitle(remote.aeTitle())
			.maxPduLength(this.maxPduLength)
			.maxDataSetInMemory(this.maxDataSetInMemory)
			.bindAddress(this.bindAddress)
			.timeouts(Objects.requireNonNull(timeouts, "timeouts"))
			.overallTimeout(overallTimeout)
			.tls(tls(remote.name()))
			.contexts(contexts)
			.userIdentity(remote.userIdentity())
			.build();
		Association association;
		try {
			association = Association.request(request);
		}
		catch (DicomNetworkException ex) {
			throw translate(remote, ex);
		}
		logNegotiation(remote, association);
		return association;
	}

	/**
	 * End an association after an engine failure and return the failure translated.
	 * @param remote the remote
	 * @param association the association
	 * @param ex the engine failure
	 * @return the exception to throw
	 */
	DicomAccessException fail(RemoteAe remote, Association association, DicomNetworkException ex) {
		end(remote, association);
		return translate(remote, ex);
	}

	/**
	 * End an association: release it if it is still established, else abort it (which
	 * only closes what is left of it). A release that fails is logged and the association
	 * aborted.
	 * @param remote the remote
	 * @param association the association
	 */
	void end(RemoteAe remote, Association association) {
		if (!association.isEstablished()) {
			association.abort();
			return;
		}
		try {
			association.release();
		}
		catch (DicomNetworkException ex) {
			association.abort();
			logger.warn("Release of the association with remote '{}' ({}) failed: {}", remote.name(),
					PrintableText.of(association.getPeer()), PrintableText.ofMessage(ex.getMessage()));
		}
	}

	private DicomAccessException translate(RemoteAe remote, DicomNetworkException ex) {
		DicomAccessException translated = this.translator.translate(remote, ex);
		return (translated != null) ? translated : new UncategorizedDicomException(remote.name(),
				DefaultDicomExceptionTranslator.message(remote, ex), ex);
	}

	private static void logNegotiation(RemoteAe remote, Association association) {
		if (logger.isInfoEnabled()) {
			List<NegotiatedContext> contexts = association.getNegotiatedContexts();
			long accepted = contexts.stream().filter(NegotiatedContext::isAccepted).count();
			logger.info("Association with remote '{}' ({}): {} of {} presentation contexts accepted, {} rejected",
					remote.name(), PrintableText.of(association.getPeer()), accepted, contexts.size(),
					contexts.size() - accepted);
		}
	}

}
