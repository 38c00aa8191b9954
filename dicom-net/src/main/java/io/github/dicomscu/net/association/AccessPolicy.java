package io.github.dicomscu.net.association;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import io.github.dicomscu.net.pdu.AeTitle;

/**
 * Who an association acceptor lets in: the calling AE titles allowed (empty allows any;
 * others are rejected with calling-AE-title-not-recognized) and the
 * {@link UserIdentityVerifier} that judges the user identity of each request.
 *
 * @param allowedCallingAeTitles the calling AE titles allowed, empty for any
 * @param verifier the user identity verifier
 */
public record AccessPolicy(Set<String> allowedCallingAeTitles, UserIdentityVerifier verifier) {

	private static final AccessPolicy OPEN = new AccessPolicy(Set.of(), UserIdentityVerifier.acceptAll());

	public AccessPolicy {
		Set<String> checked = new LinkedHashSet<>();
		for (String aeTitle : Objects.requireNonNull(allowedCallingAeTitles,
				"'allowedCallingAeTitles' must not be null")) {
			checked.add(AeTitle.check("allowed calling AE title", aeTitle));
		}
		allowedCallingAeTitles = Set.copyOf(checked);
		Objects.requireNonNull(verifier, "'verifier' must not be null");
	}

	/**
	 * Return the policy that lets every requestor in.
	 * @return the open policy
	 */
	public static AccessPolicy open() {
		return OPEN;
	}

	/**
	 * Return whether a calling AE title is allowed.
	 * @param callingAeTitle the calling AE title of a request
	 * @return whether the allow-list is empty or names it
	 */
	public boolean allows(String callingAeTitle) {
		return this.allowedCallingAeTitles.isEmpty() || this.allowedCallingAeTitles.contains(callingAeTitle);
	}

}
