package io.github.dicomscu.net.association;

import java.util.Optional;

import io.github.dicomscu.net.pdu.UserIdentityAc;
import io.github.dicomscu.net.pdu.UserIdentityRq;

/**
 * Decides, as association-acceptor, whether the user identity of an incoming association
 * request is accepted (PS3.7 section D.3.3.7). A refused identity is rejected with an
 * A-ASSOCIATE-RJ: rejected-permanent, source DICOM UL service-user, reason
 * no-reason-given, the only reason PS3.8 Table 9-21 offers for it; so is the identity of
 * a verifier that throws (logged at WARN). Called from the acceptor's threads, possibly
 * concurrently.
 */
@FunctionalInterface
public interface UserIdentityVerifier {

	/**
	 * Verify the user identity of an association request.
	 * @param callingAeTitle the requestor's AE title
	 * @param identity the user identity sub-item, or {@code null} if the request carries
	 * none
	 * @return the server response to accept with (sent only when the requestor asked for
	 * a positive response; use an empty one for username identities), or empty to refuse
	 */
	Optional<UserIdentityAc> verify(String callingAeTitle, UserIdentityRq identity);

	/**
	 * Return a verifier that accepts every request, answering a positive response request
	 * with an empty server response.
	 * @return the verifier
	 */
	static UserIdentityVerifier acceptAll() {
		return (callingAeTitle, identity) -> Optional.of(new UserIdentityAc(new byte[0]));
	}

}
