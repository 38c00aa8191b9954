package io.github.dicomscu.sample.web;

import io.github.dicomscu.scu.RemoteAe;

/**
 * A configured remote AE as {@code GET /api/remotes} lists it.
 *
 * @param name the name it is configured under in {@code dicom.scu.remotes}
 * @param aeTitle its AE title
 * @param host its host
 * @param port its port
 */
public record RemoteResponse(String name, String aeTitle, String host, int port) {

	static RemoteResponse of(RemoteAe remote) {
		return new RemoteResponse(remote.name(), remote.aeTitle(), remote.host(), remote.port());
	}

}
