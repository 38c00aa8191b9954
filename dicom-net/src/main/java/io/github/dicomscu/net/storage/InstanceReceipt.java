package io.github.dicomscu.net.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.FileMetaInformation;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.DataSetSink;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.Status;

/**
 * The receipt of one C-STORE data set into a Part 10 file, for the storage SCP and for
 * the C-STORE sub-operations of a C-GET: the fragments are gathered in a buffer and
 * written to a hidden temporary file as they arrive, after room left for the File Meta
 * Information, which is written last, once the presentation context (and so the transfer
 * syntax) of the message is known. The room is sized for the transfer syntax the context
 * most likely has; if the message came on a context whose transfer syntax UID has another
 * length, the data set is copied (in the kernel) to a new file behind the right header.
 * Files are created readable and writable by their owner only ({@code rw-------}, set
 * explicitly, whatever the umask, where the file system has POSIX permissions), as their
 * content is patient data.
 * <p>
 * The bytes written are also fed to a {@link DataSetScanner} for each encoding the
 * message may come in, so that {@link #finish(NegotiatedContext)} knows, without reading
 * the file again, whether the data set decoded to its end and carries the SOP Class and
 * Instance UIDs of the request.
 * <p>
 * A failure to write is remembered, not thrown, so that the association survives and the
 * request is answered with a failure status; the rest of the data set is then skipped.
 * Closing deletes the file, also the finished one unless it was moved away meanwhile.
 */
