package io.github.dicomscu.scu;

import java.util.List;

import io.github.dicomscu.net.association.NegotiatedContext;

/**
 * The operation needs a presentation context the remote did not accept; the message says
 * what was proposed and what was accepted. The association was intact and has been
 * released. Permanent: the remote or the proposed contexts must change.
 */
public class NoAcceptedContextException extends DicomAccessException {

	private final String abstractSyntax;

	private final List<NegotiatedContext> negotiated;

	public NoAcceptedContextException(String remote, String message, String abstractSyntax,
			List<NegotiatedContext> negotiated, Throwable cause) {
		super(remote, message, cause);
		this.abstractSyntax = abstractSyntax;
		this.negotiated = List.copyOf(negotiated);
	}

	/**
	 * Return the abstract syntax (SOP class UID) no accepted context carries.
	 * @return the UID
	 */
	public String getAbstractSyntax() {
		return this.abstractSyntax;
	}

	/**
	 * Return the outcome of the negotiation, context by context.
	 * @return the negotiated contexts, as proposed and answered
	 */
	public List<NegotiatedContext> getNegotiated() {
		return this.negotiated;
	}

}
