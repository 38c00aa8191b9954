package io.github.dicomscu.net.peer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.PresentationDataValue;
import io.github.dicomscu.net.pdu.RoleSelection;
import io.github.dicomscu.net.pdu.UserInformation;

/**
 * Steps for {@link ScriptedPeer} scripts that play a Query/Retrieve SCP on the raw
 * socket: accept an association, read the requestor's DIMSE messages (keeping the PDU
 * bytes for exact assertions) and send DIMSE messages.
 */
public final class DimseScript {

	private DimseScript() {
	}

	/**
	 * Read the A-ASSOCIATE-RQ and accept every context with its first transfer syntax,
	 * and every proposed role selection except those of the given SOP classes, which are
	 * left out.
	 * @param in the peer's input
	 * @param out the peer's output
	 * @param withoutRoles SOP classes whose role selection is not answered
	 * @throws IOException if the exchange fails
	 */
	public static void accept(InputStream in, OutputStream out, String... withoutRoles) throws IOException {
		AssociateRq rq = (AssociateRq) PduDecoder.decode(ScriptedPeer.readPdu(in), 0);
		List<PresentationContextAc> results = rq.presentationContexts()
			.stream()
			.map((context) -> new PresentationContextAc(context.id(), PresentationContextResult.ACCEPTANCE,
					context.transferSyntaxes().get(0)))
			.toList();
		List<RoleSelection> roles = rq.userInformation()
			.roleSelections()
			.stream()
			.filter((role) -> !List.of(withoutRoles).contains(role.sopClassUid()))
			.toList();
		out.write(PduEncoder.encode(new AssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(),
				rq.applicationContextName(), results, new UserInformation(16382, "1.2.3.4", "SCRIPTED", null, roles,
						List.of(), List.of(), null, null, List.of()))));
		out.flush();
	}

	/**
	 * Read the A-ASSOCIATE-RQ, pause, and accept it as {@link #accept} does: a slow peer.
	 * @param in the peer's input
	 * @param out the peer's output
	 * @param delay the pause before the answer
	 * @throws IOException if the exchange fails
	 */
	public static void acceptAfter(InputStream in, OutputStream out, Duration delay) throws IOException {
		byte[] associateRq = ScriptedPeer.readPdu(in);
		Drip.pause(delay);
		accept(new ByteArrayInputStream(associateRq), out);
	}

	/**
	 * Read one DIMSE message: P-DATA-TF PDUs until the command set and, if it announces
	 * one, the data set are complete.
	 * @param in the peer's input
	 * @return the message
	 * @throws IOException if reading fails
	 */
	public static Message read(InputStream in) throws IOException {
		ByteArrayOutputStream commandBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream dataSetBytes = new ByteArrayOutputStream();
		List<byte[]> pdus = new ArrayList<>();
		Command command = null;
		int contextId = 0;
		boolean complete = false;
		while (!complete) {
			byte[] pdu = ScriptedPeer.readPdu(in);
			pdus.add(pdu);
			for (PresentationDataValue value : ((PDataTf) PduDecoder.decode(pdu, 0)).values()) {
				contextId = value.contextId();
				(value.command() ? commandBytes : dataSetBytes).writeBytes(value.data());
				if (value.command() && value.last()) {
					command = Command.decode(commandBytes.toByteArray());
					complete = !command.hasDataSet();
				}
				else if (!value.command() && value.last()) {
					complete = true;
				}
			}
		}
		return new Message(contextId, command, (dataSetBytes.size() > 0) ? dataSetBytes.toByteArray() : null, pdus);
	}

	/**
	 * Create the response to a request.
	 * @param request the request
	 * @param status the status
	 * @return the response command
	 */
	public static Command response(Message request, int status) {
		return response(request.command(), status);
	}

	/**
	 * Send the response to a request on the request's context.
	 * @param out the peer's output
	 * @param request the request
	 * @param status the status
	 * @param dataSet the encoded data set, or {@code null}
	 * @throws IOException if writing fails
	 */
	public static void respond(OutputStream out, Message request, int status, byte[] dataSet) throws IOException {
		respond(out, request, response(request, status), dataSet);
	}

	/**
	 * Send a response on a request's context.
	 * @param out the peer's output
	 * @param request the request
	 * @param response the response command
	 * @param dataSet the encoded data set, or {@code null}
	 * @throws IOException if writing fails
	 */
	public static void respond(OutputStream out, Message request, Command response, byte[] dataSet) throws IOException {
		send(out, request.contextId(), response, dataSet);
	}

	private static Command response(Command request, int status) {
		return new Command().putUid(CommandTag.AFFECTED_SOP_CLASS_UID, request.affectedSopClassUid())
			.putUS(CommandTag.COMMAND_FIELD, request.commandField().code() | 0x8000)
			.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, request.messageId())
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, Command.NO_DATA_SET)
			.putUS(CommandTag.STATUS, status);
	}

	/**
	 * Send a DIMSE message: the command set and the data set, each in a P-DATA-TF PDU of
	 * its own. Command Data Set Type is set to say whether a data set follows.
	 * @param out the peer's output
	 * @param contextId the presentation context id
	 * @param command the command set
	 * @param dataSet the encoded data set, or {@code null}
	 * @throws IOException if writing fails
	 */
	public static void send(OutputStream out, int contextId, Command command, byte[] dataSet) throws IOException {
		command.putUS(CommandTag.COMMAND_DATA_SET_TYPE,
				(dataSet != null) ? Command.DATA_SET_PRESENT : Command.NO_DATA_SET);
		send(out, contextId, command.encode(), dataSet);
	}

	/**
	 * Send a DIMSE message whose command set is given as encoded bytes, for command sets
	 * that {@link Command#encode()} does not produce (such as one carrying elements
	 * outside group 0000).
	 * @param out the peer's output
	 * @param contextId the presentation context id
	 * @param commandSet the encoded command set
	 * @param dataSet the encoded data set, or {@code null}
	 * @throws IOException if writing fails
	 */
	public static void send(OutputStream out, int contextId, byte[] commandSet, byte[] dataSet) throws IOException {
		out.write(
				PduEncoder.encode(new PDataTf(List.of(new PresentationDataValue(contextId, true, true, commandSet)))));
		if (dataSet != null) {
			out.write(PduEncoder
				.encode(new PDataTf(List.of(new PresentationDataValue(contextId, false, true, dataSet)))));
		}
		out.flush();
	}

	/**
	 * Wait for the requestor's A-RELEASE-RQ and answer it with an A-RELEASE-RP.
	 * @param in the peer's input
	 * @param out the peer's output
	 * @throws IOException if the exchange fails or another PDU arrives
	 */
	public static void release(InputStream in, OutputStream out) throws IOException {
		byte[] pdu = ScriptedPeer.readPdu(in);
		if (pdu[0] != 0x05) {
			throw new IOException("A-RELEASE-RQ expected, got PDU type " + pdu[0]);
		}
		out.write(new byte[] { 0x06, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 });
		out.flush();
	}

	/**
	 * Act as a peer that ignores a C-CANCEL-RQ: read it, then keep sending pending
	 * responses every 20 ms until the SCU sends anything more (its A-ABORT), at most 200.
	 * @param in the stream from the SCU
	 * @param cancel completed with the C-CANCEL-RQ
	 * @param pending sends the pending response of a number
	 * @throws IOException if the connection fails
	 */
	public static void ignoreCancel(InputStream in, CompletableFuture<DimseScript.Message> cancel,
			PendingResponse pending) throws IOException {
		cancel.complete(DimseScript.read(in));
		for (int i = 1; i <= 200 && in.available() == 0; i++) {
			pending.send(i);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Sends one pending response of a scripted peer.
	 */
	@FunctionalInterface
	public interface PendingResponse {

		/**
		 * Send the pending response of a number.
		 * @param number 1 for the first response after the C-CANCEL-RQ, and so on
		 * @throws IOException if the connection fails
		 */
		void send(int number) throws IOException;

	}

	/**
	 * A DIMSE message read by the script.
	 *
	 * @param contextId the presentation context it came on
	 * @param command the command set
	 * @param dataSet the data set bytes, or {@code null}
	 * @param pdus the P-DATA-TF PDUs as received
	 */
	public record Message(int contextId, Command command, byte[] dataSet, List<byte[]> pdus) {
	}

}
