package io.github.dicomscu.net.association;

import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.pdu.PresentationContextResult;

/**
 * The outcome of negotiating one presentation context: what was proposed under which
 * context id, whether the acceptor accepted it, with which transfer syntax, and the roles
 * agreed on.
 *
 * @param id the presentation context id (odd, 1 to 255)
 * @param proposed the context as proposed
 * @param result the acceptor's answer
 * @param transferSyntax the accepted transfer syntax UID, {@code null} unless accepted
 * @param scuRole whether the requestor may act as SCU, as negotiated
 * @param scpRole whether the requestor may act as SCP, as negotiated
 */
public record NegotiatedContext(int id, PresentationContext proposed, PresentationContextResult result,
		String transferSyntax, boolean scuRole, boolean scpRole) {

	/**
	 * Return whether the acceptor accepted this context.
	 * @return whether accepted
	 */
	public boolean isAccepted() {
		return this.result == PresentationContextResult.ACCEPTANCE;
	}

	/**
	 * Return the proposed abstract syntax UID.
	 * @return the abstract syntax
	 */
	public String abstractSyntax() {
		return this.proposed.abstractSyntax();
	}

	@Override
	public String toString() {
		return this.id + " " + UidDictionary.nameOf(abstractSyntax()) + ": "
				+ (isAccepted() ? "accepted, " + UidDictionary.nameOf(this.transferSyntax) : this.result.text());
	}

}
