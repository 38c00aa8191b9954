package io.github.dicomscu.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A SOP class common extended negotiation sub-item (57H) of the user information item
 * (PS3.7 section D.3.3.6): the service class of a SOP class and the general SOP classes
 * it is related to. Immutable.
 *
 * @param sopClassUid the SOP class UID
 * @param serviceClassUid the service class UID
 * @param relatedGeneralSopClassUids the related general SOP class UIDs, possibly none
 */
public record SopClassCommonExtendedNegotiation(String sopClassUid, String serviceClassUid,
		List<String> relatedGeneralSopClassUids) {

	public SopClassCommonExtendedNegotiation {
		Objects.requireNonNull(sopClassUid, "'sopClassUid' must not be null");
		Objects.requireNonNull(serviceClassUid, "'serviceClassUid' must not be null");
		relatedGeneralSopClassUids = (relatedGeneralSopClassUids != null) ? List.copyOf(relatedGeneralSopClassUids)
				: List.of();
	}

}
