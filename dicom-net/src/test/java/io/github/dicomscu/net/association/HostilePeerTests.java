package io.github.dicomscu.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.pdu.Abort;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.UserInformation;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Our requestor against scripted, hostile peers: every misbehaviour ends in the right
 * typed exception within its timeout, the connection is closed, and no thread is left
 * behind.
 */
class HostilePeerTests {

	private static final AssociationTimeouts SHORT = AssociationTimeouts.defaults()
		.withConnect(Duration.ofSeconds(2))
		.withAcse(Duration.ofMillis(500))
		.withDimse(Duration.ofMillis(500))
		.withArtim(Duration.ofMillis(500));

	@Test
	void pduLengthOfAllOnesIsAProtocolErrorNotAnAllocation() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			ScriptedPeer.readPdu(in);
			out.write(new byte[] { 0x02, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00, 0x01 });
			out.flush();
		})) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, () -> request(peer));
			assertThat(ex.getMessage()).contains("4294967295");
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertAbortSent(peer, AbortSource.SERVICE_PROVIDER, ex.getAbortReason());
		}
	}

	@Test
	void pDataLengthOfAllOnesOnAnEstablishedAssociationIsAProtocolError() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			accept(in, out);
			ScriptedPeer.readPdu(in);
			out.write(new byte[] { 0x04, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00 });
			out.flush();
		}); Association association = request(peer)) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, association::echo);
			assertThat(ex.getMessage()).contains("4294967295").contains("16382");
			assertThat(association.isEstablished()).isFalse();
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertAbortSent(peer, AbortSource.SERVICE_PROVIDER, ex.getAbortReason());
		}
	}

	@Test
	void truncatedItemIsAProtocolError() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			byte[] rq = ScriptedPeer.readPdu(in);
			byte[] ac = acFor(rq);
			// the first item after the fixed 68-byte header is the application context
			// item:
			// declare a length that runs past the end of the PDU
			ac[6 + 68 + 2] = (byte) 0x7F;
			ac[6 + 68 + 3] = (byte) 0xFF;
			out.write(ac);
			out.flush();
		})) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, () -> request(peer));
			assertThat(ex.getAbortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE);
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void unknownPduTypeIsUnrecognizedPdu() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			ScriptedPeer.readPdu(in);
			out.write(new byte[] { 0x09, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 });
			out.flush();
		})) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, () -> request(peer));
			assertThat(ex.getAbortReason()).isEqualTo(AbortReason.UNRECOGNIZED_PDU);
			assertThat(ex.getMessage()).containsIgnoringCase("0x09");
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertAbortSent(peer, AbortSource.SERVICE_PROVIDER, AbortReason.UNRECOGNIZED_PDU);
		}
	}

	@Test
	void peerThatNeverAnswersTheAssociationRequestTimesOut() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> ScriptedPeer.readPdu(in))) {
			long start = System.nanoTime();
			DicomTimeoutException ex = catchThrowableOfType(DicomTimeoutException.class, () -> request(peer));
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			assertThat(ex.getKind()).isEqualTo(TimeoutKind.ACSE);
			assertThat(ex.getMessage()).contains("ACSE timeout").contains("500 ms");
			assertThat(elapsedMillis).isBetween(400L, 5000L);
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertAbortSent(peer, AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED);
		}
	}

	@Test
	void peerThatNeverAnswersAnEchoTimesOut() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			accept(in, out);
			ScriptedPeer.readPdu(in);
		}); Association association = request(peer)) {
			DicomTimeoutException ex = catchThrowableOfType(DicomTimeoutException.class, association::echo);
			assertThat(ex.getKind()).isEqualTo(TimeoutKind.DIMSE);
			assertThat(ex.getMessage()).contains("C-ECHO-RSP");
			assertThat(association.isEstablished()).isFalse();
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void peerThatClosesMidPduIsReported() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			byte[] ac = acFor(ScriptedPeer.readPdu(in));
			out.write(ac, 0, 20);
			out.flush();
			throw new IOException("closing mid-PDU");
		})) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, () -> request(peer));
			assertThat(ex.getMessage()).contains("closed after 14 of");
		}
	}

	@Test
	void peerThatClosesWithoutAnsweringIsReported() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			ScriptedPeer.readPdu(in);
			throw new IOException("closing");
		})) {
			assertThatExceptionOfType(AssociationClosedException.class).isThrownBy(() -> request(peer))
				.withMessageContaining("closed the connection");
		}
	}

	@Test
	void peerAbortDuringEchoIsReportedWithSourceAndReason() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			accept(in, out);
			ScriptedPeer.readPdu(in);
			PduEncoder.write(Abort.byServiceProvider(AbortReason.UNEXPECTED_PDU_PARAMETER), out);
			out.flush();
		}); Association association = request(peer)) {
			AssociationAbortedException ex = catchThrowableOfType(AssociationAbortedException.class, association::echo);
			assertThat(ex.getSource()).isEqualTo(AbortSource.SERVICE_PROVIDER);
			assertThat(ex.getReason()).isEqualTo(AbortReason.UNEXPECTED_PDU_PARAMETER);
			assertThat(ex.getMessage()).contains("unexpected-PDU parameter");
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void unexpectedAssociateAcOnEstablishedAssociationAborts() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			byte[] ac = accept(in, out);
			ScriptedPeer.readPdu(in);
			out.write(ac);
			out.flush();
		}); Association association = request(peer)) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, association::echo);
			assertThat(ex.getAbortReason()).isEqualTo(AbortReason.UNEXPECTED_PDU);
			assertThat(ex.getMessage()).contains("A-ASSOCIATE-AC").contains("Sta6");
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertAbortSent(peer, AbortSource.SERVICE_PROVIDER, AbortReason.UNEXPECTED_PDU);
		}
	}

	@Test
	void releaseCollisionIsResolvedAsRequestor() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			accept(in, out);
			byte[] releaseRq = ScriptedPeer.readPdu(in);
			assertThat(releaseRq[0]).isEqualTo((byte) 0x05);
			// the acceptor sends its own A-RELEASE-RQ: a release collision (Sta7 -> Sta9
			// -> Sta11)
			out.write(new byte[] { 0x05, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 });
			out.flush();
			byte[] releaseRp = ScriptedPeer.readPdu(in);
			assertThat(releaseRp[0]).isEqualTo((byte) 0x06);
			out.write(new byte[] { 0x06, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 });
			out.flush();
		})) {
			Association association = request(peer);
			association.release();
			assertThat(association.getState()).isEqualTo(AssociationState.STA1);
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void peerReleaseWhileAResponseIsOutstandingIsReported() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			accept(in, out);
			ScriptedPeer.readPdu(in);
			out.write(new byte[] { 0x05, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 });
			out.flush();
		}); Association association = request(peer)) {
			assertThatExceptionOfType(AssociationClosedException.class).isThrownBy(association::echo)
				.withMessageContaining("released the association");
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertThat(peer.receivedAfterScript()).startsWith(0x06, 0x00, 0x00, 0x00, 0x00, 0x04);
		}
	}

	@Test
	void releaseTimesOutWhenThePeerNeverAnswers() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			accept(in, out);
			ScriptedPeer.readPdu(in);
		})) {
			Association association = request(peer);
			DicomTimeoutException ex = catchThrowableOfType(DicomTimeoutException.class, association::release);
			assertThat(ex.getKind()).isEqualTo(TimeoutKind.ACSE);
			assertThat(ex.getMessage()).contains("A-RELEASE-RP");
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void peerThatStopsReadingDuringALargeSendTimesOut() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			accept(in, out);
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}); Association association = request(peer)) {
			long start = System.nanoTime();
			InputStream endless = new InputStream() {

				@Override
				public int read() {
					return 0;
				}

				@Override
				public int read(byte[] b, int off, int len) {
					java.util.Arrays.fill(b, off, off + len, (byte) 0);
					return len;
				}

			};
			DicomTimeoutException ex = catchThrowableOfType(DicomTimeoutException.class, () -> association.send(1,
					io.github.dicomscu.net.dimse.Command.echoRq(1), DataSetSource.of(endless, -1)));
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			assertThat(ex.getKind()).isEqualTo(TimeoutKind.DIMSE);
			assertThat(ex.getMessage()).contains("did not read");
			assertThat(elapsedMillis).isLessThan(5000);
			assertThat(association.isEstablished()).isFalse();
		}
	}

	@Test
	void noThreadIsLeftBehind() throws Exception {
		int before = Thread.activeCount();
		for (int i = 0; i < 5; i++) {
			try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> ScriptedPeer.readPdu(in))) {
				catchThrowableOfType(DicomTimeoutException.class, () -> request(peer));
			}
		}
		// the shared write timer thread ends after a second without work
		for (int i = 0; i < 300 && dicomThreadsAlive(); i++) {
			Thread.sleep(10);
		}
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch((thread) -> thread.getName().startsWith("dicom"));
		assertThat(Thread.activeCount()).isLessThanOrEqualTo(before);
	}

	private static boolean dicomThreadsAlive() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().startsWith("dicom"));
	}

	static Association request(ScriptedPeer peer) throws Exception {
		return Association.request(AssociationRequest.builder("127.0.0.1", peer.port())
			.calledAeTitle("SCRIPTED")
			.context(PresentationContext.of("Verification"))
			.timeouts(SHORT)
			.build());
	}

	private static byte[] accept(InputStream in, OutputStream out) throws IOException {
		byte[] ac = acFor(ScriptedPeer.readPdu(in));
		out.write(ac);
		out.flush();
		return ac;
	}

	private static byte[] acFor(byte[] rqBytes) throws IOException {
		AssociateRq rq = (AssociateRq) PduDecoder.decode(rqBytes, 0);
		List<PresentationContextAc> results = rq.presentationContexts()
			.stream()
			.map((context) -> new PresentationContextAc(context.id(), PresentationContextResult.ACCEPTANCE,
					context.transferSyntaxes().get(0)))
			.toList();
		return PduEncoder.encode(new AssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(),
				rq.applicationContextName(), results, new UserInformation(16382, "1.2.3.4", "SCRIPTED", null, List.of(),
						List.of(), List.of(), null, null, List.of())));
	}

	private static void assertAbortSent(ScriptedPeer peer, AbortSource source, AbortReason reason) {
		byte[] received = peer.receivedAfterScript();
		assertThat(received).hasSizeGreaterThanOrEqualTo(10);
		byte[] last = java.util.Arrays.copyOfRange(received, received.length - 10, received.length);
		assertThat(last).containsExactly(0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, source.code(), reason.code());
	}

}
