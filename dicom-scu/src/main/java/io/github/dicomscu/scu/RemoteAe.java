package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.AeTitle;
import io.github.dicomscu.net.association.Port;

/**
 * A named remote application entity the template talks to. It checks itself on creation:
 * its AE title follows the {@link AeTitle} rules (leading and trailing spaces are
 * dropped), it has a host and its port is between 1 and 65535.
 *
 * @param name the name it is configured under
 * @param aeTitle its AE title (the called AE title)
 * @param host its host
 * @param port its port
 */
public record RemoteAe(String name, String aeTitle, String host, int port) {

	/**
	 * Create a remote AE.
	 * @throws IllegalArgumentException if its AE title, host or port is invalid
	 */
	public RemoteAe {
		aeTitle = AeTitle.check("AE title of remote '" + name + "'", aeTitle);
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("Remote '" + name + "' has no host");
		}
		Port.checkPeer("Remote '" + name + "'", port);
	}

	@Override
	public String toString() {
		return this.name + " (" + this.aeTitle + "@" + this.host + ":" + this.port + ")";
	}

}
