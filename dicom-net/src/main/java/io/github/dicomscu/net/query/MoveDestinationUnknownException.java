package io.github.dicomscu.net.query;

import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Status;

/**
 * The peer refused a C-MOVE because it does not know the move destination (status
 * {@code 0xA801}): the destination AE title is not configured on the peer with a host and
 * port to send to.
 */
public class MoveDestinationUnknownException extends RetrieveFailedException {

	private final String destination;

	/**
	 * Create an exception for an unknown move destination.
	 * @param peer the peer that refused the move
	 * @param destination the move destination AE title
	 * @param result the outcome from the final response
	 * @param errorComment the Error Comment of the final response, or {@code null}
	 */
	public MoveDestinationUnknownException(String peer, String destination, RetrieveResult result,
			String errorComment) {
		super(CommandField.C_MOVE_RQ, result, errorComment,
				"C-MOVE-RQ to " + peer + " failed: the move destination '" + destination
						+ "' is unknown to the peer (status " + Status.toString(result.status(), CommandField.C_MOVE_RQ)
						+ ((errorComment != null && !errorComment.isEmpty()) ? ": " + errorComment : "")
						+ "); configure that AE title with its host and port on " + peer);
		this.destination = destination;
	}

	/**
	 * Return the move destination the peer does not know.
	 * @return the AE title
	 */
	public String getDestination() {
		return this.destination;
	}

}
