package io.github.dicomscu.scu;

/**
 * The association ended without an A-ABORT: the remote closed the connection, or released
 * the association while a response was outstanding. Always {@linkplain #isTransient()
 * transient}: nothing says that the remote refused the work.
 */
public class AssociationClosedException extends DicomAccessException {

	public AssociationClosedException(String remote, String message, Throwable cause) {
		super(remote, message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
