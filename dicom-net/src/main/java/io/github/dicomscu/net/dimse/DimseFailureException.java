package io.github.dicomscu.net.dimse;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * A peer answered a DIMSE request with a failure status (PS3.7 Annex C). The association
 * itself is intact and can carry further requests; the exception carries the status code,
 * its meaning for the service, and the peer's Error Comment (0000,0902) if it sent one.
 */
public class DimseFailureException extends DicomNetworkException {

	private final CommandField operation;

	private final int status;

	private final String errorComment;

	/**
	 * Create an exception for a failure status.
	 * @param peer the peer that answered, for example {@code QRSCP@127.0.0.1:11112}
	 * @param operation the request that failed, for example
	 * {@link CommandField#C_FIND_RQ}
	 * @param status the status code of the response
	 * @param errorComment the Error Comment of the response, or {@code null}
	 */
	public DimseFailureException(String peer, CommandField operation, int status, String errorComment) {
		this(operation, status, errorComment, message(peer, operation, status, errorComment));
	}

	/**
	 * Create an exception with a message of its own, for subclasses that know more.
	 * @param operation the request that failed
	 * @param status the status code of the response
	 * @param errorComment the Error Comment of the response, or {@code null}
	 * @param message the message
	 */
	protected DimseFailureException(CommandField operation, int status, String errorComment, String message) {
		super(message);
		this.operation = operation.request();
		this.status = status;
		this.errorComment = errorComment;
	}

	/**
	 * Return the request that failed.
	 * @return the request command field, for example {@link CommandField#C_MOVE_RQ}
	 */
	public CommandField getOperation() {
		return this.operation;
	}

	/**
	 * Return the status code of the response.
	 * @return the code, for example {@code 0xC000}
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the meaning of the status as the service defines it.
	 * @return the meaning, for example {@code "Unable to process"}
	 */
	public String getMeaning() {
		return Status.meaningOf(this.status, this.operation);
	}

	/**
	 * Return the peer's Error Comment (0000,0902).
	 * @return the comment, or {@code null} if the response had none
	 */
	public String getErrorComment() {
		return this.errorComment;
	}

	/**
	 * Return the standard message for a failure status.
	 * @param peer the peer that answered
	 * @param operation the request that failed
	 * @param status the status code
	 * @param errorComment the Error Comment, or {@code null}
	 * @return the message, for example
	 * {@code "C-FIND-RQ to QRSCP@127.0.0.1:11112 failed with
	 * status 0xC000 (Failure: Unable to process): no such key"}
	 */
	protected static String message(String peer, CommandField operation, int status, String errorComment) {
		return operation.request().text() + " to " + peer + " failed with status "
				+ Status.toString(status, operation.request())
				+ ((errorComment != null && !errorComment.isEmpty()) ? ": " + errorComment : "");
	}

}
