package io.github.dicomscu.net.pdu;

/**
 * User-Identity-Type field of a user identity negotiation sub-item (PS3.7 Table D.3-14).
 */
public enum UserIdentityType implements PduCode {

	/** A username, in UTF-8. */
	USERNAME(1, "username"),

	/** A username and a passcode, both in UTF-8. */
	USERNAME_AND_PASSCODE(2, "username and passcode"),

	/** A Kerberos service ticket. */
	KERBEROS(3, "Kerberos service ticket"),

	/** A SAML assertion. */
	SAML(4, "SAML assertion"),

	/** A JSON web token. */
	JWT(5, "JSON web token");

	private static final PduCodeTable<UserIdentityType> CODES = new PduCodeTable<>(values());

	private final int code;

	private final String text;

	UserIdentityType(int code, String text) {
		this.code = code;
		this.text = text;
	}

	@Override
	public int code() {
		return this.code;
	}

	@Override
	public String text() {
		return this.text;
	}

	/**
	 * Return the type for a User-Identity-Type field value.
	 * @param code the field value
	 * @return the type
	 * @throws IllegalArgumentException if the code is not defined
	 */
	public static UserIdentityType of(int code) {
		return CODES.of(code, "Unknown user identity type %d");
	}

}
