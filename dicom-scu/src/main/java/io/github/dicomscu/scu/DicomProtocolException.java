package io.github.dicomscu.scu;

/**
 * The remote violated the DICOM upper layer or DIMSE protocol; the association was aborted.
 */
public class DicomProtocolException extends DicomAccessException {

	public DicomProtocolException(String remote, String message, Throwable cause) {
		super(remote, message, cause);
	}

}
