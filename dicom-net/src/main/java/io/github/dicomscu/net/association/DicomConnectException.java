package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * The TCP connection to the peer could not be established, or the local bind address
 * could not be bound.
 */
public class DicomConnectException extends DicomNetworkException {

	private final String host;

	private final int port;

	public DicomConnectException(String message, String host, int port, Throwable cause) {
		super(message, cause);
		this.host = host;
		this.port = port;
	}

	/**
	 * Return the peer's host.
	 * @return the host
	 */
	public String getHost() {
		return this.host;
	}

	/**
	 * Return the peer's port.
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

}
