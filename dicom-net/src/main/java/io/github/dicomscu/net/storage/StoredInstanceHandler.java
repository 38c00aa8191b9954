package io.github.dicomscu.net.storage;

import java.io.IOException;

import io.github.dicomscu.net.dimse.Status;

/**
 * Takes an instance the {@link StorageScp} received and decides the status of the C-STORE
 * response. Called on the association's thread, after the whole data set arrived and
 * before the response is sent.
 */
@FunctionalInterface
public interface StoredInstanceHandler {

	/**
	 * Take a received instance. The file is deleted after this method returns unless the
	 * handler moved it away.
	 * @param instance the instance and its Part 10 file
	 * @return the C-STORE status to answer, such as {@link Status#SUCCESS}
	 * @throws IOException if the instance cannot be kept; the request is answered with
	 * {@link Status#OUT_OF_RESOURCES}
	 */
	int stored(ReceivedInstance instance) throws IOException;

}
