package io.github.dicomscu.net.query;

import io.github.dicomscu.net.dimse.DimseFailureException;
import io.github.dicomscu.net.dimse.CommandField;

/**
 * A C-MOVE or C-GET ended with a failure status; carries the counts and failed instances
 * the final response reported, since sub-operations may have completed before the
 * failure.
 */
public class RetrieveFailedException extends DimseFailureException {

	private final RetrieveResult result;

	/**
	 * Create an exception for a failed retrieve.
	 * @param peer the peer that answered
	 * @param operation {@link CommandField#C_MOVE_RQ} or {@link CommandField#C_GET_RQ}
	 * @param result the outcome from the final response
	 * @param errorComment the Error Comment of the final response, or {@code null}
	 */
	public RetrieveFailedException(String peer, CommandField operation, RetrieveResult result, String errorComment) {
		this(operation, result, errorComment, message(peer, operation, result.status(), errorComment) + counts(result));
	}

	/**
	 * Create an exception with a message of its own, for subclasses that know more.
	 * @param operation the request that failed
	 * @param result the outcome from the final response
	 * @param errorComment the Error Comment of the final response, or {@code null}
	 * @param message the message
	 */
	protected RetrieveFailedException(CommandField operation, RetrieveResult result, String errorComment,
			String message) {
		super(operation, result.status(), errorComment, message);
		this.result = result;
	}

	/**
	 * Return the outcome the final response reported.
	 * @return the result
	 */
	public RetrieveResult getResult() {
		return this.result;
	}

	private static String counts(RetrieveResult result) {
		if (result.completed() + result.failed() + result.warning() + result.remaining() == 0) {
			return "";
		}
		return String.format("; sub-operations: %d completed, %d failed, %d warning, %d remaining", result.completed(),
				result.failed(), result.warning(), result.remaining());
	}

}
