package io.github.dicomscu.scu;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationDataValue;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The template against peers that send more than a message may carry: an echo answered
 * with endless data and a match past the in-memory limit each end in a typed exception
 * within the DIMSE timeout, with the association aborted.
 */
class AeTemplateBoundedMessagesTests {

	@Test
	void echoAnsweredWithEndlessDataIsAProtocolViolation() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message echo = DimseScript.read(in);
			Command response = Command.echoRsp(echo.command().messageId(), Status.SUCCESS);
			response.putUS(CommandTag.COMMAND_DATA_SET_TYPE, Command.DATA_SET_PRESENT);
			out.write(PduEncoder.encode(
					new PDataTf(List.of(new PresentationDataValue(echo.contextId(), true, true, response.encode())))));
			byte[] fragment = PduEncoder.encode(
					new PDataTf(List.of(new PresentationDataValue(echo.contextId(), false, false, new byte[16000]))));
			try {
				while (true) {
					out.write(fragment);
				}
			}
			catch (IOException ex) {
				// the requestor aborted and closed the connection
			}
		})) {
			long start = System.nanoTime();
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class,
					() -> template(peer, 1024).echo("scripted"));
			assertThat(ex).hasMessage(
					"remote 'scripted' (SCRIPTED@127.0.0.1:" + peer.port() + "): C-ECHO-RSP from SCRIPTED@127.0.0.1:"
							+ peer.port() + " announces a data set, which this message never carries");
			assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void matchPastTheLimitIsADataSetTooLargeException() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, new byte[1025]);
		}); Stream<DataSet> matches = template(peer, 1024).find("scripted", Query.studyRoot(QueryLevel.STUDY))) {
			DataSetTooLargeException ex = catchThrowableOfType(DataSetTooLargeException.class, matches::toList);
			assertThat(ex).hasMessage("remote 'scripted' (SCRIPTED@127.0.0.1:" + peer.port()
					+ "): Data set of C-FIND-RSP from SCRIPTED@127.0.0.1:" + peer.port()
					+ " is larger than the 1024 bytes an association holds in memory");
			assertThat(ex.getLimit()).isEqualTo(1024);
			assertThat(ex.getRemote()).isEqualTo("scripted");
			assertThat(ex.isTransient()).isFalse();
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertThat(peer.receivedAfterScript()).endsWith(0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00);
		}
	}

	private static AeTemplate template(ScriptedPeer peer, long maxDataSetInMemory) {
		AeTemplate.Builder builder = AeTemplate.builder()
			.aeTitle("TESTSCU")
			.maxDataSetInMemory(maxDataSetInMemory)
			.remote(new RemoteAe("scripted", "SCRIPTED", "127.0.0.1", peer.port()));
		builder.requestedContexts().add("Verification");
		return builder.build();
	}

}
