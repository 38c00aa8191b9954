package io.github.dicomscu.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A user identity negotiation sub-item (58H) of an A-ASSOCIATE-RQ user information item
 * (PS3.7 section D.3.3.7): the credentials of the requesting user. Immutable; two
 * instances are equal when their fields are. {@link #toString()} never reveals the
 * credentials.
 *
 * @param type the kind of identity
 * @param positiveResponseRequested whether the requestor asks the acceptor to answer with
 * a server response sub-item
 * @param primaryField the username, Kerberos ticket, SAML assertion or JSON web token
 * @param secondaryField the passcode for {@link UserIdentityType#USERNAME_AND_PASSCODE},
 * empty otherwise ({@code null} is taken as empty)
 */
public record UserIdentityRq(UserIdentityType type, boolean positiveResponseRequested, byte[] primaryField,
		byte[] secondaryField) {

	public UserIdentityRq {
		Objects.requireNonNull(type, "'type' must not be null");
		primaryField = Objects.requireNonNull(primaryField, "'primaryField' must not be null").clone();
		secondaryField = (secondaryField != null) ? secondaryField.clone() : new byte[0];
	}

	/**
	 * Create a username identity.
	 * @param username the username, encoded in UTF-8
	 * @param positiveResponseRequested whether to ask for a server response
	 * @return the sub-item
	 */
	public static UserIdentityRq username(String username, boolean positiveResponseRequested) {
		return new UserIdentityRq(UserIdentityType.USERNAME, positiveResponseRequested,
				username.getBytes(StandardCharsets.UTF_8), null);
	}

	/**
	 * Create a username and passcode identity.
	 * @param username the username, encoded in UTF-8
	 * @param passcode the passcode, encoded in UTF-8
	 * @param positiveResponseRequested whether to ask for a server response
	 * @return the sub-item
	 */
	public static UserIdentityRq usernameAndPasscode(String username, String passcode,
			boolean positiveResponseRequested) {
		return new UserIdentityRq(UserIdentityType.USERNAME_AND_PASSCODE, positiveResponseRequested,
				username.getBytes(StandardCharsets.UTF_8), passcode.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public byte[] primaryField() {
		return this.primaryField.clone();
	}

	@Override
	public byte[] secondaryField() {
		return this.secondaryField.clone();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof UserIdentityRq that && this.type == that.type
				&& this.positiveResponseRequested == that.positiveResponseRequested
				&& Arrays.equals(this.primaryField, that.primaryField)
				&& Arrays.equals(this.secondaryField, that.secondaryField));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.type, this.positiveResponseRequested, Arrays.hashCode(this.primaryField),
				Arrays.hashCode(this.secondaryField));
	}

	@Override
	public String toString() {
		return "UserIdentityRq[type=" + this.type + ", positiveResponseRequested=" + this.positiveResponseRequested
				+ ", primaryField=" + this.primaryField.length + " bytes, secondaryField=" + this.secondaryField.length
				+ " bytes]";
	}

}
