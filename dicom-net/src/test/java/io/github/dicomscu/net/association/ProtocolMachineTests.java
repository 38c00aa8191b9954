package io.github.dicomscu.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextRq;
import io.github.dicomscu.net.pdu.UserInformation;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The protocol machine on the wire against a {@link ScriptedPeer}, as requestor and as
 * acceptor: release collisions, ARTIM expiry, aborts and unexpected PDUs, each ending as
 * PS3.8 Table 9-10 prescribes.
 */
class ProtocolMachineTests {

	private static final byte[] RELEASE_RQ = { 0x05, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 };

	private static final byte[] RELEASE_RP = { 0x06, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 };

	private static final byte[] USER_ABORT = { 0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 };

	private static final Duration ARTIM = Duration.ofMillis(500);

	private static final AssociationTimeouts SHORT = AssociationTimeouts.defaults()
		.withConnect(Duration.ofSeconds(2))
		.withAcse(Duration.ofSeconds(2))
		.withDimse(Duration.ofSeconds(2))
		.withArtim(ARTIM);

	private final List<byte[]> peerReceived = new CopyOnWriteArrayList<>();

	@Test
	void releaseCollisionOnTheAcceptorAnswersAfterItsOwnReleaseIsAnswered() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			requestAssociation(in, out, "ACCEPTOR");
			this.peerReceived.add(ScriptedPeer.readPdu(in));
			// the requestor's own A-RELEASE-RQ: Sta7 -> Sta10 on the acceptor
			write(out, RELEASE_RQ);
			// the acceptor in Sta10 awaits the A-RELEASE-RP before it answers (Sta12,
			// AR-4)
			pause();
			this.peerReceived.add(new byte[] { (byte) in.available() });
			write(out, RELEASE_RP);
			this.peerReceived.add(ScriptedPeer.readPdu(in));
			out.close();
		})) {
			// an ARTIM long enough that its expiry cannot be mistaken for the close,
			// however
			// slow the machine
			Association association = accept(peer, "ACCEPTOR", SHORT.withArtim(Duration.ofSeconds(10)));
			long start = System.nanoTime();
			association.release();
			assertThat(association.getState()).isEqualTo(AssociationState.STA1);
			assertThat(this.peerReceived).satisfiesExactly((releaseRq) -> assertThat(releaseRq).isEqualTo(RELEASE_RQ),
					(pending) -> assertThat(pending).containsExactly(0),
					(releaseRp) -> assertThat(releaseRp).isEqualTo(RELEASE_RP));
			// Sta13 ended by the requestor's close (AR-5), not by the ARTIM timer
			assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
		}
	}

	@Test
	void releaseCollisionOnTheRequestorAnswersAtOnce() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			this.peerReceived.add(ScriptedPeer.readPdu(in));
			write(out, RELEASE_RQ);
			// Sta9 -> Sta11: the requestor answers before it has its own A-RELEASE-RP
			this.peerReceived.add(ScriptedPeer.readPdu(in));
			write(out, RELEASE_RP);
		})) {
			Association association = HostilePeerTests.request(peer);
			association.release();
			assertThat(association.getState()).isEqualTo(AssociationState.STA1);
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertThat(this.peerReceived).containsExactly(RELEASE_RQ, RELEASE_RP);
		}
	}

	@Test
	void artimExpiresOnAnAcceptorAwaitingTheAssociateRequest() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
		})) {
			long start = System.nanoTime();
			DicomTimeoutException ex = catchThrowableOfType(DicomTimeoutException.class, () -> accept(peer, null));
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			assertThat(ex.getKind()).isEqualTo(TimeoutKind.ARTIM);
			assertThat(elapsedMillis).isBetween(ARTIM.toMillis() - 100, 4000L);
			// Sta2 + Evt18 is AA-2: the connection is closed without an A-ABORT
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertThat(peer.receivedAfterScript()).isEmpty();
		}
	}

	@Test
	void artimExpiresOnAnAcceptorAwaitingTheCloseAfterARejection() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer
			.start((in, out) -> this.peerReceived.add(requestAssociation(in, out, "SOMEONE-ELSE")))) {
			long start = System.nanoTime();
			Association association = accept(peer, "ACCEPTOR");
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			assertThat(association).isNull();
			assertThat(this.peerReceived).singleElement()
				.satisfies((rj) -> assertThat(rj).containsExactly(0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01,
						0x07));
			// Sta13 + Evt18 is AA-2: closed when ARTIM expires, the peer never having
			// closed
			assertThat(elapsedMillis).isBetween(ARTIM.toMillis() - 100, 4000L);
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void peerAbortOnAnEstablishedAssociation() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			ScriptedPeer.readPdu(in);
			write(out, USER_ABORT);
		})) {
			Association association = HostilePeerTests.request(peer);
			AssociationAbortedException ex = catchThrowableOfType(AssociationAbortedException.class, association::echo);
			assertThat(ex.getSource()).isEqualTo(AbortSource.SERVICE_USER);
			assertBroken(association, peer);
			assertThat(peer.receivedAfterScript()).isEmpty();
		}
	}

	@Test
	void peerAbortWhileAwaitingTheReleaseResponse() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			ScriptedPeer.readPdu(in);
			write(out, new byte[] { 0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x05 });
		})) {
			Association association = HostilePeerTests.request(peer);
			AssociationAbortedException ex = catchThrowableOfType(AssociationAbortedException.class,
					association::release);
			assertThat(ex.getSource()).isEqualTo(AbortSource.SERVICE_PROVIDER);
			assertThat(ex.getReason()).isEqualTo(AbortReason.UNEXPECTED_PDU_PARAMETER);
			assertBroken(association, peer);
		}
	}

	@Test
	void unexpectedPduOnAnEstablishedAssociationIsAnsweredWithAProviderAbort() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			ScriptedPeer.readPdu(in);
			write(out, RELEASE_RP);
		})) {
			Association association = HostilePeerTests.request(peer);
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, association::echo);
			assertThat(ex.getMessage()).contains("Unexpected A-RELEASE-RP").contains("Sta6");
			assertBroken(association, peer);
			assertThat(peer.receivedAfterScript()).containsExactly(0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02,
					0x02);
		}
	}

	@Test
	void connectionClosedByThePeerOnAnEstablishedAssociation() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			ScriptedPeer.readPdu(in);
			out.close();
		})) {
			Association association = HostilePeerTests.request(peer);
			catchThrowableOfType(AssociationClosedException.class, association::echo);
			assertBroken(association, peer);
		}
	}

	@Test
	void dataSetSourceFailingMidMessageAbortsTheAssociation() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start(DimseScript::accept)) {
			Association association = HostilePeerTests.request(peer);
			InputStream failing = new InputStream() {

				@Override
				public int read() {
					throw new IllegalStateException("source failed");
				}

			};
			assertThatIllegalStateException()
				.isThrownBy(() -> association.send(1, Command.echoRq(1), DataSetSource.of(failing, -1)));
			assertBroken(association, peer);
			byte[] received = peer.receivedAfterScript();
			assertThat(Arrays.copyOfRange(received, received.length - USER_ABORT.length, received.length))
				.isEqualTo(USER_ABORT);
		}
	}

	@Test
	void failureThatLeavesTheAssociationUsableKeepsItEstablished() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.release(in, out);
		})) {
			Association association = HostilePeerTests.request(peer);
			catchThrowableOfType(NoAcceptedContextException.class,
					() -> association.requireAcceptedContext("1.2.840.10008.5.1.4.1.1.2"));
			assertThat(association.isEstablished()).isTrue();
			association.release();
			assertThat(association.getState()).isEqualTo(AssociationState.STA1);
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	private static void assertBroken(Association association, ScriptedPeer peer) {
		assertThat(association.isEstablished()).isFalse();
		assertThat(association.getState()).isEqualTo(AssociationState.STA1);
		assertThat(peer.awaitClientClose(5)).isTrue();
	}

	private static byte[] requestAssociation(InputStream in, OutputStream out, String calledAeTitle)
			throws IOException {
		write(out,
				PduEncoder.encode(new AssociateRq(1, calledAeTitle, "SCRIPTED", Uid.DICOM_APPLICATION_CONTEXT,
						List.of(new PresentationContextRq(1, Uid.VERIFICATION, List.of(Uid.IMPLICIT_VR_LITTLE_ENDIAN))),
						new UserInformation(16384, "1.2.3.4", "SCRIPTED", null, List.of(), List.of(), List.of(), null,
								null, List.of()))));
		return ScriptedPeer.readPdu(in);
	}

	private static Association accept(ScriptedPeer peer, String aeTitle) throws Exception {
		return accept(peer, aeTitle, SHORT);
	}

	private static Association accept(ScriptedPeer peer, String aeTitle, AssociationTimeouts timeouts)
			throws Exception {
		SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", peer.port()));
		AcceptorSettings settings = new AcceptorSettings(aeTitle,
				Map.of(Uid.VERIFICATION, List.of(Uid.IMPLICIT_VR_LITTLE_ENDIAN)), 16384, MaxDataSetInMemory.DEFAULT,
				timeouts);
		return Association.accept(channel.socket(), settings, (callingAeTitle) -> true);
	}

	private static void write(OutputStream out, byte[] pdu) throws IOException {
		out.write(pdu);
		out.flush();
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
