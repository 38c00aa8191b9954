package io.github.dicomscu.sample.web;

import java.util.List;

import io.github.dicomscu.net.query.RetrieveResult;

/**
 * The outcome of a C-MOVE or C-GET as its final response reports it.
 *
 * @param status the final status: 0 for Success; 0xB000 (45056) when some sub-operations
 * failed or had warnings; 0xFE00 (65024) when cancelled (a failure status is a 502
 * problem)
 * @param statusText the meaning of the status
 * @param completed the sub-operations completed successfully
 * @param failed the sub-operations that failed
 * @param warning the sub-operations completed with a warning
 * @param remaining the sub-operations not performed
 * @param failedSopInstanceUids the instances that failed, as far as the remote lists them
 */
public record RetrieveResponse(int status, String statusText, int completed, int failed, int warning, int remaining,
		List<String> failedSopInstanceUids) {

	static RetrieveResponse of(RetrieveResult result) {
		return new RetrieveResponse(result.status(), result.statusText(), result.completed(), result.failed(),
				result.warning(), result.remaining(), result.failedSopInstanceUids());
	}

}
