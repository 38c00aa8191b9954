package io.github.dicomscu.net.pdu;

import java.util.Objects;

/**
 * An SCP/SCU role selection negotiation sub-item (54H) of the user information item
 * (PS3.7 section D.3.3.4): the roles proposed, or accepted, for one SOP class.
 *
 * @param sopClassUid the SOP class UID
 * @param scuRole whether the SCU role is proposed or accepted for the association
 * requestor
 * @param scpRole whether the SCP role is proposed or accepted for the association
 * requestor
 */
public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {

	public RoleSelection {
		Objects.requireNonNull(sopClassUid, "'sopClassUid' must not be null");
	}

}
