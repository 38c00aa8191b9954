package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * Strategy that turns the engine's checked {@link DicomNetworkException}s into the
 * {@link DicomAccessException} hierarchy, set on a template with
 * {@link AeTemplate.Builder#exceptionTranslator(DicomExceptionTranslator)}.
 * {@link DefaultDicomExceptionTranslator} is the default; an implementation may delegate
 * to it and change only what it needs. If a translator returns {@code null}, the template
 * throws an {@link UncategorizedDicomException}.
 *
 * @see DefaultDicomExceptionTranslator
 */
@FunctionalInterface
public interface DicomExceptionTranslator {

	/**
	 * Translate an engine failure in an exchange with a remote.
	 * @param remote the remote the exchange was with
	 * @param ex the engine failure
	 * @return the exception to throw, with {@code ex} as its cause
	 */
	DicomAccessException translate(RemoteAe remote, DicomNetworkException ex);

}
