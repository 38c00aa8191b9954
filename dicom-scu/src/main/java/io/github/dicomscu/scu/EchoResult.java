package io.github.dicomscu.scu;

import java.time.Duration;

/**
 * The outcome of a C-ECHO: the status and its meaning, the round trip (association, echo
 * and release), and the peer's implementation identification.
 *
 * @param remote the remote echoed
 * @param status the C-ECHO response status
 * @param statusText the status meaning, such as "Success"
 * @param roundTrip the time from connect to release
 * @param implementationClassUid the peer's implementation class UID
 * @param implementationVersionName the peer's implementation version name, or
 * {@code null}
 */
public record EchoResult(RemoteAe remote, int status, String statusText, Duration roundTrip,
		String implementationClassUid, String implementationVersionName) {

	/**
	 * Return whether the status is Success (0x0000).
	 * @return whether successful
	 */
	public boolean isSuccess() {
		return this.status == 0;
	}

}
