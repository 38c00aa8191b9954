package io.github.dicomscu.net.query;

import java.util.function.IntFunction;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetReader;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.pdu.AbortReason;

/**
 * A C-FIND, C-MOVE or C-GET request that was sent and awaits its responses: the context
 * it went out on, its message id, the identifier codec of that context, and whether a
 * C-CANCEL was sent for it.
 */
final class OutstandingRequest {

	private final Association association;

	private final NegotiatedContext context;

	private final int messageId;

	private final TransferSyntax transferSyntax;

	private final CommandField response;

	private boolean cancelled;

	private OutstandingRequest(Association association, NegotiatedContext context, int messageId,
			CommandField response) {
		this.association = association;
		this.context = context;
		this.messageId = messageId;
		this.transferSyntax = TransferSyntax.of(context.transferSyntax());
		this.response = response;
	}

	/**
	 * Send a request with its identifier on the first accepted context of a SOP class.
	 * @param association the association
	 * @param sopClassUid the SOP class of the information model
	 * @param request creates the command from the context's message id
	 * @param identifier the identifier
	 * @param response the response field that answers the request
	 * @return the outstanding request
	 * @throws DicomNetworkException if no context was accepted for the SOP class or
	 * sending fails
	 */
	static OutstandingRequest send(Association association, String sopClassUid, IntFunction<Command> request,
			DataSet identifier, CommandField response) throws DicomNetworkException {
		NegotiatedContext context = association.requireAcceptedContext(sopClassUid);
		int messageId = association.nextMessageId();
		Command command = request.apply(messageId);
		OutstandingRequest outstanding = new OutstandingRequest(association, context, messageId, response);
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
	 * Send a C-CANCEL-RQ for this request, once.
	 * @throws DicomNetworkException if sending fails
	 */
	void cancel() throws DicomNetworkException {
		if (!this.cancelled) {
			this.cancelled = true;
			this.association.send(this.context.id(), Command.cancelRq(this.messageId));
		}
	}

}
