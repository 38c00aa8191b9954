package io.github.dicomscu.net.query;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetReader;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.TransferSyntax;

/**
 * An instance that a C-GET delivered by a C-STORE sub-operation: what its C-STORE-RQ said and
 * its data set as received, byte for byte, in a temporary file that exists only while the
 * {@link StoreReceiver} handles it.
 *
 * @param sopClassUid the Affected SOP Class UID of the C-STORE-RQ
 * @param sopInstanceUid the Affected SOP Instance UID of the C-STORE-RQ
 * @param transferSyntaxUid the transfer syntax of the presentation context it arrived on
 * @param sourceAeTitle the AE title of the peer that sent it
 * @param dataSetFile the encoded data set, without preamble or File Meta Information
 */
public record RetrievedInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
		String sourceAeTitle, Path dataSetFile) {

	/**
	 * Decode the data set, every value into memory.
	 * @return the data set
	 * @throws IOException if it cannot be read or is malformed
	 * @throws IllegalArgumentException if the transfer syntax is not one the codec reads
	 */
	public DataSet readDataSet() throws IOException {
		DataSetReader reader = new DataSetReader(TransferSyntax.of(this.transferSyntaxUid));
		reader.setBulkDataThreshold(Long.MAX_VALUE);
		return reader.read(this.dataSetFile, 0);
	}

	/**
	 * Write the instance as a Part 10 file: preamble, File Meta Information (with the SOP
	 * class and instance from the C-STORE-RQ, the transfer syntax and the source AE title),
	 * then the data set exactly as received. A deflated data set is decoded and deflated again.
	 * @param target the file, created or replaced
	 * @throws IOException if writing fails
	 * @throws IllegalArgumentException if the transfer syntax is not a standard one
	 */
	public void writeFile(Path target) throws IOException {
		DataSet fileMeta = new DataSet().setString("MediaStorageSOPClassUID", this.sopClassUid)
			.setString("MediaStorageSOPInstanceUID", this.sopInstanceUid)
			.setString("SourceApplicationEntityTitle", this.sourceAeTitle);
		TransferSyntax transferSyntax = TransferSyntax.of(this.transferSyntaxUid);
		try (OutputStream out = Files.newOutputStream(target)) {
			if (transferSyntax.isDeflated()) {
				DataSet dataSet = new DataSetReader(transferSyntax).read(this.dataSetFile, 0);
				DicomFile.write(out, fileMeta, dataSet, this.transferSyntaxUid);
			}
			else {
				DicomFile.write(out, fileMeta, new DataSet(), this.transferSyntaxUid);
				Files.copy(this.dataSetFile, out);
			}
		}
	}

}
