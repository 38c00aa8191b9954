package io.github.dicomscu.net.association;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.peer.RawRequestor;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our acceptor against raw, misbehaving requestors: ARTIM, malformed PDUs, unexpected
 * PDUs, a maximum PDU length too small for data, a data set on a C-ECHO-RQ and a data set
 * past the in-memory limit.
 */
class AcceptorTests {

	private DicomScp scp;

	@AfterEach
	void stop() {
		if (this.scp != null) {
			this.scp.stop();
		}
	}

	@Test
	void connectionWithoutAssociateRequestIsClosedWhenArtimExpires() throws Exception {
		this.scp = DicomScp.builder()
			.timeouts(AssociationTimeouts.defaults().withArtim(Duration.ofMillis(300)))
			.build()
			.start();
		try (Socket socket = new Socket("127.0.0.1", this.scp.getPort())) {
			socket.setSoTimeout(5000);
			long start = System.nanoTime();
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
			assertThat((System.nanoTime() - start) / 1_000_000).isBetween(200L, 4000L);
		}
		awaitIdle();
	}

	@Test
	void unknownPduTypeIsAnsweredWithProviderAbort() throws Exception {
		this.scp = DicomScp.builder().build().start();
		try (Socket socket = new Socket("127.0.0.1", this.scp.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(new byte[] { 0x0A, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00 });
			out.flush();
			InputStream in = socket.getInputStream();
			assertThat(ScriptedPeer.readPdu(in)).containsExactly(0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02,
					0x01);
			assertThat(in.read()).isEqualTo(-1);
		}
		awaitIdle();
	}

	@Test
	void hugeAssociateRequestLengthIsRefusedWithoutReadingIt() throws Exception {
		this.scp = DicomScp.builder().build().start();
		try (Socket socket = new Socket("127.0.0.1", this.scp.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(new byte[] { 0x01, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00, 0x01 });
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] abort = ScriptedPeer.readPdu(in);
			assertThat(abort[0]).isEqualTo((byte) 0x07);
			assertThat(abort[8]).isEqualTo((byte) 0x02);
			assertThat(in.read()).isEqualTo(-1);
		}
		awaitIdle();
	}

	@Test
	void pDataBeforeAssociationIsAnUnexpectedPdu() throws Exception {
		this.scp = DicomScp.builder().build().start();
		try (Socket socket = new Socket("127.0.0.1", this.scp.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(
					new byte[] { 0x04, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x04, 0x01, 0x03, 0x00, 0x00 });
			out.flush();
			assertThat(ScriptedPeer.readPdu(socket.getInputStream())).containsExactly(0x07, 0x00, 0x00, 0x00, 0x00,
					0x04, 0x00, 0x00, 0x02, 0x02);
		}
		awaitIdle();
	}

	@Test
	void ipv6LoopbackWithBindAddress() throws Exception {
		InetAddress ipv6Loopback = InetAddress.getByName("::1");
		boolean available;
		try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, ipv6Loopback)) {
			available = true;
		}
		catch (java.io.IOException ex) {
			available = false;
		}
		assumeTrue(available, "IPv6 loopback not available on this machine");
		this.scp = DicomScp.builder().bindAddress(ipv6Loopback).build().start();
		try (Association association = Association.request(AssociationRequest.builder("::1", this.scp.getPort())
			.context(PresentationContext.of("Verification"))
			.bindAddress(BindAddress.ipv6("::1", 0, 0, 0))
			.build())) {
			assertThat(association.echo()).isZero();
		}
	}

	@Test
	void requestorMaximumPduLengthsTooSmallForDataAreAbortedBySCP() throws Exception {
		this.scp = DicomScp.builder().build().start();
		for (long length : new long[] { 1, 5, 6 }) {
			try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
				assertThat(requestor.associate(length, Uid.VERIFICATION))
					.containsExactly(MessageLimitsTests.PROVIDER_ABORT_INVALID_PARAMETER);
				assertThat(requestor.isClosedByAcceptor()).isTrue();
			}
		}
		awaitIdle();
	}

	@Test
	void echoRequestAnnouncingADataSetIsAbortedBySCP() throws Exception {
		this.scp = DicomScp.builder().build().start();
		try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
			assertThat(requestor.associate(16382, Uid.VERIFICATION)[0]).isEqualTo((byte) 0x02);
			requestor.sendCommandAnnouncingDataSet(1, Command.echoRq(1));
			assertThat(requestor.readPdu()).containsExactly(MessageLimitsTests.PROVIDER_ABORT_INVALID_PARAMETER);
			assertThat(requestor.isClosedByAcceptor()).isTrue();
		}
		awaitIdle();
	}

	@Test
	void dataSetPastTheLimitIsAbortedBySCPWithOneWarning() throws Exception {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		ch.qos.logback.classic.Logger scpLogger = (ch.qos.logback.classic.Logger) LoggerFactory
			.getLogger(DicomScp.class);
		log.start();
		scpLogger.addAppender(log);
		try {
			this.scp = DicomScp.builder()
				.accept(MemoryBoundedScpTests.CT_IMAGE_STORAGE)
				.maxDataSetInMemory(4000)
				.build()
				.start();
			try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
				assertThat(requestor.associate(16382, MemoryBoundedScpTests.CT_IMAGE_STORAGE)[0])
					.isEqualTo((byte) 0x02);
				requestor.sendCommandAnnouncingDataSet(1,
						Command.storeRq(1, MemoryBoundedScpTests.CT_IMAGE_STORAGE, "1.2.3.4", Priority.MEDIUM));
				requestor.sendFragment(1, false, false, new byte[3000]);
				requestor.sendFragment(1, false, false, new byte[3000]);
				assertThat(requestor.readPdu()).containsExactly(MessageLimitsTests.USER_ABORT);
				assertThat(requestor.isClosedByAcceptor()).isTrue();
			}
			awaitIdle();
		}
		finally {
			scpLogger.detachAppender(log);
		}
		List<ILoggingEvent> warnings = log.list.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).getFormattedMessage()).matches("Aborted the association from /127\\.0\\.0\\.1:\\d+: "
				+ "Data set of C-STORE-RQ from RAW@127\\.0\\.0\\.1:\\d+ is larger than the 4000 bytes an association holds in memory");
	}

	private void awaitIdle() throws InterruptedException {
		for (int i = 0; i < 300 && this.scp.getActiveConnectionCount() > 0; i++) {
			Thread.sleep(10);
		}
		assertThat(this.scp.getActiveConnectionCount()).isZero();
	}

}
