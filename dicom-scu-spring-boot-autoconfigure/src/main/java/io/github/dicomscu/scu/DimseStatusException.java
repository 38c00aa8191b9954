package io.github.dicomscu.scu;

import io.github.dicomscu.net.dimse.Status;

/**
 * The remote answered a DIMSE request with a failure status.
 */
public class DimseStatusException extends DicomAccessException {

	private final int status;

	public DimseStatusException(String remote, String operation, int status) {
		super(remote, operation + " to remote '" + remote + "' failed with status " + Status.toString(status), null);
		this.status = status;
	}

	/**
	 * Return the status code.
	 * @return the status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the status meaning.
	 * @return the meaning
	 */
	public String getStatusMeaning() {
		return Status.meaningOf(this.status);
	}

}
