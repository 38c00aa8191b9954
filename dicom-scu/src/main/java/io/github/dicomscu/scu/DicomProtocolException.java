package io.github.dicomscu.scu;

/**
 * The remote violated the DICOM upper layer or DIMSE protocol; the association was
 * aborted. Permanent: the remote is expected to answer the same way again.
 */
public class DicomProtocolException extends DicomAccessException {

	public DicomProtocolException(String remote, String message, Throwable cause) {
		super(remote, message, cause);
	}

}
