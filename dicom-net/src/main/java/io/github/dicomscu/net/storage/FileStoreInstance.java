package io.github.dicomscu.net.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomFileHeader;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.DataSetSource;

/**
 * A Part 10 file to send: its own transfer syntax goes as the raw bytes after the File
 * Meta Information, copied from the file straight into the PDU buffer (with a trailing
 * NULL byte if their length is odd, as a deflated data set must be padded, PS3.5 section
 * A.5); another uncompressed one is parsed with bulk data left in the file and
 * re-encoded.
 */
final class FileStoreInstance implements StoreInstance {

	private final Path file;

	private final DicomFileHeader header;

	private final String sopClassUid;

	private final String sopInstanceUid;

	FileStoreInstance(Path file, DicomFileHeader header) throws DicomParseException {
		this.file = file;
		this.header = header;
		this.sopClassUid = required(header.sopClassUid(), "Media Storage SOP Class UID (0002,0002)");
		this.sopInstanceUid = required(header.sopInstanceUid(), "Media Storage SOP Instance UID (0002,0003)");
	}

	private String required(String uid, String name) throws DicomParseException {
		if (uid == null || uid.isEmpty()) {
			throw new DicomParseException(this.header.dataSetOffset(),
					name + " expected in the file meta information of " + this.file);
		}
		return uid;
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
