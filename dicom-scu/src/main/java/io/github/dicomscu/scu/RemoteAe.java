package io.github.dicomscu.scu;

/**
 * A named remote application entity the template talks to.
 *
 * @param name the name it is configured under
 * @param aeTitle its AE title (the called AE title)
 * @param host its host
 * @param port its port
 */
public record RemoteAe(String name, String aeTitle, String host, int port) {

	@Override
	public String toString() {
		return this.name + " (" + this.aeTitle + "@" + this.host + ":" + this.port + ")";
	}

}
