package io.github.dicomscu.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import io.github.dicomscu.net.pdu.UserIdentityRq;
import io.github.dicomscu.net.pdu.UserIdentityType;

/**
 * Maps {@code dicom.scu.remotes.<name>.user-identity.*} to the {@link UserIdentityRq}
 * that {@link UserIdentityRq#of} checks. An invalid value is reported with its property
 * and, for a passcode or token, without its value.
 */
final class RemoteUserIdentity {

	private static final Map<String, UserIdentityType> TYPES = Map.of("username", UserIdentityType.USERNAME,
			"username-passcode", UserIdentityType.USERNAME_AND_PASSCODE, "kerberos", UserIdentityType.KERBEROS, "saml",
			UserIdentityType.SAML, "jwt", UserIdentityType.JWT);

	private static final String TYPE_NAMES = "'username', 'username-passcode', 'kerberos', 'saml' or 'jwt'";

	private static final String FIELDS_ACTION = "Set user-identity.username for 'username', user-identity.username "
			+ "and user-identity.passcode for 'username-passcode', user-identity.token for 'kerberos' (in Base64), "
			+ "'saml' and 'jwt', and no other field.";

	private RemoteUserIdentity() {
	}

	/**
	 * Map the user identity of a remote.
	 * @param prefix the remote's property prefix, such as {@code dicom.scu.remotes.pacs}
	 * @param properties the user identity properties
	 * @param invalid collects the invalid values
	 * @return the user identity, or {@code null} if none is configured or a value is
	 * invalid
	 */
	static UserIdentityRq map(String prefix, DicomScuProperties.UserIdentity properties, InvalidValues invalid) {
		String property = prefix + ".user-identity";
		String typeName = properties.getType();
		if (typeName == null || typeName.isBlank()) {
			if (properties.getUsername() != null || properties.getPasscode() != null || properties.getToken() != null) {
				invalid.add(property + ".type", null, "it is not set, but a username, passcode or token is", "Set "
						+ property + ".type to " + TYPE_NAMES + ", or remove the other " + property + " properties.",
						null);
			}
			return null;
		}
		UserIdentityType type = TYPES.get(typeName.strip().toLowerCase(Locale.ROOT));
		if (type == null) {
			invalid.add(property + ".type", typeName, "it is not a user identity type", "Use " + TYPE_NAMES + ".",
					null);
			return null;
		}
		byte[] token = invalid.map(property + ".token", null, () -> token(type, properties.getToken()),
				"Set " + property + ".token to the Kerberos service ticket in Base64.");
		if (properties.getToken() != null && token == null) {
			return null;
		}
		return invalid.map(property, null, () -> UserIdentityRq.of(type, properties.getUsername(),
				properties.getPasscode(), token, properties.isPositiveResponseRequested()), FIELDS_ACTION);
	}

	private static byte[] token(UserIdentityType type, String token) {
		if (token == null) {
			return null;
		}
		if (type != UserIdentityType.KERBEROS) {
			return token.getBytes(StandardCharsets.UTF_8);
		}
		try {
			return Base64.getDecoder().decode(token.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The Kerberos service ticket is not valid Base64");
		}
	}

}
