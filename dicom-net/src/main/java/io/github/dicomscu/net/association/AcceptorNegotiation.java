package io.github.dicomscu.net.association;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRj;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.PresentationContextRq;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;
import io.github.dicomscu.net.pdu.RoleSelection;
import io.github.dicomscu.net.pdu.UserIdentityAc;
import io.github.dicomscu.net.pdu.UserIdentityRq;
import io.github.dicomscu.net.pdu.UserInformation;

/**
 * The ACSE negotiation of an association-acceptor: an A-ASSOCIATE-RQ judged against the
 * {@link AcceptorSettings}, answered by an A-ASSOCIATE-RJ or an A-ASSOCIATE-AC, and the
 * contexts as accepted. No I/O.
 */
final class AcceptorNegotiation {

	private static final Logger logger = LoggerFactory.getLogger(AcceptorNegotiation.class);

	private final AssociateRq associateRq;

	private final AcceptorSettings settings;

	private final AssociateRj rejection;

	private UserIdentityAc userIdentityAc;

	/**
	 * Judge a request.
	 * @param associateRq the A-ASSOCIATE-RQ received
	 * @param settings what the acceptor accepts
	 * @param admission told the calling AE title of a request that passes every other
	 * check, answers whether there is capacity for it
	 */
	AcceptorNegotiation(AssociateRq associateRq, AcceptorSettings settings, Predicate<String> admission) {
		this.associateRq = associateRq;
		this.settings = settings;
		this.rejection = rejectionOf(associateRq, settings, admission);
	}

	private AssociateRj rejectionOf(AssociateRq associateRq, AcceptorSettings settings, Predicate<String> admission) {
		if ((associateRq.protocolVersion() & 0x0001) == 0) {
			return AssociateRj.of(RejectResult.PERMANENT, RejectReason.PROTOCOL_VERSION_NOT_SUPPORTED);
		}
		if (!Uid.DICOM_APPLICATION_CONTEXT.equals(associateRq.applicationContextName())) {
			return AssociateRj.of(RejectResult.PERMANENT, RejectReason.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
		}
		if (settings.aeTitle() != null && !settings.aeTitle().equals(associateRq.calledAeTitle())) {
			return AssociateRj.of(RejectResult.PERMANENT, RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);
		}
		AccessPolicy policy = settings.accessPolicy();
		if (!policy.allows(associateRq.callingAeTitle())) {
			return AssociateRj.of(RejectResult.PERMANENT, RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED);
		}
		UserIdentityRq identity = associateRq.userInformation().userIdentityRq();
		Optional<UserIdentityAc> verdict = verify(policy.verifier(), associateRq.callingAeTitle(), identity);
		if (verdict.isEmpty()) {
			return AssociateRj.of(RejectResult.PERMANENT, RejectReason.NO_REASON_GIVEN);
		}
		if (identity != null && identity.positiveResponseRequested()) {
			this.userIdentityAc = verdict.get();
		}
		if (!admission.test(associateRq.callingAeTitle())) {
			return AssociateRj.localLimitExceeded();
		}
		return null;
	}

	/**
	 * Ask the verifier; one that fails refuses (the acceptor fails closed).
	 */
	private static Optional<UserIdentityAc> verify(UserIdentityVerifier verifier, String callingAeTitle,
			UserIdentityRq identity) {
		try {
			return Objects.requireNonNull(verifier.verify(callingAeTitle, identity), "verdict");
		}
		catch (RuntimeException ex) {
			logger.warn("User identity verifier failed for calling AE title {}; refusing the association",
					PrintableText.of(callingAeTitle), ex);
			return Optional.empty();
		}
	}

	/**
	 * Return the rejection that answers the request.
	 * @return the A-ASSOCIATE-RJ, or {@code null} if the request is accepted
	 */
	AssociateRj rejection() {
		return this.rejection;
	}

	/**
	 * Return whether the service-provider accepts the request (PS3.8 AE-6): every
	 * rejection other than the service-user's is the provider's own.
	 * @return whether the request goes on to the service-user
	 */
	boolean isAcceptableByServiceProvider() {
		return this.rejection == null || this.rejection.sourceEnum() == RejectSource.SERVICE_USER;
	}

	/**
	 * Return the A-ASSOCIATE-AC that accepts the request: each context with the first
	 * transfer syntax proposed that the settings accept for its abstract syntax.
	 * @return the PDU
	 */
	AssociateAc associateAc() {
		List<PresentationContextAc> results = new ArrayList<>();
		for (PresentationContextRq item : this.associateRq.presentationContexts()) {
			List<String> accepted = this.settings.syntaxes().get(item.abstractSyntax());
			if (accepted == null) {
				results.add(new PresentationContextAc(item.id(),
						PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, ""));
				continue;
			}
			String transferSyntax = item.transferSyntaxes()
				.stream()
				.filter(accepted::contains)
				.findFirst()
				.orElse(null);
			results.add((transferSyntax != null)
					? new PresentationContextAc(item.id(), PresentationContextResult.ACCEPTANCE, transferSyntax)
					: new PresentationContextAc(item.id(), PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED,
							""));
		}
		UserInformation userInformation = new UserInformation(this.settings.maxPduLength(),
				ImplementationInfo.CLASS_UID, ImplementationInfo.VERSION_NAME, null,
				this.associateRq.userInformation().roleSelections(), List.of(), List.of(), null, this.userIdentityAc,
				List.of());
		return new AssociateAc(1, this.associateRq.calledAeTitle(), this.associateRq.callingAeTitle(),
				Uid.DICOM_APPLICATION_CONTEXT, results, userInformation);
	}

	/**
	 * Return the contexts as the A-ASSOCIATE-AC accepts them, in the order requested.
	 * @param associateAc the answer built by {@link #associateAc()}
	 * @return the negotiated contexts
	 */
	List<NegotiatedContext> contexts(AssociateAc associateAc) {
		Map<String, RoleSelection> roles = new LinkedHashMap<>();
		this.associateRq.userInformation().roleSelections().forEach((role) -> roles.put(role.sopClassUid(), role));
		List<NegotiatedContext> negotiated = new ArrayList<>();
		for (int i = 0; i < this.associateRq.presentationContexts().size(); i++) {
			PresentationContextRq item = this.associateRq.presentationContexts().get(i);
			PresentationContextAc result = associateAc.presentationContexts().get(i);
			RoleSelection role = roles.get(item.abstractSyntax());
			PresentationContext context = PresentationContext.of(item.abstractSyntax(), item.transferSyntaxes());
			boolean accepted = result.result() == PresentationContextResult.ACCEPTANCE;
			negotiated.add(new NegotiatedContext(item.id(), context, result.result(),
					accepted ? result.transferSyntax() : null, role == null || role.scuRole(),
					role != null && role.scpRole()));
		}
		return negotiated;
	}

}
