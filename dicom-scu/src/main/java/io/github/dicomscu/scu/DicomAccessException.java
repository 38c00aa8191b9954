package io.github.dicomscu.scu;

import io.github.dicomscu.data.PrintableText;

import org.springframework.core.NestedRuntimeException;

/**
 * Root of the failures reported by {@link AeOperations}: a runtime exception hierarchy
 * that says what went wrong with a remote AE, whatever engine error caused it. Each
 * engine {@link io.github.dicomscu.net.pdu.DicomNetworkException} has its mirror here
 * under the same simple name; a {@link DicomExceptionTranslator} maps one onto the other.
 * <p>
 * {@link #isTransient()} tells a retry policy whether the same operation may succeed
 * later without any change on either side. Transient:
 * <ul>
 * <li>{@link DicomConnectException}: the TCP connection could not be established
 * (refused, unreachable, unknown host, bind address in use);</li>
 * <li>{@link DicomTimeoutException}: every timer (connect, ACSE, DIMSE, idle,
 * ARTIM);</li>
 * <li>{@link AssociationRejectedException} with result rejected-transient, whatever its
 * reason (among them temporary-congestion and local-limit-exceeded);</li>
 * <li>{@link AssociationClosedException}: the connection ended without an A-ABORT;</li>
 * <li>{@link DimseFailureException} (and so {@link RetrieveFailedException}) with a
 * status 0xA7xx, "Refused: Out of resources".</li>
 * </ul>
 * Every other failure is permanent: an association rejected-permanent or aborted with an
 * A-ABORT, a protocol violation, a data set larger than the in-memory limit, no accepted
 * presentation context or transfer syntax, an unknown move destination, any other DIMSE
 * failure status, an unknown remote name, and an {@link UncategorizedDicomException}.
 * <p>
 * The message may quote text from the wire; its control characters are escaped
 * ({@link PrintableText#escapeControls(String)}) when the exception is created.
 */
public abstract class DicomAccessException extends NestedRuntimeException {

	private final String remote;

	protected DicomAccessException(String remote, String message, Throwable cause) {
		super(PrintableText.escapeControls(message), cause);
		this.remote = remote;
	}

	/**
	 * Return the name of the remote the operation addressed, or {@code null}.
	 * @return the remote's name
	 */
	public String getRemote() {
		return this.remote;
	}

	/**
	 * Return whether the failure is transient: the same operation may succeed if retried
	 * later, with nothing changed on either side. Permanent unless a subclass says
	 * otherwise.
	 * @return whether a retry may succeed
	 */
	public boolean isTransient() {
		return false;
	}

}
