package io.github.dicomscu.scu;

/**
 * The TCP connection to the remote could not be established, or the local bind address
 * could not be bound. Always {@linkplain #isTransient() transient}: the remote may be
 * restarting, unreachable for a while, or the bind address in use.
 */
public class DicomConnectException extends DicomAccessException {

	public DicomConnectException(String remote, String message, Throwable cause) {
		super(remote, message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
