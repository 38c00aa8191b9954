package io.github.dicomscu.net.association;

import java.util.List;
import java.util.stream.Collectors;

import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * An operation needs a presentation context that the peer did not accept: the abstract
 * syntax was not proposed, or every context proposed for it was rejected.
 */
public class NoAcceptedContextException extends DicomNetworkException {

	private final String abstractSyntax;

	private final List<NegotiatedContext> negotiated;

	public NoAcceptedContextException(String peer, String abstractSyntax, List<NegotiatedContext> negotiated) {
		super(message(peer, abstractSyntax, negotiated));
		this.abstractSyntax = abstractSyntax;
		this.negotiated = List.copyOf(negotiated);
	}

	/**
	 * Return the abstract syntax that has no accepted context.
	 * @return the abstract syntax UID
	 */
	public String getAbstractSyntax() {
		return this.abstractSyntax;
	}

	/**
	 * Return every context of the association as negotiated.
	 * @return the negotiated contexts
	 */
	public List<NegotiatedContext> getNegotiated() {
		return this.negotiated;
	}

	private static String message(String peer, String abstractSyntax, List<NegotiatedContext> negotiated) {
		String name = UidDictionary.nameOf(abstractSyntax) + " (" + abstractSyntax + ")";
		List<NegotiatedContext> forSyntax = negotiated.stream()
			.filter((context) -> context.abstractSyntax().equals(abstractSyntax))
			.toList();
		String accepted = negotiated.stream()
			.filter(NegotiatedContext::isAccepted)
			.map((context) -> UidDictionary.nameOf(context.abstractSyntax()))
			.distinct()
			.collect(Collectors.joining(", "));
		StringBuilder message = new StringBuilder("No accepted presentation context for ").append(name)
			.append(" on the association with ")
			.append(peer)
			.append(": ");
		if (forSyntax.isEmpty()) {
			message.append("it was not proposed");
		}
		else {
			message.append(forSyntax.stream()
				.map((context) -> "context " + context.id() + " " + context.result().text())
				.collect(Collectors.joining(", ")));
		}
		message.append("; accepted: ").append(accepted.isEmpty() ? "none" : accepted);
		return message.toString();
	}

}
