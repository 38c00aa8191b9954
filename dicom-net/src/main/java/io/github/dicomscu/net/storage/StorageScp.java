package io.github.dicomscu.net.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.DataSetSink;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.scp.RequestHandler;

/**
 * The C-STORE service provider (PS3.4 Annex B): receives each data set straight from the
 * connection into a temporary Part 10 file, never holding it in memory, checks it while
 * its bytes stream to the file (see {@link InstanceReceipt}; the file is not parsed
 * again), and then either renames it to {@code <SOP Instance UID>.dcm} in a directory
 * (replacing an earlier copy) or hands it to a {@link StoredInstanceHandler}.
 * <p>
 * The response is the handler's status (success for the directory) only for a data set
 * that decoded to its end in its transfer syntax (inflated where deflated), is not empty,
 * and carries valid SOP Class and Instance UIDs equal to the request's Affected ones.
 * Otherwise no file is kept and the response is
 * {@link Status#DATA_SET_DOES_NOT_MATCH_SOP_CLASS} for an empty data set or a missing,
 * invalid or different UID, and {@link Status#CANNOT_UNDERSTAND} for a data set that does
 * not decode or a request without valid Affected SOP Class and Instance UIDs, and
 * {@link Status#SOP_CLASS_NOT_SUPPORTED} for a request on a presentation context of
 * another SOP class, each with an Error Comment and one WARN line.
 * {@link Status#OUT_OF_RESOURCES} answers a file that cannot be written or kept,
 * {@link Status#PROCESSING_FAILURE} a handler that fails otherwise.
 * <p>
 * Register it with {@link #addTo(DicomScp.Builder)}, which also makes the acceptor accept
 * every storage SOP class with {@link #TRANSFER_SYNTAXES}. Thread-safe: one instance
 * serves all associations.
 */
public final class StorageScp implements RequestHandler {

