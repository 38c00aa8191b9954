package io.github.dicomscu.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * An A-ASSOCIATE-AC PDU (PS3.8 section 9.3.3): the acceptor's acceptance of an
 * association. Immutable. The AE title fields are reserved in this PDU and echo the
 * values of the request; they are encoded as given and decoded without being tested.
 *
 * @param protocolVersion the protocol-version bit field,
 * {@link AssociateRq#PROTOCOL_VERSION} for DICOM
 * @param calledAeTitle the called AE title received in the request
 * @param callingAeTitle the calling AE title received in the request
 * @param applicationContextName the application context name
 * @param presentationContexts the result of each proposed presentation context
 * @param userInformation the user information item
 */
public record AssociateAc(int protocolVersion, String calledAeTitle, String callingAeTitle,
		String applicationContextName, List<PresentationContextAc> presentationContexts,
		UserInformation userInformation) implements Pdu {

	public AssociateAc {
		if (protocolVersion < 0 || protocolVersion > 0xFFFF) {
			throw new IllegalArgumentException("Protocol version " + protocolVersion + " does not fit in 16 bits");
		}
		Objects.requireNonNull(calledAeTitle, "'calledAeTitle' must not be null");
		Objects.requireNonNull(callingAeTitle, "'callingAeTitle' must not be null");
		Objects.requireNonNull(applicationContextName, "'applicationContextName' must not be null");
		presentationContexts = List
			.copyOf(Objects.requireNonNull(presentationContexts, "'presentationContexts' must not be null"));
		Objects.requireNonNull(userInformation, "'userInformation' must not be null");
	}

	@Override
	public PduType type() {
		return PduType.A_ASSOCIATE_AC;
	}

}
