package io.github.dicomscu.sample.web;

import java.util.ArrayList;
import java.util.List;

import io.github.dicomscu.net.storage.StoreResult;

/**
 * The outcome of {@code POST /api/remotes/{name}/store}: one result per uploaded file, in
 * the order of the uploads, and how many the remote stored and did not store.
 *
 * @param results the result of each file
 * @param stored how many the remote confirmed (success or warning)
 * @param failed how many it did not store: failure status, not sent, or unconfirmed
 */
public record StoreResponse(List<StoredInstanceResponse> results, int stored, int failed) {

	/**
	 * Return the response for the results of some uploads.
	 * @param results one result per upload, in the same order
	 * @param uploads the uploads
	 * @return the response
	 */
	static StoreResponse of(List<StoreResult> results, List<UploadedFile> uploads) {
		List<StoredInstanceResponse> responses = new ArrayList<>(results.size());
		int stored = 0;
		for (int i = 0; i < results.size(); i++) {
			StoreResult result = results.get(i);
			responses.add(StoredInstanceResponse.of(result, uploads.get(i)));
			if (result.isStored()) {
				stored++;
			}
		}
		return new StoreResponse(responses, stored, results.size() - stored);
	}

}
