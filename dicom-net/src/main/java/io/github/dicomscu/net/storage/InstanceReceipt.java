package io.github.dicomscu.net.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.FileMetaInformation;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.DataSetSink;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.dimse.Command;

/**
 * The receipt of one C-STORE data set into a Part 10 file, for the storage SCP and for
 * the C-STORE sub-operations of a C-GET: the fragments are gathered in a buffer and
 * written to a hidden temporary file as they arrive, after room left for the File Meta
 * Information, which is written last, once the presentation context (and so the transfer
 * syntax) of the message is known. The room is sized for the transfer syntax the context
 * most likely has; if the message came on a context whose transfer syntax UID has another
 * length, the data set is copied (in the kernel) to a new file behind the right header.
 * <p>
 * A failure to write is remembered, not thrown, so that the association survives and the
 * request is answered with a failure status; the rest of the data set is then skipped.
 * Closing deletes the file, also the finished one unless it was moved away meanwhile.
 */
public final class InstanceReceipt implements DataSetSink, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(InstanceReceipt.class);

	private static final int BUFFER_SIZE = 256 * 1024;

	private final String sopClassUid;

	private final String sopInstanceUid;

	private final String sourceAeTitle;

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
			receipt.reserved = receipt.header(likelyTransferSyntax(association, sopClassUid)).length;
			receipt.createFile(directory);
			receipt.buffer = new byte[BUFFER_SIZE];
		}
		catch (IOException ex) {
			receipt.fail(new IOException(
					"Cannot create a file for instance " + sopInstanceUid + " in " + directory + ": " + ex.getMessage(),
					ex));
		}
		return receipt;
	}

	/**
	 * Return the transfer syntax of the first accepted context of a SOP class.
	 */
	private static String likelyTransferSyntax(Association association, String sopClassUid) {
		return association.getNegotiatedContexts()
			.stream()
			.filter((context) -> context.isAccepted() && context.abstractSyntax().equals(sopClassUid))
			.map(NegotiatedContext::transferSyntax)
			.findFirst()
			.orElse(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
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
				this.channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
						StandardOpenOption.READ);
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
				logger.debug("Temporary file {} exists, choosing another name", candidate);
			}
		}
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
			this.buffered += count;
			this.received += count;
			at += count;
		}
		this.complete = true;
	}

	private void writeBuffer() {
		try {
			writeFully(this.channel, ByteBuffer.wrap(this.buffer, 0, this.buffered),
					this.reserved + this.received - this.buffered);
			this.buffered = 0;
		}
		catch (IOException ex) {
			fail(new IOException(
					"Cannot write instance " + this.sopInstanceUid + " to " + this.file + ": " + ex.getMessage(), ex));
		}
	}

	/**
	 * Write the File Meta Information for the transfer syntax the data set came in and
	 * close the file.
	 * @param transferSyntaxUid the transfer syntax of the presentation context
	 * @return the instance and its complete Part 10 file, which stays until this receipt
	 * is closed, unless moved away before
	 * @throws IOException if receiving or writing failed
	 */
	public ReceivedInstance finish(String transferSyntaxUid) throws IOException {
		if (this.failure == null && this.buffered > 0) {
			writeBuffer();
		}
		if (this.failure != null) {
			throw this.failure;
		}
		if (!this.complete) {
			throw new IOException("The data set of instance " + this.sopInstanceUid + " is incomplete");
		}
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
			fail(new IOException(
					"Cannot write instance " + this.sopInstanceUid + " to " + this.file + ": " + ex.getMessage(), ex));
			throw this.failure;
		}
		this.channel = null;
		return new ReceivedInstance(this.sopClassUid, this.sopInstanceUid, transferSyntaxUid, this.sourceAeTitle,
				this.file);
	}

	private void moveBehind(byte[] header) throws IOException {
		Path moved = Files.createTempFile(this.file.getParent(), this.file.getFileName().toString(), ".part");
		try (FileChannel target = FileChannel.open(moved, StandardOpenOption.WRITE)) {
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
		try {
			if (this.channel != null) {
				this.channel.close();
			}
			if (this.file != null) {
				Files.deleteIfExists(this.file);
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot delete the received file {}: {}", this.file, ex.getMessage());
		}
		this.channel = null;
		this.file = null;
	}

	@Override
	public String toString() {
		return "receipt of instance " + this.sopInstanceUid;
	}

}
