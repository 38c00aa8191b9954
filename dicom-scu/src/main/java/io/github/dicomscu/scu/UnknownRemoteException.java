package io.github.dicomscu.scu;

import java.util.Collection;

/**
 * No remote AE is configured under the given name. Permanent: the name is a configuration
 * error.
 */
public class UnknownRemoteException extends DicomAccessException {

	public UnknownRemoteException(String remote, Collection<String> known) {
		super(remote,
				"No remote AE named '" + remote + "' is configured"
						+ (known.isEmpty() ? "; none are configured" : "; known remotes: " + String.join(", ", known)),
				null);
	}

}
