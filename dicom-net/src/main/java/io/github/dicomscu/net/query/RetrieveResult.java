package io.github.dicomscu.net.query;

import java.util.Arrays;
import java.util.List;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.TagDictionary;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.dimse.StatusCategory;

/**
 * The outcome of a C-MOVE or C-GET operation as its final response reports it: the
 * status, the sub-operation counts, and the SOP Instance UIDs of the sub-operations that
 * failed, from Failed SOP Instance UID List (0008,0058) of the final response's
 * identifier, or of its command set where a non-conformant peer (Orthanc) puts it.
 *
 * @param operation the request, {@link CommandField#C_MOVE_RQ} or
 * {@link CommandField#C_GET_RQ}
 * @param status the final status: success, cancel, a warning such as {@code 0xB000}
 * (sub-operations complete with failures or warnings), or a failure
 * @param remaining the sub-operations not performed, after a cancel or a failure
 * @param completed the sub-operations completed successfully
 * @param failed the sub-operations that failed
 * @param warning the sub-operations completed with a warning
 * @param failedSopInstanceUids the UIDs of the failed instances, empty if the SCP listed
 * none
 */
public record RetrieveResult(CommandField operation, int status, int remaining, int completed, int failed, int warning,
		List<String> failedSopInstanceUids) {

	private static final int FAILED_SOP_INSTANCE_UID_LIST = TagDictionary.tagOf("FailedSOPInstanceUIDList");

	public RetrieveResult {
		operation = operation.request();
		failedSopInstanceUids = List.copyOf(failedSopInstanceUids);
	}

	/**
	 * Read the outcome of a final response.
	 * @param response the final C-MOVE-RSP or C-GET-RSP command
	 * @param identifier its identifier, or {@code null}
	 * @return the result, with the failed UIDs of the identifier, else those the command
	 * set carries
	 */
	static RetrieveResult of(Command response, DataSet identifier) {
		RetrieveProgress counts = RetrieveProgress.of(response);
		String[] listed = (identifier != null) ? identifier.getStrings(FAILED_SOP_INSTANCE_UID_LIST) : new String[0];
		List<String> failedUids = Arrays
			.asList((listed.length > 0) ? listed : response.getNonCommandStrings(FAILED_SOP_INSTANCE_UID_LIST));
		return new RetrieveResult(response.commandField(), response.status(), counts.remaining(), counts.completed(),
				counts.failed(), counts.warning(), failedUids);
	}

	/**
	 * Return the meaning of the final status as the operation's service defines it.
	 * @return the meaning, for example
	 * {@code "Sub-operations Complete - One or more Failures or Warnings"}
	 */
	public String statusText() {
		return Status.meaningOf(this.status, this.operation);
	}

	/**
	 * Return the status class of the final status.
	 * @return the category
	 */
	public StatusCategory category() {
		return Status.categoryOf(this.status);
	}

	/**
	 * Return whether every sub-operation completed without failure or warning.
	 * @return whether the status is success
	 */
	public boolean isSuccess() {
		return this.status == Status.SUCCESS;
	}

	/**
	 * Return whether the operation ended because of a C-CANCEL-RQ.
	 * @return whether the status is cancel
	 */
	public boolean isCancelled() {
		return this.status == Status.CANCEL;
	}

}
