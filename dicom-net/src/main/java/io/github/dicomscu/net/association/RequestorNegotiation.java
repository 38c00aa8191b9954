package io.github.dicomscu.net.association;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.RequestedContexts;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.PresentationContextRq;
import io.github.dicomscu.net.pdu.RoleSelection;
import io.github.dicomscu.net.pdu.UserInformation;

/**
 * The ACSE negotiation of an association-requestor: the A-ASSOCIATE-RQ built from an
 * {@link AssociationRequest}, and the acceptor's A-ASSOCIATE-AC read into
 * {@link NegotiatedContext}s. No I/O.
 */
final class RequestorNegotiation {

	private final List<PresentationContext> proposed;

	private final AssociateRq associateRq;

	RequestorNegotiation(AssociationRequest request) {
		this.proposed = request.getContexts();
		List<PresentationContextRq> items = new ArrayList<>();
		Map<String, RoleSelection> roles = new LinkedHashMap<>();
		for (int i = 0; i < this.proposed.size(); i++) {
			PresentationContext context = this.proposed.get(i);
			items.add(new PresentationContextRq(RequestedContexts.contextId(i), context.abstractSyntax(),
					context.transferSyntaxes()));
			if (context.scuRole() != null || context.scpRole() != null) {
				roles.putIfAbsent(context.abstractSyntax(), new RoleSelection(context.abstractSyntax(),
						!Boolean.FALSE.equals(context.scuRole()), Boolean.TRUE.equals(context.scpRole())));
			}
		}
		UserInformation userInformation = new UserInformation(request.getMaxPduLength(), ImplementationInfo.CLASS_UID,
				ImplementationInfo.VERSION_NAME, null, List.copyOf(roles.values()), List.of(), List.of(),
				request.getUserIdentity(), null, List.of());
		this.associateRq = new AssociateRq(1, request.getCalledAeTitle(), request.getCallingAeTitle(),
				Uid.DICOM_APPLICATION_CONTEXT, items, userInformation);
	}

	/**
	 * Return the A-ASSOCIATE-RQ to send.
	 * @return the PDU
	 */
	AssociateRq associateRq() {
		return this.associateRq;
	}

	/**
	 * Read the acceptor's answer into the contexts as negotiated, in the order proposed.
	 * @param associateAc the A-ASSOCIATE-AC received
	 * @return the negotiated contexts
	 * @throws DicomProtocolException if a context is accepted with a transfer syntax that
	 * was not proposed for it
	 */
	List<NegotiatedContext> contexts(AssociateAc associateAc) throws DicomProtocolException {
		Map<Integer, PresentationContextAc> results = new LinkedHashMap<>();
		for (PresentationContextAc result : associateAc.presentationContexts()) {
			results.put(result.id(), result);
		}
		Map<String, RoleSelection> roles = new LinkedHashMap<>();
		associateAc.userInformation().roleSelections().forEach((role) -> roles.put(role.sopClassUid(), role));
		List<NegotiatedContext> negotiated = new ArrayList<>();
		for (int i = 0; i < this.proposed.size(); i++) {
			PresentationContext context = this.proposed.get(i);
			PresentationContextRq item = this.associateRq.presentationContexts().get(i);
			PresentationContextAc result = results.get(item.id());
			if (result == null) {
				negotiated.add(new NegotiatedContext(item.id(), context, PresentationContextResult.NO_REASON, null,
						true, false));
				continue;
			}
			String transferSyntax = null;
			if (result.result() == PresentationContextResult.ACCEPTANCE) {
				transferSyntax = result.transferSyntax();
				if (!item.transferSyntaxes().contains(transferSyntax)) {
					throw new DicomProtocolException(
							"A-ASSOCIATE-AC accepts presentation context " + item.id() + " with transfer syntax "
									+ transferSyntax + ", which was not proposed for it",
							AbortReason.INVALID_PDU_PARAMETER_VALUE);
				}
			}
			RoleSelection role = roles.get(context.abstractSyntax());
			boolean proposedRoles = context.scuRole() != null || context.scpRole() != null;
			boolean scuRole = (role == null || !proposedRoles) || role.scuRole();
			boolean scpRole = role != null && proposedRoles && role.scpRole() && Boolean.TRUE.equals(context.scpRole());
			negotiated
				.add(new NegotiatedContext(item.id(), context, result.result(), transferSyntax, scuRole, scpRole));
		}
		return negotiated;
	}

}
