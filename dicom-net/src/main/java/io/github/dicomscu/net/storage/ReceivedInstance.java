package io.github.dicomscu.net.storage;

import java.nio.file.Path;

/**
 * An instance received with C-STORE and written as a Part 10 file: preamble, File Meta
 * Information built from the request and the presentation context, then the data set exactly
 * as it arrived.
 *
 * @param sopClassUid the Affected SOP Class UID of the request
 * @param sopInstanceUid the Affected SOP Instance UID of the request
 * @param transferSyntaxUid the transfer syntax the data set arrived in, as the file says
 * @param callingAeTitle the AE title of the peer that sent it
 * @param file the Part 10 file
 */
public record ReceivedInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
		String callingAeTitle, Path file) {
}
