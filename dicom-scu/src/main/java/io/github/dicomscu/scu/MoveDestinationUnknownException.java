package io.github.dicomscu.scu;

import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.query.RetrieveResult;

/**
 * The remote refused a C-MOVE because it does not know the move destination (status
 * {@code 0xA801}): the destination AE title is not configured on the remote with the host
 * and port to send to.
 */
public class MoveDestinationUnknownException extends RetrieveFailedException {

	private final String destination;

	/**
	 * Create a new exception.
	 * @param remote the remote's name
	 * @param message the message
	 * @param destination the move destination AE title the remote does not know
	 * @param result the outcome the final response reported
	 * @param errorComment the Error Comment of the final response, or {@code null}
	 * @param cause the engine failure, or {@code null}
	 */
	public MoveDestinationUnknownException(String remote, String message, String destination, RetrieveResult result,
			String errorComment, Throwable cause) {
		super(remote, message, CommandField.C_MOVE_RQ, result, errorComment, cause);
		this.destination = destination;
	}

	/**
	 * Return the move destination the remote does not know.
	 * @return the AE title
	 */
	public String getDestination() {
		return this.destination;
	}

}
