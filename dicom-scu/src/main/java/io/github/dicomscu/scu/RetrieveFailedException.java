package io.github.dicomscu.scu;

import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.query.RetrieveResult;

/**
 * A C-MOVE or C-GET ended with a failure status. Sub-operations may have completed before
 * the failure: {@link #getResult()} gives the counts and the failed SOP instance UIDs of
 * the final response.
 */
public class RetrieveFailedException extends DimseFailureException {

	private final RetrieveResult result;

	/**
	 * Create a new exception.
	 * @param remote the remote's name
	 * @param message the message
	 * @param operation {@link CommandField#C_MOVE_RQ} or {@link CommandField#C_GET_RQ}
	 * @param result the outcome the final response reported
	 * @param errorComment the Error Comment of the final response, or {@code null}
	 * @param cause the engine failure, or {@code null}
	 */
	public RetrieveFailedException(String remote, String message, CommandField operation, RetrieveResult result,
			String errorComment, Throwable cause) {
		super(remote, message, operation, result.status(), errorComment, cause);
		this.result = result;
	}

	/**
	 * Return the outcome the final response reported.
	 * @return the status, the sub-operation counts and the failed SOP instance UIDs
	 */
	public RetrieveResult getResult() {
		return this.result;
	}

}
