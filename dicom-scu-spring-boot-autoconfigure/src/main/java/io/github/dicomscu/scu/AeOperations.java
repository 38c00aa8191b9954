package io.github.dicomscu.scu;

import java.util.List;
import java.util.Map;

import io.github.dicomscu.net.context.PresentationContext;

/**
 * The operations of a DICOM application entity acting as SCU towards named remote AEs.
 * Implemented by {@link AeTemplate}; an interface so that it can be replaced or mocked.
 * Every method opens its own association and releases it before returning. Failures are
 * reported as {@link DicomAccessException}s.
 */
public interface AeOperations {

	/**
	 * Verify a remote with C-ECHO on an association that proposes the remote's requested
	 * contexts (which must include Verification).
	 * @param remote the remote's name
	 * @return the outcome
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws DicomAccessException if the echo fails
	 */
	EchoResult echo(String remote);

	/**
	 * Open an association with a remote, proposing its requested contexts, and run the
	 * callback on it.
	 * @param <T> the result type
	 * @param remote the remote's name
	 * @param callback the work
	 * @return the callback's result
	 * @throws DicomAccessException if the association or the callback fails
	 */
	<T> T execute(String remote, AssociationCallback<T> callback);

	/**
	 * Open an association with a remote proposing the given contexts (at most 128), and run
	 * the callback on it.
	 * @param <T> the result type
	 * @param remote the remote's name
	 * @param contexts the contexts to propose, in order
	 * @param callback the work
	 * @return the callback's result
	 * @throws DicomAccessException if the association or the callback fails
	 */
	<T> T execute(String remote, List<PresentationContext> contexts, AssociationCallback<T> callback);

	/**
	 * Return the contexts proposed to a remote: its own if configured, else the global ones,
	 * in the order they are proposed.
	 * @param remote the remote's name
	 * @return the contexts
	 */
	List<PresentationContext> getRequestedContexts(String remote);

	/**
	 * Return the configured remotes by name, in configuration order.
	 * @return the remotes
	 */
	Map<String, RemoteAe> getRemotes();

}
