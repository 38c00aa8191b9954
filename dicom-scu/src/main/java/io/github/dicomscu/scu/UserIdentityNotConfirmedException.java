package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.UserIdentityType;

/**
 * The remote accepted the association without the positive user identity response that
 * was requested ({@code positive-response-requested}); the association was aborted.
 * Permanent: the remote does not verify this kind of user identity.
 */
public class UserIdentityNotConfirmedException extends DicomAccessException {

	private final UserIdentityType identityType;

	public UserIdentityNotConfirmedException(String remote, String message, UserIdentityType identityType,
			Throwable cause) {
		super(remote, message, cause);
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
