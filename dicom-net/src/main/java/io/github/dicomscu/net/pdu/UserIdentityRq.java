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

	/** The largest primary or secondary field, in bytes: its length field has 2 bytes. */
	public static final int MAXIMUM_FIELD_LENGTH = 0xFFFF;

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

	/**
	 * Create an identity of any type, checking that it has the fields its type needs and
	 * no others: a username for {@link UserIdentityType#USERNAME}, a username and a
	 * passcode for {@link UserIdentityType#USERNAME_AND_PASSCODE}, a token (the Kerberos
	 * ticket, SAML assertion or JSON web token) for the other types. No message names a
	 * passcode or token.
	 * @param type the kind of identity
	 * @param username the username, or {@code null}
	 * @param passcode the passcode, or {@code null}
	 * @param token the token, or {@code null}
	 * @param positiveResponseRequested whether to ask for a server response
	 * @return the sub-item
	 * @throws IllegalArgumentException if a field the type needs is missing or empty, a
	 * field it does not use is given, or a field is longer than 65535 bytes
	 */
	public static UserIdentityRq of(UserIdentityType type, String username, String passcode, byte[] token,
			boolean positiveResponseRequested) {
		Objects.requireNonNull(type, "'type' must not be null");
		boolean usesUsername = type == UserIdentityType.USERNAME || type == UserIdentityType.USERNAME_AND_PASSCODE;
		check(type, "a username", username != null, usesUsername, username);
		check(type, "a passcode", passcode != null, type == UserIdentityType.USERNAME_AND_PASSCODE, passcode);
		check(type, "a token", token != null, !usesUsername, token);
		byte[] primary = usesUsername ? username.getBytes(StandardCharsets.UTF_8) : token;
		byte[] secondary = (passcode != null) ? passcode.getBytes(StandardCharsets.UTF_8) : null;
		checkLength(type, usesUsername ? "username" : "token", primary);
		checkLength(type, "passcode", secondary);
		return new UserIdentityRq(type, positiveResponseRequested, primary, secondary);
	}

	private static void check(UserIdentityType type, String field, boolean given, boolean used, Object value) {
		if (used && (!given || isEmpty(value))) {
			throw new IllegalArgumentException("A " + type.text() + " user identity needs " + field);
		}
		if (!used && given) {
			throw new IllegalArgumentException("A " + type.text() + " user identity takes no " + field.substring(2));
		}
	}

	private static boolean isEmpty(Object value) {
		return (value instanceof String string) ? string.isEmpty() : ((byte[]) value).length == 0;
	}

	private static void checkLength(UserIdentityType type, String field, byte[] value) {
		if (value != null && value.length > MAXIMUM_FIELD_LENGTH) {
			throw new IllegalArgumentException("The " + field + " of a " + type.text() + " user identity is "
					+ value.length + " bytes long, more than the " + MAXIMUM_FIELD_LENGTH + " its field holds");
		}
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
