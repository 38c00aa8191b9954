package io.github.dicomscu.net.association;

/**
 * The rule for TCP port numbers: a peer listens on a port from 1 to 65535; a local socket
 * may also bind port 0, which lets the system pick an ephemeral one. The one place that
 * checks a port: everything that takes one calls {@link #checkPeer} or
 * {@link #checkLocal}.
 */
public final class Port {

	/** Port registered with IANA for DICOM as {@code acr-nema}, the traditional one. */
	public static final int ACR_NEMA = 104;

	/**
	 * Port registered with IANA for DICOM as {@code dicom}, usable without privileges.
	 */
	public static final int DICOM = 11112;

	/** Port a local socket binds to let the system pick an ephemeral one. */
	public static final int EPHEMERAL = 0;

	/** Highest port number. */
	public static final int MAXIMUM = 65535;

	private Port() {
	}

	/**
	 * Check the port of a peer to connect to.
	 * @param what whose port it is, for the message (such as "Peer")
	 * @param port the port
	 * @return the port
	 * @throws IllegalArgumentException if it is not between 1 and 65535
	 */
	public static int checkPeer(String what, int port) {
		return check(what, port, 1);
	}

	/**
	 * Check a local port to bind or listen on.
	 * @param what whose port it is, for the message (such as "SCP")
	 * @param port the port, {@value #EPHEMERAL} for an ephemeral one
	 * @return the port
	 * @throws IllegalArgumentException if it is not between 0 and 65535
	 */
	public static int checkLocal(String what, int port) {
		return check(what, port, EPHEMERAL);
	}

	private static int check(String what, int port, int minimum) {
		if (port < minimum || port > MAXIMUM) {
			throw new IllegalArgumentException(what + " port " + port + " is outside " + minimum + "-" + MAXIMUM);
		}
		return port;
	}

}