	/**
	 * Transfer syntaxes accepted for storage by {@link #addTo(DicomScp.Builder)}: the
	 * four uncompressed ones, then the JPEG, JPEG-LS, JPEG 2000, High-Throughput JPEG
	 * 2000 and RLE syntaxes. Among them, the requestor's preference decides.
	 */
	public static final List<String> TRANSFER_SYNTAXES = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
			TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid(),
			TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(), UidDictionary.toUid("JPEGBaseline8Bit"),
			UidDictionary.toUid("JPEGExtended12Bit"), UidDictionary.toUid("JPEGLossless"),
			UidDictionary.toUid("JPEGLosslessSV1"), UidDictionary.toUid("JPEGLSLossless"),
			UidDictionary.toUid("JPEGLSNearLossless"), UidDictionary.toUid("JPEG2000Lossless"),
			UidDictionary.toUid("JPEG2000"), UidDictionary.toUid("HTJ2KLossless"),
			UidDictionary.toUid("HTJ2KLosslessRPCL"), UidDictionary.toUid("HTJ2K"), UidDictionary.toUid("RLELossless"));

	private static final Logger logger = LoggerFactory.getLogger(StorageScp.class);

	private static final int MAX_FILE_NAME_LENGTH = Uid.MAX_LENGTH;

	private static final int MAX_ERROR_COMMENT_LENGTH = 64;

	private static final int MAX_STATUS = 0xFFFF;

	private static final DataSetSink DISCARD = (fragment, length, last) -> {
	};

	private final Path workDirectory;

	private final StoredInstanceHandler handler;

	private StorageScp(Path workDirectory, StoredInstanceHandler handler) {
		this.workDirectory = Objects.requireNonNull(workDirectory, "Directory must not be null");
		this.handler = Objects.requireNonNull(handler, "Handler must not be null");
	}

	/**
	 * Return a storage SCP that keeps the instances as Part 10 files named
	 * {@code <SOP Instance UID>.dcm} in a directory (created if missing). Files are
	 * received under a hidden temporary name in the same directory and renamed atomically
	 * once complete and checked, so the directory never shows a partial or refused
	 * instance. Every file has the mode {@code rw-------} (owner only, whatever the
	 * umask) where the file system has POSIX permissions.
	 * @param directory the directory
	 * @return the storage SCP
	 */
	public static StorageScp toDirectory(Path directory) {
		return new StorageScp(directory, (instance) -> {
			Path target = directory.resolve(fileNameOf(instance.sopInstanceUid()) + ".dcm");
			Files.move(instance.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return Status.SUCCESS;
		});
	}

	/**
	 * Return a storage SCP that hands each received instance to a handler.
	 * @param workDirectory the directory the files are received in (created if missing)
	 * @param handler takes each instance and decides the response status
	 * @return the storage SCP
	 */
	public static StorageScp toHandler(Path workDirectory, StoredInstanceHandler handler) {
		return new StorageScp(workDirectory, handler);
	}

	/**
	 * Serve C-STORE on an acceptor: accept every storage SOP class
	 * ({@link ContextSet#ALL_STORAGE}) with {@link #TRANSFER_SYNTAXES} and handle C-STORE
	 * requests with this SCP.
	 * @param builder the acceptor's builder
	 * @return the builder
	 */
	public DicomScp.Builder addTo(DicomScp.Builder builder) {
		return builder.accept(ContextSet.ALL_STORAGE, TRANSFER_SYNTAXES.toArray(String[]::new))
			.handler(CommandField.C_STORE_RQ, this);
	}

	/**
	 * Start receiving the data set of a C-STORE request into a temporary file.
	 * @param association the association
	 * @param command the C-STORE request
	 * @return the sink
	 */
	@Override
	public DataSetSink dataSetSink(Association association, Command command) {
		return (problemWith(command) == null) ? startReceipt(association, command) : DISCARD;
	}

	private InstanceReceipt startReceipt(Association association, Command command) {
		return InstanceReceipt.start(this.workDirectory, association, command);
	}

	/**
	 * Finish a C-STORE request whose data set went to the sink of
	 * {@link #dataSetSink(Association, Command)}, and answer it.
	 * @param association the association
	 * @param request the request
	 * @param dataSetSink the sink
	 * @throws DicomNetworkException if the response cannot be sent
	 */
	@Override
	public void handle(Association association, DimseMessage request, DataSetSink dataSetSink)
			throws DicomNetworkException {
		if (dataSetSink instanceof InstanceReceipt receipt) {
			store(association, request, receipt);
		}
		else {
			handle(association, request);
		}
	}

	/**
	 * Store a C-STORE request whose data set arrived in memory, and answer it.
	 * @param association the association
	 * @param request the request
	 * @throws DicomNetworkException if the response cannot be sent
	 */
	@Override
	public void handle(Association association, DimseMessage request) throws DicomNetworkException {
		Command command = request.command();
		String problem = problemWith(command);
		if (problem == null && request.dataSet() == null) {
			problem = "C-STORE request without a data set";
		}
		if (problem != null) {
			logger.warn("C-STORE-RQ {} from {} refused: {}", command.messageId(),
					PrintableText.of(association.getPeer()), PrintableText.of(problem));
			respond(association, request, Status.CANNOT_UNDERSTAND, problem);
			return;
		}
		InstanceReceipt receipt = startReceipt(association, command);
		receipt.take(request.dataSet());
		store(association, request, receipt);
	}

	/**
	 * Finish a receipt, keep the instance and answer the request; the receipt is closed,
	 * which deletes the file unless it was kept.
	 */
	private void store(Association association, DimseMessage request, InstanceReceipt receipt)
			throws DicomNetworkException {
		NegotiatedContext context = association.getContext(request.contextId()).orElseThrow();
		try (receipt) {
			ReceivedInstance instance;
			try {
				instance = receipt.finish(context);
			}
			catch (InvalidInstanceException ex) {
				logger.warn("C-STORE of {} from {} refused: {}",
						PrintableText.of(request.command().affectedSopInstanceUid()),
						PrintableText.of(association.getPeer()), PrintableText.ofMessage(ex.getMessage()));
				respond(association, request, ex.getStatus(), ex.getErrorComment());
				return;
			}
			catch (IOException ex) {
				logger.warn("C-STORE of {} from {} failed: {}",
						PrintableText.of(request.command().affectedSopInstanceUid()),
						PrintableText.of(association.getPeer()), PrintableText.ofMessage(ex.getMessage()));
				respond(association, request, Status.OUT_OF_RESOURCES, "Cannot write the instance");
				return;
			}
			store(association, request, instance);
		}
	}

	private void store(Association association, DimseMessage request, ReceivedInstance instance)
			throws DicomNetworkException {
		Command command = request.command();
		try {
			int status = keep(association, instance);
			respond(association, request, status, null);
		}
		catch (DicomParseException ex) {
			logger.warn("C-STORE of {} from {}: malformed data set: {}",
					PrintableText.of(command.affectedSopInstanceUid()), PrintableText.of(association.getPeer()),
					PrintableText.ofMessage(ex.getMessage()));
			respond(association, request, Status.CANNOT_UNDERSTAND, ex.getMessage());
		}
		catch (IOException ex) {
			logger.warn("C-STORE of {} from {}: cannot keep the instance: {}",
					PrintableText.of(command.affectedSopInstanceUid()), PrintableText.of(association.getPeer()),
					PrintableText.ofMessage(ex.getMessage()));
			respond(association, request, Status.OUT_OF_RESOURCES, "Cannot keep the instance");
		}
		catch (RuntimeException ex) {
			logger.error("C-STORE of {} from {}: handling the instance failed",
					PrintableText.of(command.affectedSopInstanceUid()), PrintableText.of(association.getPeer()), ex);
			respond(association, request, Status.PROCESSING_FAILURE, "Processing failure");
		}
	}

	private int keep(Association association, ReceivedInstance instance) throws IOException {
		int status = this.handler.stored(instance);
		if (status < 0 || status > MAX_STATUS) {
			throw new IllegalStateException("The handler returned " + status + ", which is not a status code");
		}
		logger.debug("C-STORE of {} ({}) from {}: {}", PrintableText.of(instance.sopInstanceUid()),
				PrintableText.of(UidDictionary.nameOf(instance.sopClassUid())), PrintableText.of(association.getPeer()),
				Status.toString(status, CommandField.C_STORE_RSP));
		return status;
	}

	private static void respond(Association association, DimseMessage request, int status, String errorComment)
			throws DicomNetworkException {
		Command command = request.command();
		Command response;
		if (problemWith(command) == null) {
			response = Command.storeRsp(command, status);
		}
		else {
			response = new Command().putUS(CommandTag.COMMAND_FIELD, CommandField.C_STORE_RSP.code())
				.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, command.messageId())
				.putUS(CommandTag.COMMAND_DATA_SET_TYPE, Command.NO_DATA_SET)
				.putUS(CommandTag.STATUS, status);
		}
		if (errorComment != null) {
			response.putString(CommandTag.ERROR_COMMENT, errorCommentOf(errorComment));
		}
		association.send(request.contextId(), response);
	}

	private static String errorCommentOf(String text) {
		StringBuilder comment = new StringBuilder();
		for (int i = 0; i < text.length() && comment.length() < MAX_ERROR_COMMENT_LENGTH; i++) {
			char c = text.charAt(i);
			comment.append((c >= 0x20 && c < 0x7F && c != '\\') ? c : ' ');
		}
		return comment.toString().strip();
	}

	/**
	 * Return what makes a C-STORE request unusable: a missing or invalid Affected SOP
	 * Class or Instance UID.
	 */
	private static String problemWith(Command command) {
		if (!Uid.isValid(command.affectedSopClassUid())) {
			return "No valid Affected SOP Class UID";
		}
		if (!Uid.isValid(command.affectedSopInstanceUid())) {
			return "No valid Affected SOP Instance UID";
		}
		return null;
	}

	/**
	 * Return a file name (without extension) for a SOP Instance UID: the UID itself when
	 * it is valid, else its characters with anything but digits and dots replaced by
	 * {@code _}, never starting with a dot.
	 * @param sopInstanceUid the UID
	 * @return the file name
	 */
	static String fileNameOf(String sopInstanceUid) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < sopInstanceUid.length() && name.length() < MAX_FILE_NAME_LENGTH; i++) {
			char c = sopInstanceUid.charAt(i);
			name.append((c == '.' || (c >= '0' && c <= '9')) ? c : '_');
		}
		if (name.length() == 0 || name.charAt(0) == '.') {
			name.insert(0, '_');
		}
		return name.toString();
	}

}