public final class InstanceReceipt implements DataSetSink, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(InstanceReceipt.class);

	private static final int BUFFER_SIZE = 256 * 1024;

	private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

	private final String sopClassUid;

	private final String sopInstanceUid;

	private final String sourceAeTitle;

	private final List<DataSetScanner> scanners = new ArrayList<>();

	private Path file;

	private FileChannel channel;

	private long reserved;

	private long received;

	private byte[] buffer;

	private int buffered;

	private IOException failure;

	private boolean complete;

	private InstanceReceipt(String sopClassUid, String sopInstanceUid, String sourceAeTitle) {
		this.sopClassUid = sopClassUid;
		this.sopInstanceUid = sopInstanceUid;
		this.sourceAeTitle = sourceAeTitle;
	}

	/**
	 * Start receiving the data set of a C-STORE request into a new temporary file in a
	 * directory, leaving room for the transfer syntax of the first accepted context of
	 * the SOP class, the one the data set most likely comes in.
	 * @param directory the directory, created if missing
	 * @param association the association the request came on
	 * @param storeRq the C-STORE request, with Affected SOP Class and Instance UID
	 * @return the receipt; if the file cannot be created, one that discards the data set
	 * and reports the failure when finished
	 * @throws IllegalArgumentException if a UID or the peer's AE title cannot be encoded
	 * in the File Meta Information
	 */
	public static InstanceReceipt start(Path directory, Association association, Command storeRq) {
		String sopClassUid = storeRq.affectedSopClassUid();
		String sopInstanceUid = storeRq.affectedSopInstanceUid();
		InstanceReceipt receipt = new InstanceReceipt(sopClassUid, sopInstanceUid, association.getPeerAeTitle());
		try {
			List<String> syntaxes = transferSyntaxes(association, sopClassUid);
			receipt.reserved = receipt.header(syntaxes.get(0)).length;
			for (String syntax : syntaxes) {
				if (receipt.scanners.stream().noneMatch((scanner) -> scanner.decodes(syntax))) {
					receipt.scanners.add(DataSetScanner.forTransferSyntax(syntax));
				}
			}
			receipt.createFile(directory);
			receipt.buffer = new byte[BUFFER_SIZE];
		}
		catch (IOException ex) {
			receipt.fail(new IOException("Cannot create a file for instance "
					+ PrintableText.escapeControls(sopInstanceUid) + " in " + directory + ": " + ex.getMessage(), ex));
		}
		return receipt;
	}

	/**
	 * Return the transfer syntaxes of the accepted contexts of a SOP class, first the one
	 * of the first context, which the data set most likely comes in; Explicit VR Little
	 * Endian if there is none.
	 */
	private static List<String> transferSyntaxes(Association association, String sopClassUid) {
		List<String> syntaxes = association.getNegotiatedContexts()
			.stream()
			.filter((context) -> context.isAccepted() && context.abstractSyntax().equals(sopClassUid))
			.map(NegotiatedContext::transferSyntax)
			.toList();
		return syntaxes.isEmpty() ? List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()) : syntaxes;
	}

	/**
	 * Encode the start of the file: preamble, prefix and File Meta Information with the
	 * SOP class and instance of the request, the transfer syntax and the peer's AE title
	 * as Source Application Entity Title.
	 */
	private byte[] header(String transferSyntaxUid) throws IOException {
		DataSet base = new DataSet().setString("MediaStorageSOPClassUID", this.sopClassUid)
			.setString("MediaStorageSOPInstanceUID", this.sopInstanceUid);
		if (this.sourceAeTitle != null && !this.sourceAeTitle.isEmpty()) {
			base.setString("SourceApplicationEntityTitle", this.sourceAeTitle);
		}
		ByteArrayOutputStream header = new ByteArrayOutputStream(256);
		DicomFile.writeHeader(header, FileMetaInformation.create(base, new DataSet(), transferSyntaxUid));
		return header.toByteArray();
	}

	private void createFile(Path directory) throws IOException {
		String prefix = "." + StorageScp.fileNameOf(this.sopInstanceUid) + ".";
		boolean directoryCreated = false;
		while (this.channel == null) {
			String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
			Path candidate = directory.resolve(prefix + suffix + ".part");
			try {
				this.channel = createNew(candidate);
				this.file = candidate;
			}
			catch (NoSuchFileException ex) {
				if (directoryCreated) {
					throw ex;
				}
				Files.createDirectories(directory);
				directoryCreated = true;
			}
			catch (FileAlreadyExistsException ex) {
				logger.debug("Temporary file {} exists, choosing another name", PrintableText.of(candidate));
			}
		}
	}

	/**
	 * Create a file, where the file system knows POSIX permissions with
	 * {@link #FILE_PERMISSIONS} from the start, then set again past the umask.
	 */
	private static FileChannel createNew(Path file) throws IOException {
		Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				StandardOpenOption.READ);
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return FileChannel.open(file, options);
		}
		FileChannel channel = FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS));
		try {
			Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
		}
		catch (IOException ex) {
			channel.close();
			Files.deleteIfExists(file);
			throw ex;
		}
		return channel;
	}

	@Override
	public void fragment(InputStream fragment, long length, boolean last) throws IOException {
		long remaining = length;
		while (this.channel != null && remaining > 0) {
			if (this.buffered == this.buffer.length) {
				writeBuffer();
				continue;
			}
			int read = fragment.read(this.buffer, this.buffered,
					(int) Math.min(this.buffer.length - this.buffered, remaining));
			if (read < 0) {
				break;
			}
			scan(this.buffer, this.buffered, read);
			this.buffered += read;
			this.received += read;
			remaining -= read;
		}
		this.complete = last;
	}

	/**
	 * Take a whole data set received into memory.
	 * @param dataSet the encoded data set
	 */
	void take(byte[] dataSet) {
		int at = 0;
		while (this.channel != null && at < dataSet.length) {
			if (this.buffered == this.buffer.length) {
				writeBuffer();
				continue;
			}
			int count = Math.min(this.buffer.length - this.buffered, dataSet.length - at);
			System.arraycopy(dataSet, at, this.buffer, this.buffered, count);
			scan(dataSet, at, count);
			this.buffered += count;
			this.received += count;
			at += count;
		}
		this.complete = true;
	}

	private void scan(byte[] bytes, int offset, int length) {
		for (DataSetScanner scanner : this.scanners) {
			scanner.update(bytes, offset, length);
		}
	}

	private void writeBuffer() {
		try {
			writeFully(this.channel, ByteBuffer.wrap(this.buffer, 0, this.buffered),
					this.reserved + this.received - this.buffered);
			this.buffered = 0;
		}
		catch (IOException ex) {
			fail(new IOException("Cannot write instance " + PrintableText.escapeControls(this.sopInstanceUid) + " to "
					+ this.file + ": " + ex.getMessage(), ex));
		}
	}

	/**
	 * Check the data set, then write the File Meta Information for the transfer syntax
	 * the data set came in and close the file.
	 * @param context the presentation context the message came on
	 * @return the instance and its complete Part 10 file, which stays until this receipt
	 * is closed, unless moved away before
	 * @throws IOException if receiving or writing failed
	 * @throws InvalidInstanceException if the context is not one of the request's SOP
	 * class, or the data set does not decode to its end in the context's transfer syntax,
	 * is empty, or does not carry valid SOP Class and Instance UIDs equal to those of the
	 * request
	 */
	public ReceivedInstance finish(NegotiatedContext context) throws IOException, InvalidInstanceException {
		String transferSyntaxUid = context.transferSyntax();
		if (this.failure == null && this.buffered > 0) {
			writeBuffer();
		}
		if (this.failure != null) {
			throw this.failure;
		}
		if (!this.complete) {
			throw new IOException("The data set of instance " + this.sopInstanceUid + " is incomplete");
		}
		check(context);
		try {
			byte[] header = header(transferSyntaxUid);
			if (header.length == this.reserved) {
				writeFully(this.channel, ByteBuffer.wrap(header), 0);
			}
			else {
				moveBehind(header);
			}
			this.channel.close();
		}
		catch (IOException ex) {
			fail(new IOException("Cannot write instance " + PrintableText.escapeControls(this.sopInstanceUid) + " to "
					+ this.file + ": " + ex.getMessage(), ex));
			throw this.failure;
		}
		this.channel = null;
		return new ReceivedInstance(this.sopClassUid, this.sopInstanceUid, transferSyntaxUid, this.sourceAeTitle,
				this.file);
	}

	/**
	 * Check the context, then the data set as the scanner of the context's transfer
	 * syntax saw it; there is one, as the scanners cover every accepted context of the
	 * SOP class.
	 */
	private void check(NegotiatedContext context) throws InvalidInstanceException {
		if (!context.abstractSyntax().equals(this.sopClassUid)) {
			throw new InvalidInstanceException(Status.SOP_CLASS_NOT_SUPPORTED,
					"Presentation context is for another SOP Class",
					"the request came on presentation context " + context.id() + " of "
							+ PrintableText.escape(context.abstractSyntax()) + ", not of its SOP class "
							+ PrintableText.escape(this.sopClassUid));
		}
		String transferSyntaxUid = context.transferSyntax();
		DataSetScanner scanner = this.scanners.stream()
			.filter((candidate) -> candidate.decodes(transferSyntaxUid))
			.findFirst()
			.orElseThrow();
		scanner.finish();
		if (scanner.problem() != null) {
			throw new InvalidInstanceException(Status.CANNOT_UNDERSTAND,
					"Data Set cannot be decoded " + scanner.problem(),
					"the data set does not decode in transfer syntax " + transferSyntaxUid + ": " + scanner.problem());
		}
		if (scanner.length() == 0) {
			throw mismatch("Data Set is empty", "the data set is empty");
		}
		checkUid("SOP Class UID", scanner.sopClassUid(), this.sopClassUid);
		checkUid("SOP Instance UID", scanner.sopInstanceUid(), this.sopInstanceUid);
	}

	private static void checkUid(String name, String found, String requested) throws InvalidInstanceException {
		if (found == null) {
			throw mismatch("Data Set has no " + name, "the data set has no " + name);
		}
		if (!found.equals(requested)) {
			throw mismatch(name + " differs from the Affected " + name, "the data set's " + name + " " + found
					+ " is not the Affected " + name + " " + PrintableText.escape(requested) + " of the request");
		}
		if (!Uid.isValid(found)) {
			throw mismatch(name + " is not a valid UID",
					"the data set's " + name + " " + found + " is not a valid UID");
		}
	}

	private static InvalidInstanceException mismatch(String errorComment, String message) {
		return new InvalidInstanceException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, errorComment, message);
	}

	private void moveBehind(byte[] header) throws IOException {
		Path moved = this.file.resolveSibling(
				this.file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
		try (FileChannel target = createNew(moved)) {
			writeFully(target, ByteBuffer.wrap(header), 0);
			target.position(header.length);
			long copied = 0;
			while (copied < this.received) {
				copied += this.channel.transferTo(this.reserved + copied, this.received - copied, target);
			}
		}
		catch (IOException ex) {
			Files.deleteIfExists(moved);
			throw ex;
		}
		this.channel.close();
		Files.delete(this.file);
		this.file = moved;
	}

	private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
		long at = position;
		while (bytes.hasRemaining()) {
			at += channel.write(bytes, at);
		}
	}

	private void fail(IOException ex) {
		if (this.failure == null) {
			this.failure = ex;
		}
		close();
	}

	/**
	 * Close the file and delete it if it is still there.
	 */
	@Override
	public void close() {
		this.scanners.forEach(DataSetScanner::release);
		try {
			if (this.channel != null) {
				this.channel.close();
			}
			if (this.file != null) {
				Files.deleteIfExists(this.file);
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot delete the received file {}: {}", PrintableText.of(this.file),
					PrintableText.ofMessage(ex.getMessage()));
		}
		this.channel = null;
		this.file = null;
	}

	@Override
	public String toString() {
		return "receipt of instance " + this.sopInstanceUid;
	}

}
