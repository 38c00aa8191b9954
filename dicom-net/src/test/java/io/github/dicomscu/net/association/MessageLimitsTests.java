package io.github.dicomscu.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.PresentationDataValue;
import io.github.dicomscu.net.pdu.UserInformation;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bounded messages and a usable peer PDU length, on both sides: a data set collected in
 * memory past the limit, a data set on a message that takes none, and a peer's maximum
 * PDU length too small to carry data each end the association with an A-ABORT and a typed
 * exception, before the data is buffered.
 */
class MessageLimitsTests {

	private static final AssociationTimeouts SHORT = AssociationTimeouts.defaults()
		.withConnect(Duration.ofSeconds(2))
		.withAcse(Duration.ofSeconds(2))
		.withDimse(Duration.ofSeconds(2))
		.withArtim(Duration.ofMillis(500));

	static final byte[] PROVIDER_ABORT_INVALID_PARAMETER = { 0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02,
			0x06 };

	static final byte[] USER_ABORT = { 0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 };

	@Test
	void echoResponseAnnouncingADataSetIsRefusedBeforeItsDataIsRead() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			int contextId = accept(in, out, 16382);
			ScriptedPeer.readPdu(in);
			Command response = Command.echoRsp(1, Status.SUCCESS);
			response.putUS(CommandTag.COMMAND_DATA_SET_TYPE, Command.DATA_SET_PRESENT);
			// no data fragment follows: bytes the requestor leaves unread when it closes
			// would
			// reset the connection and could discard its A-ABORT at this end
			writeFragment(out, contextId, true, true, response.encode());
		}); Association association = request(peer, MaxDataSetInMemory.DEFAULT)) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, association::echo);
			assertThat(ex.getMessage()).isEqualTo("C-ECHO-RSP from SCRIPTED@127.0.0.1:" + peer.port()
					+ " announces a data set, which this message never carries");
			assertThat(ex.getAbortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE);
			assertThat(association.isEstablished()).isFalse();
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertThat(peer.receivedAfterScript()).endsWith(PROVIDER_ABORT_INVALID_PARAMETER);
		}
	}

	@Test
	void dataSetPastTheLimitAbortsTheRequestorWithATypedException() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			int contextId = accept(in, out, 16382);
			Command response = findRsp();
			writeFragment(out, contextId, true, true, response.encode());
			for (int i = 0; i < 3; i++) {
				writeFragment(out, contextId, false, i == 2, new byte[1500]);
			}
		}); Association association = request(peer, 4000)) {
			DataSetTooLargeException ex = catchThrowableOfType(DataSetTooLargeException.class,
					() -> association.receive(TimeoutKind.DIMSE, Duration.ofSeconds(2), "no C-FIND-RSP"));
			assertThat(ex.getMessage()).isEqualTo("Data set of C-FIND-RSP from SCRIPTED@127.0.0.1:" + peer.port()
					+ " is larger than the 4000 bytes an association holds in memory");
			assertThat(ex.getLimit()).isEqualTo(4000);
			assertThat(association.isEstablished()).isFalse();
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertThat(peer.receivedAfterScript()).endsWith(USER_ABORT);
		}
	}

	@Test
	void dataSetOfExactlyTheLimitIsCollected() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			int contextId = accept(in, out, 16382);
			writeFragment(out, contextId, true, true, findRsp().encode());
			writeFragment(out, contextId, false, false, new byte[2000]);
			writeFragment(out, contextId, false, true, new byte[2000]);
			ScriptedPeer.readPdu(in);
			out.write(new byte[] { 0x06, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 });
			out.flush();
		}); Association association = request(peer, 4000)) {
			DimseMessage message = association.receive(TimeoutKind.DIMSE, Duration.ofSeconds(2), "no C-FIND-RSP");
			assertThat(message.dataSet()).hasSize(4000);
			association.release();
		}
	}

	@Test
	void acceptorMaximumPduLengthsTooSmallForDataAreRefusedNamingTheValue() throws Exception {
		for (long length : new long[] { 1, 6 }) {
			try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> accept(in, out, length))) {
				DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class,
						() -> request(peer, MaxDataSetInMemory.DEFAULT));
				assertThat(ex.getMessage()).isEqualTo(
						"A-ASSOCIATE-AC from SCRIPTED@127.0.0.1:" + peer.port() + " announces a maximum PDU length of "
								+ length + " bytes, too small to carry a presentation data value (at least 7)");
				assertThat(peer.awaitClientClose(5)).isTrue();
				assertThat(peer.receivedAfterScript()).endsWith(PROVIDER_ABORT_INVALID_PARAMETER);
			}
		}
	}

	@Test
	void acceptorMaximumPduLengthOfSevenCarriesAnEcho() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			int contextId = accept(in, out, 7);
			byte[] command = new byte[0];
			while (true) {
				PresentationDataValue value = ((PDataTf) PduDecoder.decode(ScriptedPeer.readPdu(in), 0)).values()
					.get(0);
				assertThat(value.data()).hasSize(1);
				command = java.util.Arrays.copyOf(command, command.length + 1);
				command[command.length - 1] = value.data()[0];
				if (value.last()) {
					break;
				}
			}
			int messageId = Command.decode(command).messageId();
			writeFragment(out, contextId, true, true, Command.echoRsp(messageId, Status.SUCCESS).encode());
		}); Association association = request(peer, MaxDataSetInMemory.DEFAULT)) {
			assertThat(association.echo()).isZero();
		}
	}

	private static Command findRsp() {
		return new Command().putUid(CommandTag.AFFECTED_SOP_CLASS_UID, Uid.VERIFICATION)
			.putUS(CommandTag.COMMAND_FIELD, 0x8020)
			.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, 1)
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, Command.DATA_SET_PRESENT)
			.putUS(CommandTag.STATUS, Status.PENDING);
	}

	private static Association request(ScriptedPeer peer, long maxDataSetInMemory) throws Exception {
		return Association.request(AssociationRequest.builder("127.0.0.1", peer.port())
			.calledAeTitle("SCRIPTED")
			.context(PresentationContext.of("Verification"))
			.maxDataSetInMemory(maxDataSetInMemory)
			.timeouts(SHORT)
			.build());
	}

	private static int accept(InputStream in, OutputStream out, long maxPduLength) throws IOException {
		AssociateRq rq = (AssociateRq) PduDecoder.decode(ScriptedPeer.readPdu(in), 0);
		int contextId = rq.presentationContexts().get(0).id();
		out.write(PduEncoder
			.encode(new AssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContextName(),
					List.of(new PresentationContextAc(contextId, PresentationContextResult.ACCEPTANCE,
							rq.presentationContexts().get(0).transferSyntaxes().get(0))),
					new UserInformation(maxPduLength, "1.2.3.4", "SCRIPTED", null, List.of(), List.of(), List.of(),
							null, null, List.of()))));
		out.flush();
		return contextId;
	}

	private static void writeFragment(OutputStream out, int contextId, boolean command, boolean last, byte[] data)
			throws IOException {
		out.write(PduEncoder.encode(new PDataTf(List.of(new PresentationDataValue(contextId, command, last, data)))));
		out.flush();
	}

}
