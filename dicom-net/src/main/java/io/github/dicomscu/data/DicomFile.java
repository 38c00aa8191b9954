package io.github.dicomscu.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A DICOM file (PS3.10 Section 7.1): a 128-byte preamble, the prefix {@code "DICM"}, the
 * File Meta Information in Explicit VR Little Endian, then the data set in the transfer
 * syntax the File Meta Information names.
 * <p>
 * Reading keeps large values in the file as {@link BulkDataReference}s (see
 * {@link DataSetReader#setBulkDataThreshold(long)}), so a multi-gigabyte file is read
 * with little heap; those references stay valid while the file is unchanged. Files
 * without the preamble and prefix that start directly with the File Meta Information are
 * accepted too; files without File Meta Information are not. Writing always produces the
 * preamble (zeros), the prefix and complete File Meta Information (see
 * {@link FileMetaInformation}), and streams bulk data.
 *
 * @param fileMeta the File Meta Information (group 0002, without the group length)
 * @param dataSet the data set
 */
public record DicomFile(DataSet fileMeta, DataSet dataSet) {

	private static final int PREAMBLE_LENGTH = 128;

	private static final int SOP_CLASS_UID = 0x00080016;

	private static final int SOP_INSTANCE_UID = 0x00080018;

	private static final byte[] PREFIX = "DICM".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Return the transfer syntax of the data set, as the File Meta Information names it.
	 * @return the transfer syntax
	 * @throws IllegalArgumentException if the UID is missing or not supported
	 */
	public TransferSyntax transferSyntax() {
		String uid = this.fileMeta.getString(FileMetaInformation.TAG_TRANSFER_SYNTAX_UID);
		if (uid == null) {
			throw new IllegalArgumentException("The file meta information has no Transfer Syntax UID (0002,0010)");
		}
		return TransferSyntax.of(uid);
	}

	/**
	 * Read a file, keeping values of at least
	 * {@link DataSetReader#DEFAULT_BULK_DATA_THRESHOLD} bytes in the file.
	 * @param path the file
	 * @return the file meta information and data set
	 * @throws DicomParseException if the file is truncated or malformed; the message
	 * names the byte offset and what was expected there
	 * @throws IOException if reading fails
	 */
	public static DicomFile read(Path path) throws IOException {
		return read(path, DataSetReader.DEFAULT_BULK_DATA_THRESHOLD);
	}

	/**
	 * Read a file, keeping values of at least {@code bulkDataThreshold} bytes in the
	 * file.
	 * @param path the file
	 * @param bulkDataThreshold the threshold in bytes; {@link Long#MAX_VALUE} to read
	 * everything into memory
	 * @return the file meta information and data set
	 * @throws DicomParseException if the file is truncated or malformed
	 * @throws IOException if reading fails
	 */
	public static DicomFile read(Path path, long bulkDataThreshold) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			DicomInput in = DicomInput.ofChannel(channel, 0);
			DicomFileHeader header = readHeader(in);
			DataSetReader reader = new DataSetReader(header.transferSyntax());
			reader.setBulkDataThreshold(bulkDataThreshold);
			return new DicomFile(header.fileMeta(), reader.read(in, path.toAbsolutePath()));
		}
	}

	/**
	 * Read only the preamble and File Meta Information of a file: enough to know what the
	 * file holds and where its data set starts, for sending it without parsing the data
	 * set.
	 * @param path the file
	 * @return the file meta information and the offset of the data set
	 * @throws DicomParseException if the file does not start with valid File Meta
	 * Information
	 * @throws IOException if reading fails
	 */
	public static DicomFileHeader readHeader(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			return readHeader(DicomInput.ofChannel(channel, 0));
		}
	}

	/**
	 * Read the preamble and File Meta Information of a file and walk its data set to the
	 * end of the file, element header by element header, without loading values: a cheap
	 * check, before a file is sent, that it is neither truncated nor malformed. Values
	 * are skipped by seeking (a deflated data set is inflated, within the limits of
	 * {@link DataSetReader}); a length that runs past the end of the file, an item or a
	 * sequence that never ends, or sequences nested too deep fail here. The data set's
	 * own SOP Class UID (0008,0016) and SOP Instance UID (0008,0018) are read on the way.
	 * @param path the file
	 * @return the file meta information, the offset of the data set and the data set's
	 * SOP Class and Instance UID
	 * @throws DicomParseException if the file is truncated or malformed; the message
	 * names the byte offset in the file (in the inflated data set for a deflated one)
	 * @throws IOException if reading fails
	 */
	public static DicomFileHeader scan(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			DicomInput in = DicomInput.ofChannel(channel, 0);
			DicomFileHeader header = readHeader(in);
			DataSet uids = new DataSetReader(header.transferSyntax()).scan(in);
			return new DicomFileHeader(header.fileMeta(), header.transferSyntax(), header.dataSetOffset(),
					uids.getString(SOP_CLASS_UID), uids.getString(SOP_INSTANCE_UID));
		}
	}

	private static DicomFileHeader readHeader(DicomInput in) throws IOException {
		skipPreamble(in);
		long metaStart = in.position();
		DataSet meta = DataSetReader.readFileMeta(in);
		Attribute uidAttribute = meta.get(FileMetaInformation.TAG_TRANSFER_SYNTAX_UID);
		String[] uids = (uidAttribute != null && uidAttribute.bytes() != null)
				? SpecificCharacterSet.DEFAULT.decode(VR.UI, uidAttribute.bytes()) : new String[0];
		String uid = (uids.length > 0) ? uids[0] : "";
		if (uid.isEmpty()) {
			throw in.error(metaStart, "Transfer Syntax UID (0002,0010) expected in the file meta information");
		}
		TransferSyntax transferSyntax;
		try {
			transferSyntax = TransferSyntax.of(uid);
		}
		catch (IllegalArgumentException ex) {
			throw in.error(metaStart, "a supported Transfer Syntax UID expected, found " + uid);
		}
		return new DicomFileHeader(meta, transferSyntax, in.position());
	}

	private static void skipPreamble(DicomInput in) throws IOException {
		int available = in.fill(PREAMBLE_LENGTH + PREFIX.length);
		if (available == PREAMBLE_LENGTH + PREFIX.length && hasPrefixAt(in, PREAMBLE_LENGTH)) {
			in.consume(available);
			return;
		}
		if (available >= 8 && in.peekUnsignedShort(0, false) == 0x0002 && isLetter(in.peekByte(4))
				&& isLetter(in.peekByte(5))) {
			return;
		}
		if (available < PREAMBLE_LENGTH + PREFIX.length) {
			throw in.error(available, "128-byte preamble and \"DICM\" prefix expected, found end of data");
		}
		StringBuilder found = new StringBuilder();
		for (int i = 0; i < PREFIX.length; i++) {
			found.append(String.format("%s0x%02X", (i > 0) ? " " : "", in.peekByte(PREAMBLE_LENGTH + i)));
		}
		throw in.error(PREAMBLE_LENGTH, "\"DICM\" prefix expected, found bytes " + found);
	}

	private static boolean isLetter(int value) {
		return value >= 'A' && value <= 'Z';
	}

	private static boolean hasPrefixAt(DicomInput in, int index) {
		for (int i = 0; i < PREFIX.length; i++) {
			if (in.peekByte(index + i) != PREFIX[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Write a data set as a file with new File Meta Information.
	 * @param path the file, created or replaced
	 * @param dataSet the data set, with SOP Class and Instance UID
	 * @param transferSyntax the transfer syntax UID or keyword
	 * @throws IOException if writing fails
	 * @see #write(OutputStream, DataSet, DataSet, String)
	 */
	public static void write(Path path, DataSet dataSet, String transferSyntax) throws IOException {
		write(path, null, dataSet, transferSyntax);
	}

	/**
	 * Write a data set as a file.
	 * @param path the file, created or replaced; it must not be a file the data set
	 * refers to for bulk data
	 * @param fileMeta file meta elements to keep, or {@code null}; see
	 * {@link FileMetaInformation#create(DataSet, DataSet, String)}
	 * @param dataSet the data set
	 * @param transferSyntax the transfer syntax UID or keyword
	 * @throws IOException if writing fails
	 * @see #write(OutputStream, DataSet, DataSet, String)
	 */
	public static void write(Path path, DataSet fileMeta, DataSet dataSet, String transferSyntax) throws IOException {
		Path target = path.toAbsolutePath().normalize();
		if (refersTo(dataSet, target)) {
			throw new IllegalArgumentException("Cannot write " + path + ": the data set refers to bulk data in "
					+ "that file; write to another file instead");
		}
		try (OutputStream out = Files.newOutputStream(path)) {
			write(out, fileMeta, dataSet, transferSyntax);
		}
	}

	/**
	 * Write this file's data set with its File Meta Information (refreshed as described
	 * in {@link FileMetaInformation#create(DataSet, DataSet, String)}) in its transfer
	 * syntax.
	 * @param path the file, created or replaced; not the file this one was read from
	 * while it refers to bulk data there
	 * @throws IOException if writing fails
	 */
	public void write(Path path) throws IOException {
		write(path, this.fileMeta, this.dataSet, transferSyntax().uid());
	}

	/**
	 * Write a data set in Part 10 format to a stream: preamble, prefix, File Meta
	 * Information built by {@link FileMetaInformation#create(DataSet, DataSet, String)},
	 * then the data set written by {@link DataSetWriter}.
	 * @param out the stream, flushed but not closed
	 * @param fileMeta file meta elements to keep, or {@code null}
	 * @param dataSet the data set
	 * @param transferSyntax the transfer syntax UID or keyword
	 * @throws IllegalArgumentException if the transfer syntax is not supported, the data
	 * set lacks SOP Class or Instance UID, or cannot be encoded in the transfer syntax
	 * @throws IOException if writing fails
	 */
	public static void write(OutputStream out, DataSet fileMeta, DataSet dataSet, String transferSyntax)
			throws IOException {
		TransferSyntax syntax = TransferSyntax.of(transferSyntax);
		writeHeader(out, FileMetaInformation.create(fileMeta, dataSet, syntax.uid()));
		new DataSetWriter(syntax).write(dataSet, out);
	}

	/**
	 * Write the start of a Part 10 file, for a data set encoded elsewhere to follow: the
	 * preamble, the prefix, and the File Meta Information in Explicit VR Little Endian
	 * with its group length computed.
	 * @param out the stream, neither flushed nor closed
	 * @param fileMeta the complete File Meta Information, as
	 * {@link FileMetaInformation#create(DataSet, DataSet, String)} makes it
	 * @throws IOException if writing fails
	 */
	public static void writeHeader(OutputStream out, DataSet fileMeta) throws IOException {
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		header.write(new byte[PREAMBLE_LENGTH]);
		header.write(PREFIX);
		FileMetaInformation.write(fileMeta, header);
		header.writeTo(out);
	}

	private static boolean refersTo(DataSet dataSet, Path target) {
		for (Attribute attribute : dataSet.attributes()) {
			BulkDataReference reference = attribute.bulkData();
			if (reference != null && reference.path().toAbsolutePath().normalize().equals(target)) {
				return true;
			}
			Fragments fragments = attribute.fragments();
			for (int i = 0; fragments != null && i < fragments.size(); i++) {
				if (fragments.isBulkData(i)
						&& fragments.getBulkData(i).path().toAbsolutePath().normalize().equals(target)) {
					return true;
				}
			}
			List<DataSet> items = attribute.items();
			if (items != null && items.stream().anyMatch((item) -> refersTo(item, target))) {
				return true;
			}
		}
		return false;
	}

}
