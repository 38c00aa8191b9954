package io.github.dicomscu.net.query;

import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandTag;

/**
 * The sub-operation counts of a pending C-MOVE or C-GET response (PS3.7 9.3.3.2 and
 * 9.3.4.2). A count the response does not carry is 0.
 *
 * @param remaining the sub-operations not yet started
 * @param completed the sub-operations completed successfully
 * @param failed the sub-operations that failed
 * @param warning the sub-operations completed with a warning
 */
public record RetrieveProgress(int remaining, int completed, int failed, int warning) {

	/**
	 * Read the counts of a response.
	 * @param response the C-MOVE-RSP or C-GET-RSP command
	 * @return the counts
	 */
	static RetrieveProgress of(Command response) {
		return new RetrieveProgress(response.getInt(CommandTag.NUMBER_OF_REMAINING_SUBOPERATIONS, 0),
				response.getInt(CommandTag.NUMBER_OF_COMPLETED_SUBOPERATIONS, 0),
				response.getInt(CommandTag.NUMBER_OF_FAILED_SUBOPERATIONS, 0),
				response.getInt(CommandTag.NUMBER_OF_WARNING_SUBOPERATIONS, 0));
	}

}
