package io.github.dicomscu.net.association;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our acceptor against raw, misbehaving requestors: ARTIM, malformed PDUs, unexpected
 * PDUs.
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

	private void awaitIdle() throws InterruptedException {
		for (int i = 0; i < 300 && this.scp.getActiveConnectionCount() > 0; i++) {
			Thread.sleep(10);
		}
		assertThat(this.scp.getActiveConnectionCount()).isZero();
	}

}
