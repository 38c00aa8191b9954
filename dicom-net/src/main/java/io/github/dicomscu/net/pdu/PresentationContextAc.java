package io.github.dicomscu.net.pdu;

import java.util.Objects;

/**
 * The answer to one proposed presentation context: the presentation context item (21H) of
 * an A-ASSOCIATE-AC PDU (PS3.8 section 9.3.3.2). Immutable; an accepted context always
 * names a transfer syntax, a rejected one may carry an empty transfer syntax (never
 * {@code null}).
 *
 * @param id the presentation context id, an odd number between 1 and 255
 * @param result whether the context was accepted and, if not, why
 * @param transferSyntax the accepted transfer syntax UID; not significant and possibly
 * empty when the context was not accepted ({@code null} is taken as empty)
 */
public record PresentationContextAc(int id, PresentationContextResult result, String transferSyntax) {

	public PresentationContextAc {
		PresentationContextId.check(id);
		Objects.requireNonNull(result, "'result' must not be null");
		transferSyntax = (transferSyntax != null) ? transferSyntax : "";
		if (result == PresentationContextResult.ACCEPTANCE && transferSyntax.isEmpty()) {
			throw new IllegalArgumentException("Accepted presentation context " + id + " has no transfer syntax");
		}
	}

	/**
	 * Return whether the acceptor accepted this presentation context.
	 * @return {@code true} if the result is {@link PresentationContextResult#ACCEPTANCE}
	 */
	public boolean isAccepted() {
		return this.result == PresentationContextResult.ACCEPTANCE;
	}

}
