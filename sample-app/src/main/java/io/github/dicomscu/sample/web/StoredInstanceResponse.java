package io.github.dicomscu.sample.web;

import io.github.dicomscu.net.storage.StoreOutcome;
import io.github.dicomscu.net.storage.StoreResult;

/**
 * The fate of one uploaded file sent with C-STORE.
 *
 * @param sopInstanceUid its SOP Instance UID
 * @param sopClassUid its SOP Class UID
 * @param transferSyntaxUid the transfer syntax it was sent in, {@code null} if not sent
 * @param status the C-STORE response status, {@code null} if no response arrived
 * @param statusText the meaning of the status, {@code null} if no response arrived
 * @param outcome stored ({@code SUCCESS}, {@code WARNING}) or not ({@code FAILURE},
 * {@code NOT_SENT}, {@code UNCONFIRMED})
 * @param errorComment the Error Comment of the response, if any
 * @param detail why it was not sent or is unconfirmed, if so
 * @param part the name of the multipart part it came in, {@code null} for an
 * {@code application/dicom} body
 * @param fileName the file name the client gave the part, if any
 */
public record StoredInstanceResponse(String sopInstanceUid, String sopClassUid, String transferSyntaxUid,
		Integer status, String statusText, StoreOutcome outcome, String errorComment, String detail, String part,
		String fileName) {

	static StoredInstanceResponse of(StoreResult result, UploadedFile upload) {
		return new StoredInstanceResponse(result.sopInstanceUid(), result.sopClassUid(), result.transferSyntaxUid(),
				(result.status() >= 0) ? result.status() : null, result.statusText(), result.outcome(),
				result.errorComment(), result.detail(), upload.part(), upload.fileName());
	}

}
