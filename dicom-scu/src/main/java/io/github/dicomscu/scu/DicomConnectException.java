package io.github.dicomscu.scu;

/**
 * The TCP connection to the remote could not be established, or the local bind address could
 * not be bound.
 */
public class DicomConnectException extends DicomAccessException {

	public DicomConnectException(String remote, String message, Throwable cause) {
		super(remote, message, cause);
	}

}
