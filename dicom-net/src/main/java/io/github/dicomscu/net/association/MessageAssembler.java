package io.github.dicomscu.net.association;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.PresentationDataValueHandler;

/**
 * Collects the presentation data values of one message: the command set into memory, the
 * data set into a sink or into memory, checking that fragments arrive in order on one
 * accepted context. Memory is bounded: the command set to 64 KiB, a data set collected in
 * memory to the association's {@link MaxDataSetInMemory limit}, and a data set on a
 * message that takes none is refused before any byte of it is read.
 */
final class MessageAssembler implements PresentationDataValueHandler {

	/** Largest command set accepted, in bytes. */
	private static final int MAXIMUM_COMMAND_LENGTH = 64 * 1024;

	/** Messages that never carry a data set (PS3.7 sections 9.3 and 10.3). */
	private static final Set<CommandField> WITHOUT_DATA_SET = EnumSet.of(CommandField.C_ECHO_RQ,
			CommandField.C_ECHO_RSP, CommandField.C_STORE_RSP, CommandField.C_CANCEL_RQ, CommandField.N_DELETE_RQ,
			CommandField.N_DELETE_RSP);

	private final Map<Integer, NegotiatedContext> contexts;

	private final Function<Command, DataSetSink> sinks;

	private final long maxDataSetInMemory;

	private final String peer;

	private final ByteArrayOutputStream commandBytes = new ByteArrayOutputStream(256);

	private int contextId;

	private long streamedBytes;

	private Command command;

	private DataSetSink sink;

	private ByteArrayOutputStream dataBytes;

	private DimseMessage message;

	/**
	 * Create an assembler for one message.
	 * @param contexts the negotiated contexts by id
	 * @param sinks chooses the sink for the data set from the command set
	 * @param maxDataSetInMemory the largest data set collected in memory, in bytes
	 * @param peer the peer, for messages
	 */
	MessageAssembler(Map<Integer, NegotiatedContext> contexts, Function<Command, DataSetSink> sinks,
			long maxDataSetInMemory, String peer) {
		this.contexts = contexts;
		this.sinks = sinks;
		this.maxDataSetInMemory = maxDataSetInMemory;
		this.peer = peer;
	}

	/**
	 * Return how many bytes of the data set went to the sink so far.
	 * @return the bytes streamed
	 */
	long streamedBytes() {
		return this.streamedBytes;
	}

	/**
	 * Return whether the data set is being streamed to a sink: its command set is
	 * complete and a sink took the data set.
	 * @return whether the fragments that follow go to a sink
	 */
	boolean isStreamingToSink() {
		return this.sink != null && this.message == null;
	}

	/**
	 * Return the message once its last fragment arrived.
	 * @return the message, or {@code null} while fragments are missing
	 */
	DimseMessage message() {
		return this.message;
	}

	@Override
	public void handle(int contextId, boolean command, boolean last, InputStream fragment, long length)
			throws IOException {
		if (this.message != null) {
			throw new DicomProtocolException(
					"P-DATA-TF carries a fragment after the end of a " + this.message.command().commandField().text(),
					AbortReason.UNEXPECTED_PDU_PARAMETER);
		}
		checkContext(contextId);
		if (command) {
			if (this.command != null) {
				throw new DicomProtocolException("Command fragment received after the command set was complete",
						AbortReason.UNEXPECTED_PDU_PARAMETER);
			}
			if (this.commandBytes.size() + length > MAXIMUM_COMMAND_LENGTH) {
				throw new DicomProtocolException("Command set longer than " + MAXIMUM_COMMAND_LENGTH + " bytes",
						AbortReason.INVALID_PDU_PARAMETER_VALUE);
			}
			fragment.transferTo(this.commandBytes);
			if (last) {
				this.command = Command.decode(this.commandBytes.toByteArray());
				if (this.command.hasDataSet() && WITHOUT_DATA_SET.contains(this.command.commandField())) {
					throw new DicomProtocolException(
							this.command.commandField().text() + " from " + this.peer
									+ " announces a data set, which this message never carries",
							AbortReason.INVALID_PDU_PARAMETER_VALUE);
				}
				if (!this.command.hasDataSet()) {
					this.message = new DimseMessage(contextId, this.command, null);
				}
				else {
					this.sink = this.sinks.apply(this.command);
					if (this.sink == null) {
						this.dataBytes = new ByteArrayOutputStream(8192);
					}
				}
			}
			return;
		}
		if (this.command == null) {
			throw new DicomProtocolException("Data set fragment received before the command set was complete",
					AbortReason.UNEXPECTED_PDU_PARAMETER);
		}
		if (this.sink != null) {
			this.streamedBytes += length;
			this.sink.fragment(fragment, length, last);
		}
		else {
			if (this.dataBytes.size() + length > this.maxDataSetInMemory) {
				throw new DataSetTooLargeException("Data set of " + this.command.commandField().text() + " from "
						+ this.peer + " is larger than the " + this.maxDataSetInMemory
						+ " bytes an association holds in memory", this.maxDataSetInMemory);
			}
			fragment.transferTo(this.dataBytes);
		}
		if (last) {
			this.message = new DimseMessage(contextId, this.command,
					(this.dataBytes != null) ? this.dataBytes.toByteArray() : null);
		}
	}

	private void checkContext(int id) throws DicomProtocolException {
		if (this.contextId == 0) {
			NegotiatedContext context = this.contexts.get(id);
			if (context == null || !context.isAccepted()) {
				throw new DicomProtocolException(
						"P-DATA-TF on presentation context " + id + ", which is not an accepted context",
						AbortReason.INVALID_PDU_PARAMETER_VALUE);
			}
			this.contextId = id;
		}
		else if (id != this.contextId) {
			throw new DicomProtocolException("P-DATA-TF fragment on presentation context " + id
					+ " inside a message on context " + this.contextId, AbortReason.INVALID_PDU_PARAMETER_VALUE);
		}
	}

}
