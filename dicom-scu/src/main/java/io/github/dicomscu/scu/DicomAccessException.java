package io.github.dicomscu.scu;

import org.springframework.core.NestedRuntimeException;

/**
 * Root of the failures reported by {@link AeOperations}: a runtime exception hierarchy that
 * says what went wrong with a remote AE, whatever engine error caused it.
 */
public abstract class DicomAccessException extends NestedRuntimeException {

	private final String remote;

	protected DicomAccessException(String remote, String message, Throwable cause) {
		super(message, cause);
		this.remote = remote;
	}

	/**
	 * Return the name of the remote the operation addressed, or {@code null}.
	 * @return the remote's name
	 */
	public String getRemote() {
		return this.remote;
	}

}
