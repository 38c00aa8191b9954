package io.github.dicomscu.net.association;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextRq;
import io.github.dicomscu.net.pdu.UserInformation;
import io.github.dicomscu.net.peer.EngineLog;
import io.github.dicomscu.net.peer.RawRequestor;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptor's log against hostile requestors: text from the wire is logged with its
 * control characters escaped, and a malformed request costs one WARN line (no ERROR, no
 * stack trace) and an A-ABORT on the wire.
 */
class SafeLoggingTests {

	@RegisterExtension
	final EngineLog log = new EngineLog();

	private DicomScp scp;

	@AfterEach
	void stop() {
		if (this.scp != null) {
			this.scp.stop();
		}
	}

	@Test
	void callingAeTitleWithControlCharactersIsLoggedEscapedOnOneWarnLine() throws Exception {
		this.scp = DicomScp.builder().build().start();
		try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
			assertThat(requestor.associate("EVIL\r\nFORGED\u001B[2J", 16382, Uid.VERIFICATION))
				.containsExactly(MessageLimitsTests.PROVIDER_ABORT_INVALID_PARAMETER);
			assertThat(requestor.isClosedByAcceptor()).isTrue();
		}
		awaitIdle();
		ILoggingEvent warning = this.log.onlyWarning();
		assertThat(warning.getFormattedMessage()).contains("EVIL\\r\\nFORGED\\u001B[2J");
		assertThat(warning.getThrowableProxy()).isNull();
		assertThat(this.log.events())
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain("\r", "\u001B")
				.doesNotContainPattern("EVIL\n"));
	}

	@Test
	void associateRequestWithAControlCharacterInAUidIsAbortedWithOneEscapedWarnLine() throws Exception {
		this.scp = DicomScp.builder().build().start();
		byte[] associateRq = associateRq(Uid.VERIFICATION);
		replace(associateRq, Uid.VERIFICATION, "1.2\r\n40.10008.1.1");
		assertThat(exchange(associateRq)).containsExactly(0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x06);
		awaitIdle();
		ILoggingEvent warning = this.log.onlyWarning();
		assertThat(warning.getFormattedMessage()).contains("1.2\\r\\n40.10008.1.1").doesNotContain("\r", "\n");
		assertThat(warning.getThrowableProxy()).isNull();
	}

	@Test
	void associateRequestWithAnItemOverrunningThePduIsAbortedWithOneWarnLine() throws Exception {
		this.scp = DicomScp.builder().build().start();
		byte[] associateRq = associateRq(Uid.VERIFICATION);
		int applicationContextItemLength = 76;
		associateRq[applicationContextItemLength] = (byte) 0xFF;
		associateRq[applicationContextItemLength + 1] = (byte) 0xFF;
		byte[] abort = exchange(associateRq);
		assertThat(abort).hasSize(10);
		assertThat(abort[0]).isEqualTo((byte) 0x07);
		assertThat(abort[8]).isEqualTo((byte) 0x02);
		awaitIdle();
		assertThat(this.log.onlyWarning().getThrowableProxy()).isNull();
	}

	@Test
	void unexpectedPduIsAbortedWithOneWarnLine() throws Exception {
		this.scp = DicomScp.builder().build().start();
		byte[] pDataTf = { 0x04, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x04, 0x01, 0x03, 0x00, 0x00 };
		assertThat(exchange(pDataTf)).containsExactly(0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x02);
		awaitIdle();
		assertThat(this.log.onlyWarning().getThrowableProxy()).isNull();
	}

	@Test
	void malformedCommandSetIsAbortedWithOneWarnLine() throws Exception {
		this.scp = DicomScp.builder().build().start();
		try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
			assertThat(requestor.associate(16382, Uid.VERIFICATION)[0]).isEqualTo((byte) 0x02);
			requestor.sendFragment(1, true, true, new byte[] { 0x00, 0x00, 0x00, 0x01, 0x7F, 0x7F, 0x7F });
			assertThat(requestor.readPdu()[0]).isEqualTo((byte) 0x07);
			assertThat(requestor.isClosedByAcceptor()).isTrue();
		}
		awaitIdle();
		assertThat(this.log.onlyWarning().getThrowableProxy()).isNull();
	}

	private static byte[] associateRq(String abstractSyntax) {
		return PduEncoder.encode(new AssociateRq(1, "ANY-SCP", "RAW", Uid.DICOM_APPLICATION_CONTEXT,
				List.of(new PresentationContextRq(1, abstractSyntax, List.of(Uid.IMPLICIT_VR_LITTLE_ENDIAN))),
				new UserInformation(16384, "1.2.3.4", "RAW", null, List.of(), List.of(), List.of(), null, null,
						List.of())));
	}

	private static void replace(byte[] pdu, String original, String replacement) {
		byte[] from = original.getBytes(StandardCharsets.US_ASCII);
		byte[] to = replacement.getBytes(StandardCharsets.US_ASCII);
		String text = new String(pdu, StandardCharsets.ISO_8859_1);
		int at = text.lastIndexOf(original);
		assertThat(at).isPositive();
		assertThat(to).hasSameSizeAs(from);
		System.arraycopy(to, 0, pdu, at, to.length);
	}

	private byte[] exchange(byte[] pdu) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.scp.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(pdu);
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = ScriptedPeer.readPdu(in);
			assertThat(in.read()).isEqualTo(-1);
			return answer;
		}
	}

	private void awaitIdle() throws InterruptedException {
		for (int i = 0; i < 300 && this.scp.getActiveConnectionCount() > 0; i++) {
			Thread.sleep(10);
		}
		assertThat(this.scp.getActiveConnectionCount()).isZero();
	}

}
