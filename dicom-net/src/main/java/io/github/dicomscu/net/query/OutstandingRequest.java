package io.github.dicomscu.net.query;

import java.time.Duration;
import java.util.function.IntFunction;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetReader;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.DicomTimeoutException;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.pdu.AbortReason;

/**
 * A C-FIND, C-MOVE or C-GET request that was sent and awaits its responses: the context
 * it went out on, its message id, the identifier codec of that context, and whether a
 * C-CANCEL was sent for it.
 * <p>
 * The one owner of the cancel rule of the three operations: once the C-CANCEL-RQ is sent,
 * the peer has the {@linkplain #setCancelGrace(Duration) cancel grace period} to send its
 * final response; a message of the operation that still arrives after it (a pending
 * response, or a C-STORE sub-operation of a C-GET) aborts the association with a
 * {@link DicomTimeoutException} of kind {@link TimeoutKind#CANCEL}.
 */
final class OutstandingRequest {

	private final Association association;

	private final NegotiatedContext context;

	private final int messageId;

	private final TransferSyntax transferSyntax;

	private final CommandField response;

	private Duration cancelGrace;

	private boolean cancelled;

	private long cancelDeadline;

	private int messagesAfterCancel;

	private OutstandingRequest(Association association, NegotiatedContext context, int messageId, CommandField response,
			Duration cancelGrace) {
		this.association = association;
		this.context = context;
		this.messageId = messageId;
		this.transferSyntax = TransferSyntax.of(context.transferSyntax());
		this.response = response;
		this.cancelGrace = cancelGrace;
	}

	/**
	 * Send a request with its identifier on the first accepted context of a SOP class.
	 * @param association the association
	 * @param sopClassUid the SOP class of the information model
	 * @param request creates the command from the context's message id
	 * @param identifier the identifier
	 * @param response the response field that answers the request
	 * @param cancelGrace how long the peer has, after a C-CANCEL-RQ, to send the final
	 * response
	 * @return the outstanding request
	 * @throws IllegalArgumentException if {@link AssociationTimeouts#check} rejects the
	 * grace period; nothing is sent
	 * @throws DicomNetworkException if no context was accepted for the SOP class or
	 * sending fails
	 */
	static OutstandingRequest send(Association association, String sopClassUid, IntFunction<Command> request,
			DataSet identifier, CommandField response, Duration cancelGrace) throws DicomNetworkException {
		AssociationTimeouts.check("cancel grace", cancelGrace);
		NegotiatedContext context = association.requireAcceptedContext(sopClassUid);
		int messageId = association.nextMessageId();
		Command command = request.apply(messageId);
		OutstandingRequest outstanding = new OutstandingRequest(association, context, messageId, response, cancelGrace);
		byte[] encoded = new DataSetWriter(outstanding.transferSyntax).toByteArray(identifier);
		association.send(context.id(), command, encoded);
		return outstanding;
	}

	Association association() {
		return this.association;
	}

	NegotiatedContext context() {
		return this.context;
	}

	int messageId() {
		return this.messageId;
	}

	/**
	 * Return whether a C-CANCEL-RQ was sent for this request.
	 * @return whether cancelled
	 */
	boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Wait for the next response, which must answer this request.
	 * @return the response
	 * @throws DicomNetworkException on timeout, abort, or any other message (the
	 * association is then aborted)
	 */
	DimseMessage nextResponse() throws DicomNetworkException {
		return this.association.receiveResponse(this.messageId, this.response);
	}

	/**
	 * Return whether a message is a response to this request.
	 * @param message the message
	 * @return whether it has the response field and answers this message id
	 */
	boolean isAnsweredBy(DimseMessage message) {
		Command command = message.command();
		return command.commandField() == this.response && command.messageIdBeingRespondedTo() == this.messageId;
	}

	/**
	 * Decode the identifier of a response.
	 * @param response the response
	 * @return the identifier, or {@code null} if the response has none
	 * @throws DicomProtocolException if the identifier is malformed; the association is
	 * then aborted
	 */
	DataSet identifierOf(DimseMessage response) throws DicomProtocolException {
		if (response.dataSet() == null) {
			return null;
		}
		try {
			return new DataSetReader(this.transferSyntax).read(response.dataSet());
		}
		catch (DicomParseException ex) {
			this.association.abort();
			throw new DicomProtocolException(
					"Malformed identifier in " + this.response.text() + " to message " + this.messageId + " from "
							+ this.association.getPeer() + ": " + ex.getMessage(),
					AbortReason.INVALID_PDU_PARAMETER_VALUE, ex);
		}
	}

	/**
	 * Set how long the peer has, after the C-CANCEL-RQ, to send the final response.
	 * @param cancelGrace the grace period
	 * @throws IllegalArgumentException if {@link AssociationTimeouts#check} rejects it
	 */
	void setCancelGrace(Duration cancelGrace) {
		this.cancelGrace = AssociationTimeouts.check("cancel grace", cancelGrace);
	}

	/**
	 * Send a C-CANCEL-RQ for this request, once, and start the grace period.
	 * @throws DicomNetworkException if sending fails
	 */
	void cancel() throws DicomNetworkException {
		if (!this.cancelled) {
			this.cancelled = true;
			this.cancelDeadline = System.nanoTime() + this.cancelGrace.toNanos();
			this.association.send(this.context.id(), Command.cancelRq(this.messageId));
		}
	}

	/**
	 * Account for a message of this operation that is not its final response (a pending
	 * response, or a C-STORE sub-operation of a C-GET): nothing before a C-CANCEL-RQ;
	 * after it, the message is counted, and once the grace period has passed the
	 * association is aborted.
	 * @throws DicomTimeoutException if the grace period after the C-CANCEL-RQ has passed
	 */
	void checkCancelGrace() throws DicomTimeoutException {
		if (!this.cancelled) {
			return;
		}
		this.messagesAfterCancel++;
		if (System.nanoTime() - this.cancelDeadline > 0) {
			this.association.abort();
			throw new DicomTimeoutException(TimeoutKind.CANCEL, this.cancelGrace,
					this.response.request().text() + " " + this.messageId + " to "
							+ PrintableText.of(this.association.getPeer()) + " still pending after "
							+ this.messagesAfterCancel + " more messages; association aborted");
		}
	}

	/**
	 * Return how many messages of this operation arrived after the C-CANCEL-RQ, the final
	 * response not included.
	 * @return the count, 0 if no C-CANCEL-RQ was sent
	 */
	int messagesAfterCancel() {
		return this.messagesAfterCancel;
	}

}
