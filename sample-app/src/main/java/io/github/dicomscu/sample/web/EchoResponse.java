package io.github.dicomscu.sample.web;

import io.github.dicomscu.scu.EchoResult;

/**
 * The outcome of {@code POST /api/remotes/{name}/echo}.
 *
 * @param status the C-ECHO response status, 0 for Success
 * @param statusText the status meaning
 * @param roundTripMs the milliseconds from connect to release
 */
public record EchoResponse(int status, String statusText, long roundTripMs) {

	static EchoResponse of(EchoResult result) {
		return new EchoResponse(result.status(), result.statusText(), result.roundTrip().toMillis());
	}

}
