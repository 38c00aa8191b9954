package io.github.dicomscu.net.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomFileHeader;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.DataSetSource;

/**
 * A Part 10 file to send: its own transfer syntax goes as the raw bytes after the File
 * Meta Information, copied from the file straight into the PDU buffer (with a trailing
 * NULL byte if their length is odd, as a deflated data set must be padded, PS3.5 section
 * A.5); another uncompressed one is parsed with bulk data left in the file and
 * re-encoded.
 * <p>
 * Its SOP Class and Instance UID are the data set's own (0008,0016) and (0008,0018), read
 * by {@link DicomFile#scan}, which the peer checks the C-STORE request against; the file
 * meta information's Media Storage ones only stand in where the data set has none.
 */
final class FileStoreInstance implements StoreInstance {

	private static final Logger logger = LoggerFactory.getLogger(FileStoreInstance.class);

	private final Path file;

	private final DicomFileHeader header;

	private final String sopClassUid;

	private final String sopInstanceUid;

	FileStoreInstance(Path file, DicomFileHeader header) throws DicomParseException {
		this.file = file;
		this.header = header;
		this.sopClassUid = authoritative(header.sopClassUid(), header.dataSetSopClassUid(),
				"Media Storage SOP Class UID (0002,0002)", "SOP Class UID (0008,0016)");
		this.sopInstanceUid = authoritative(header.sopInstanceUid(), header.dataSetSopInstanceUid(),
				"Media Storage SOP Instance UID (0002,0003)", "SOP Instance UID (0008,0018)");
	}

	/**
	 * Return the data set's UID where it has one, as DCMTK's storescu does, warning if
	 * the file meta information names another; else the file meta information's.
	 */
	private String authoritative(String metaUid, String dataSetUid, String metaName, String dataSetName)
			throws DicomParseException {
		boolean inMeta = metaUid != null && !metaUid.isEmpty();
		if (dataSetUid == null || dataSetUid.isEmpty()) {
			if (!inMeta) {
				throw new DicomParseException(this.header.dataSetOffset(),
						metaName + " expected in the file meta information of " + this.file);
			}
			return metaUid;
		}
		if (inMeta && !metaUid.equals(dataSetUid)) {
			logger.warn("{} of {} is {} but its data set's {} is {}; sending the data set's", metaName, this.file,
					PrintableText.escape(metaUid), dataSetName, PrintableText.escape(dataSetUid));
		}
		return dataSetUid;
	}

	@Override
	public String sopClassUid() {
		return this.sopClassUid;
	}

	@Override
	public String sopInstanceUid() {
		return this.sopInstanceUid;
	}

	@Override
	public TransferSyntax transferSyntax() {
		return this.header.transferSyntax();
	}

	@Override
	public DataSetSource sourceFor(TransferSyntax target) throws IOException {
		if (!canBeSentAs(target)) {
			throw new IllegalArgumentException(
					this + " is encoded in " + transferSyntax() + " and cannot be sent as " + target);
		}
		if (target.equals(transferSyntax())) {
			long offset = this.header.dataSetOffset();
			long length = Files.size(this.file) - offset;
			if (length < 0) {
				throw new DicomParseException(offset, "data set expected, found the end of " + this.file);
			}
			boolean padded = (length & 1) != 0;
			return (out) -> {
				try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.READ)) {
					channel.position(offset);
					DataSetSource.of(channel, length).writeTo(out);
				}
				if (padded) {
					out.write(0);
				}
			};
		}
		DicomFile parsed = DicomFile.read(this.file);
		DataSetWriter writer = new DataSetWriter(target);
		return (out) -> FlushIgnoringOutputStream.write(writer, parsed.dataSet(), out);
	}

	@Override
	public String toString() {
		return "file " + this.file;
	}

}
