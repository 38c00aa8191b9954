package io.github.dicomscu.scu;

/**
 * An engine failure that no mirror of this package describes: an
 * {@link io.github.dicomscu.net.pdu.DicomNetworkException} subclass the
 * {@link DicomExceptionTranslator} does not know, or one it returned no exception for.
 * The engine exception is the cause. Permanent, as nothing is known about it.
 */
public class UncategorizedDicomException extends DicomAccessException {

	public UncategorizedDicomException(String remote, String message, Throwable cause) {
		super(remote, message, cause);
	}

}
