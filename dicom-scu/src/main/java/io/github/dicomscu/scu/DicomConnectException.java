package io.github.dicomscu.scu;

import java.net.UnknownHostException;

/**
 * The TCP connection to the remote could not be established, or the local bind address
 * could not be bound. {@linkplain #isTransient() Transient} (the remote may be
 * restarting, unreachable for a while, or the bind address in use) unless a host name
 * could not be resolved or an address is malformed: such a configuration does not heal by
 * retrying.
 */
public class DicomConnectException extends DicomAccessException {

	public DicomConnectException(String remote, String message, Throwable cause) {
		super(remote, message, cause);
	}

	@Override
	public boolean isTransient() {
		for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException || cause instanceof IllegalArgumentException) {
				return false;
			}
		}
		return true;
	}

}
