package io.github.dicomscu.scu;

import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Status;

/**
 * The remote answered a DIMSE request with a failure status. The message names the
 * request, the status code with its meaning for that request, and the remote's Error
 * Comment (0000,0902) if it sent one; the association was intact and has been released.
 * {@linkplain #isTransient() Transient} for the statuses 0xA7xx, "Refused: Out of
 * resources", permanent for every other failure status.
 */
public class DimseFailureException extends DicomAccessException {

	private final CommandField operation;

	private final int status;

	private final String errorComment;

	/**
	 * Create a new exception.
	 * @param remote the remote's name
	 * @param message the message
	 * @param operation the request that failed, such as {@link CommandField#C_FIND_RQ}
	 * @param status the status code of the response
	 * @param errorComment the Error Comment of the response, or {@code null}
	 * @param cause the engine failure, or {@code null}
	 */
	public DimseFailureException(String remote, String message, CommandField operation, int status, String errorComment,
			Throwable cause) {
		super(remote, message, cause);
		this.operation = operation;
		this.status = status;
		this.errorComment = errorComment;
	}

	/**
	 * Return the request that failed.
	 * @return the request command field, such as {@link CommandField#C_MOVE_RQ}
	 */
	public CommandField getOperation() {
		return this.operation;
	}

	/**
	 * Return the status code.
	 * @return the status, such as {@code 0xC000}
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the meaning of the status for the request that failed.
	 * @return the meaning, such as {@code "Unable to process"}
	 */
	public String getStatusMeaning() {
		return Status.meaningOf(this.status, this.operation);
	}

	/**
	 * Return the remote's Error Comment (0000,0902).
	 * @return the comment, or {@code null} if the response had none
	 */
	public String getErrorComment() {
		return this.errorComment;
	}

	@Override
	public boolean isTransient() {
		return (this.status & 0xFF00) == Status.OUT_OF_RESOURCES;
	}

}
