package io.github.dicomscu.net.storage;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.net.dimse.Status;

/**
 * Thrown when a received C-STORE data set fails a check made before it may be answered
 * with Success: it does not decode to its end in its transfer syntax
 * ({@link Status#CANNOT_UNDERSTAND}), it is empty, or its SOP Class or Instance UID is
 * missing, invalid or not the one of the request
 * ({@link Status#DATA_SET_DOES_NOT_MATCH_SOP_CLASS}), or it came on a presentation
 * context of another SOP class ({@link Status#SOP_CLASS_NOT_SUPPORTED}). Carries the
 * PS3.4 Annex B status and an Error Comment for the response.
 */
public final class InvalidInstanceException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String errorComment;

	/**
	 * Create an exception.
	 * @param status the failure status to answer
	 * @param errorComment the Error Comment (0000,0902) to answer, cut to 64 characters
	 * when sent
	 * @param message the detailed message, for the log; its control characters are
	 * escaped
	 */
	InvalidInstanceException(int status, String errorComment, String message) {
		super(PrintableText.escapeControls(message));
		this.status = status;
		this.errorComment = errorComment;
	}

	/**
	 * Return the failure status to answer.
	 * @return the status code
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the Error Comment to answer.
	 * @return the comment
	 */
	public String getErrorComment() {
		return this.errorComment;
	}

}
