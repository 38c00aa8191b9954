package io.github.dicomscu.net.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user identity server response sub-item (59H) of an A-ASSOCIATE-AC user information
 * item (PS3.7 section D.3.3.7): the acceptor's answer to a user identity that asked for
 * one. Immutable; {@link #toString()} never reveals the response, which may be a
 * credential.
 *
 * @param serverResponse the server response, such as a Kerberos server ticket or a SAML
 * response; empty for username identities
 */
public record UserIdentityAc(byte[] serverResponse) {

	public UserIdentityAc {
		serverResponse = Objects.requireNonNull(serverResponse, "'serverResponse' must not be null").clone();
	}

	@Override
	public byte[] serverResponse() {
		return this.serverResponse.clone();
	}

	@Override
	public boolean equals(Object other) {
		return this == other
				|| (other instanceof UserIdentityAc that && Arrays.equals(this.serverResponse, that.serverResponse));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.serverResponse);
	}

	@Override
	public String toString() {
		return "UserIdentityAc[serverResponse=" + this.serverResponse.length + " bytes]";
	}

}
