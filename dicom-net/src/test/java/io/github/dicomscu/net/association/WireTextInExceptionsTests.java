package io.github.dicomscu.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.DimseFailureException;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.PresentationContextRq;
import io.github.dicomscu.net.pdu.UserInformation;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.query.FindResults;
import io.github.dicomscu.net.query.FindScu;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import io.github.dicomscu.net.query.QueryRetrieveModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Text from the wire inside exception messages: a peer that sends CR, LF and ESC in its
 * calling AE title, a UID or an Error Comment gets an exception whose message, and the
 * message of every cause, quotes that text with its control characters escaped, so a
 * stack trace logged by an application cannot forge lines.
 */
class WireTextInExceptionsTests {

	private static final String CONTROL_CHARACTER = "[\\x00-\\x1F\\x7F-\\x9F]";

	private static final AssociationTimeouts SHORT = AssociationTimeouts.defaults()
		.withConnect(Duration.ofSeconds(2))
		.withAcse(Duration.ofSeconds(2))
		.withDimse(Duration.ofSeconds(2))
		.withArtim(Duration.ofMillis(500));

	@Test
	void callingAeTitleWithControlCharactersIsEscapedInTheAcceptorsFailure() throws Exception {
		byte[] rq = associateRq("EVILxxFORGEDxxxx", Uid.VERIFICATION);
		replace(rq, "EVILxxFORGEDxxxx", "EVIL\r\nFORGED\u001B[2J");

		assertEscaped(acceptorFailure(rq), "EVIL\\r\\nFORGED\\u001B[2J");
	}

	@Test
	void abstractSyntaxUidWithControlCharactersIsEscapedInTheAcceptorsFailure() throws Exception {
		byte[] rq = associateRq("RAW", Uid.VERIFICATION);
		replace(rq, Uid.VERIFICATION, "1.2\r\n\u001B[2J0008.1.1");

		assertEscaped(acceptorFailure(rq), "1.2\\r\\n\\u001B[2J0008.1.1");
	}

	@Test
	void acceptedTransferSyntaxUidWithControlCharactersIsEscapedInTheRequestorsFailure() throws Exception {
		String placeholder = "1.2.3.4.5.6.7.89";
		String evil = "1.2\r\n\u001B[31m.7.8.9";
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			AssociateRq rq = (AssociateRq) PduDecoder.decode(ScriptedPeer.readPdu(in), 0);
			byte[] ac = PduEncoder
				.encode(new AssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContextName(),
						List.of(new PresentationContextAc(1, PresentationContextResult.ACCEPTANCE, placeholder)),
						userInformation()));
			replace(ac, placeholder, evil);
			out.write(ac);
			out.flush();
			drain(in);
		})) {
			DicomNetworkException failure = catchThrowableOfType(DicomNetworkException.class,
					() -> Association.request(AssociationRequest.builder("127.0.0.1", peer.port())
						.calledAeTitle("SCRIPTED")
						.context(PresentationContext.of("Verification"))
						.timeouts(SHORT)
						.build()));

			assertEscaped(failure, "1.2\\r\\n\\u001B[31m.7.8.9");
		}
	}

	@Test
	void errorCommentWithControlCharactersIsEscapedInTheDimseFailure() throws Exception {
		String placeholder = "index unreadable";
		String evil = "bad\r\n\u001B[31mINFO!!";
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			byte[] response = DimseScript.response(find, 0xC001)
				.putString(CommandTag.ERROR_COMMENT, placeholder)
				.encode();
			replace(response, placeholder, evil);
			DimseScript.send(out, find.contextId(), response, null);
			drain(in);
		});
				Association association = Association.request(AssociationRequest.builder("127.0.0.1", peer.port())
					.calledAeTitle("SCRIPTED")
					.context(PresentationContext.of(QueryRetrieveModel.STUDY_ROOT.findSopClassUid(),
							"ImplicitVRLittleEndian"))
					.timeouts(SHORT)
					.build());
				FindResults results = FindScu.find(association, Query.studyRoot(QueryLevel.STUDY))) {
			DimseFailureException failure = catchThrowableOfType(DimseFailureException.class, results::nextMatch);

			assertEscaped(failure, "bad\\r\\n\\u001B[31mINFO!!");
			assertThat(failure.getErrorComment()).isEqualTo(evil);
		}
	}

	private static void assertEscaped(Throwable failure, String escaped) {
		assertThat(failure).isNotNull();
		assertThat(failure.getMessage()).contains(escaped);
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(cause.getMessage()).as(cause.getClass().getName()).doesNotContainPattern(CONTROL_CHARACTER);
		}
	}

	private static DicomNetworkException acceptorFailure(byte[] associateRq) throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			out.write(associateRq);
			out.flush();
			drain(in);
		}); SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", peer.port()))) {
			AcceptorSettings settings = new AcceptorSettings("ANY-SCP",
					Map.of(Uid.VERIFICATION, List.of(Uid.IMPLICIT_VR_LITTLE_ENDIAN)), 16384, MaxDataSetInMemory.DEFAULT,
					SHORT);
			return catchThrowableOfType(DicomNetworkException.class,
					() -> Association.accept(channel.socket(), settings, (callingAeTitle) -> true));
		}
	}

	private static byte[] associateRq(String callingAeTitle, String abstractSyntax) {
		return PduEncoder.encode(new AssociateRq(1, "ANY-SCP", callingAeTitle, Uid.DICOM_APPLICATION_CONTEXT,
				List.of(new PresentationContextRq(1, abstractSyntax, List.of(Uid.IMPLICIT_VR_LITTLE_ENDIAN))),
				userInformation()));
	}

	private static UserInformation userInformation() {
		return new UserInformation(16384, "1.2.3.4", "RAW", null, List.of(), List.of(), List.of(), null, null,
				List.of());
	}

	private static void replace(byte[] bytes, String original, String replacement) {
		byte[] from = original.getBytes(StandardCharsets.ISO_8859_1);
		byte[] to = replacement.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(to).hasSameSizeAs(from);
		int at = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf(original);
		assertThat(at).isPositive();
		System.arraycopy(to, 0, bytes, at, to.length);
	}

	private static void drain(InputStream in) throws IOException {
		while (in.read() >= 0) {
			// wait for the abort and the close
		}
	}

}
