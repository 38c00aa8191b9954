package io.github.dicomscu.net.storage;

import java.io.IOException;
import java.nio.file.Path;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;

/**
 * An instance received with C-STORE, by the storage SCP or in a C-GET, and written as a
 * Part 10 file: preamble, File Meta Information built from the request and the
 * presentation context, then the data set exactly as it arrived.
 *
 * @param sopClassUid the Affected SOP Class UID of the request
 * @param sopInstanceUid the Affected SOP Instance UID of the request
 * @param transferSyntaxUid the transfer syntax the data set arrived in, as the file says
 * @param sourceAeTitle the AE title of the peer that sent it, the file's Source
 * Application Entity Title
 * @param file the Part 10 file
 */
public record ReceivedInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
		String sourceAeTitle, Path file) {

	/**
	 * Decode the data set of the file, every value into memory.
	 * @return the data set
	 * @throws io.github.dicomscu.data.DicomParseException if the file is malformed
	 * @throws IOException if it cannot be read
	 */
	public DataSet readDataSet() throws IOException {
		return DicomFile.read(this.file, Long.MAX_VALUE).dataSet();
	}

}
