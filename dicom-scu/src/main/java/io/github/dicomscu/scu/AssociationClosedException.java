package io.github.dicomscu.scu;

/**
 * The association ended without an A-ABORT: the remote closed the connection, or released
 * the association while a response was outstanding; {@linkplain #isTransient()
 * transient}, as nothing says that the remote refused the work. Permanent when this side
 * ended it or used it when it was not established (the engine's
 * {@link io.github.dicomscu.net.association.AssociationClosedException#isLocal()}):
 * retrying the same code would end the same way.
 */
public class AssociationClosedException extends DicomAccessException {

	public AssociationClosedException(String remote, String message, Throwable cause) {
		super(remote, message, cause);
	}

	@Override
	public boolean isTransient() {
		return !(getCause() instanceof io.github.dicomscu.net.association.AssociationClosedException closed
				&& closed.isLocal());
	}

}
