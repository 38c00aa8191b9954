package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.AeTitle;
import io.github.dicomscu.net.association.Port;
import io.github.dicomscu.net.pdu.UserIdentityRq;

/**
 * A named remote application entity the template talks to. It checks itself on creation:
 * its AE title follows the {@link AeTitle} rules (leading and trailing spaces are
 * dropped), it has a host and its port is between 1 and 65535. {@link #toString()} never
 * reveals its user identity.
 *
 * @param name the name it is configured under
 * @param aeTitle its AE title (the called AE title)
 * @param host its host
 * @param port its port
 * @param userIdentity the user identity sent in each association request, or {@code null}
 * for none
 */
public record RemoteAe(String name, String aeTitle, String host, int port, UserIdentityRq userIdentity) {

	/**
	 * Create a remote AE.
	 * @throws IllegalArgumentException if its AE title, host or port is invalid
	 */
	public RemoteAe {
		aeTitle = AeTitle.check("AE title of remote '" + name + "'", aeTitle);
		host = checkHost(name, host);
		Port.checkPeer("Remote '" + name + "'", port);
	}

	/**
	 * Create a remote AE that sends no user identity.
	 * @param name the name it is configured under
	 * @param aeTitle its AE title (the called AE title)
	 * @param host its host
	 * @param port its port
	 * @throws IllegalArgumentException if its AE title, host or port is invalid
	 */
	public RemoteAe(String name, String aeTitle, String host, int port) {
		this(name, aeTitle, host, port, null);
	}

	/**
	 * Check the host of a remote and return it without leading and trailing spaces.
	 * @param name the remote's name, for the message
	 * @param host the host name or address
	 * @return the host, stripped
	 * @throws IllegalArgumentException if there is no host
	 */
	public static String checkHost(String name, String host) {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("Remote '" + name + "' has no host");
		}
		return host.strip();
	}

	@Override
	public String toString() {
		return this.name + " (" + this.aeTitle + "@" + this.host + ":" + this.port + ")";
	}

}
