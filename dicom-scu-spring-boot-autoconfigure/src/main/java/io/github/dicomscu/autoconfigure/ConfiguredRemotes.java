package io.github.dicomscu.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.RemoteAe;
import io.github.dicomscu.scu.UnknownRemoteException;

/**
 * The remote AEs configured under {@code dicom.scu.remotes}, by name in configuration
 * order: a read-only view for code that lists or looks up remotes (a health check, an
 * endpoint) without depending on the {@link AeOperations} implementation, which may be
 * the application's own.
 */
public final class ConfiguredRemotes {

	private final Map<String, RemoteAe> remotes;

	/**
	 * Create a view of some remotes.
	 * @param remotes the remotes by name, in the order to list them
	 */
	public ConfiguredRemotes(Map<String, RemoteAe> remotes) {
		this.remotes = Collections.unmodifiableMap(new LinkedHashMap<>(remotes));
	}

	/**
	 * Return the remotes by name, in configuration order.
	 * @return the remotes, unmodifiable
	 */
	public Map<String, RemoteAe> getRemotes() {
		return this.remotes;
	}

	/**
	 * Return the remote of a name.
	 * @param name the name it is configured under
	 * @return the remote
	 * @throws UnknownRemoteException if no remote has that name
	 */
	public RemoteAe getRemote(String name) {
		RemoteAe remote = this.remotes.get(name);
		if (remote == null) {
			throw new UnknownRemoteException(name, this.remotes.keySet());
		}
		return remote;
	}

}
