package io.github.dicomscu.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A proposed presentation context: the presentation context item (20H) of an
 * A-ASSOCIATE-RQ PDU, carrying one abstract syntax sub-item (30H) and the transfer syntax
 * sub-items (40H) in order of preference (PS3.8 section 9.3.2.2). Immutable.
 *
 * @param id the presentation context id, an odd number between 1 and 255
 * @param abstractSyntax the abstract syntax name, a SOP class UID
 * @param transferSyntaxes the proposed transfer syntax UIDs
 */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {

	public PresentationContextRq {
		PresentationContextId.check(id);
		Objects.requireNonNull(abstractSyntax, "'abstractSyntax' must not be null");
		transferSyntaxes = List.copyOf(Objects.requireNonNull(transferSyntaxes, "'transferSyntaxes' must not be null"));
	}

}
