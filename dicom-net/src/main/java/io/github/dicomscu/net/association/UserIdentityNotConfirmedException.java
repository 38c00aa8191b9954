package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.UserIdentityType;

/**
 * The association request asked for a positive response to its user identity (PS3.7
 * section D.3.3.7) and the peer's A-ASSOCIATE-AC carried none; the requestor aborted the
 * association.
 */
public class UserIdentityNotConfirmedException extends DicomNetworkException {

	private final UserIdentityType identityType;

	public UserIdentityNotConfirmedException(String peer, UserIdentityType identityType) {
		super("Association with " + peer + " aborted: a positive response to the " + identityType.text()
				+ " user identity was requested and the A-ASSOCIATE-AC carries none");
		this.identityType = identityType;
	}

	/**
	 * Return the kind of user identity that was not confirmed.
	 * @return the identity type
	 */
	public UserIdentityType getIdentityType() {
		return this.identityType;
	}

}
