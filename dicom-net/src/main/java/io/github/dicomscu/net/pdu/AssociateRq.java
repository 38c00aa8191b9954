package io.github.dicomscu.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * An A-ASSOCIATE-RQ PDU (PS3.8 section 9.3.2): the association request sent by the
 * requestor. Immutable. AE titles are held without padding; the encoder pads them to 16
 * bytes and the decoder trims leading and trailing spaces.
 *
 * @param protocolVersion the protocol-version bit field, {@link #PROTOCOL_VERSION} for
 * DICOM
 * @param calledAeTitle the AE title of the acceptor
 * @param callingAeTitle the AE title of the requestor
 * @param applicationContextName the application context name, normally
 * {@link #DICOM_APPLICATION_CONTEXT_NAME}
 * @param presentationContexts the proposed presentation contexts
 * @param userInformation the user information item
 */
public record AssociateRq(int protocolVersion, String calledAeTitle, String callingAeTitle,
		String applicationContextName, List<PresentationContextRq> presentationContexts,
		UserInformation userInformation) implements Pdu {

	/**
	 * The protocol-version bit field of version 1, the only version of the DICOM UL
	 * protocol.
	 */
	public static final int PROTOCOL_VERSION = 0x0001;

	/** The DICOM application context name (PS3.7 Annex A.2.1). */
	public static final String DICOM_APPLICATION_CONTEXT_NAME = "1.2.840.10008.3.1.1.1";

	public AssociateRq {
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
		return PduType.A_ASSOCIATE_RQ;
	}

}
