package io.github.dicomscu.net.scp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.peer.RawRequestor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The capacity of {@link DicomScp}: idle sockets are cut at ARTIM without blocking a
 * legitimate requestor or growing threads, and the per-calling-AE-title limit rejects
 * transiently with local-limit-exceeded.
 */
class DicomScpCapacityTests {

	private static final Duration ARTIM = Duration.ofSeconds(1);

	private static final Duration MARGIN = Duration.ofSeconds(3);

	private final List<Socket> idle = new ArrayList<>();

	private DicomScp scp;

	@AfterEach
	void stop() throws IOException {
		for (Socket socket : this.idle) {
			socket.close();
		}
		if (this.scp != null) {
			this.scp.stop();
		}
	}

	@Test
	void fiveHundredIdleSocketsNeitherBlockAnEchoPastArtimNorGrowThreads() throws Exception {
		this.scp = DicomScp.builder()
			.maxPendingConnections(10)
			.maxAssociations(5)
			.timeouts(AssociationTimeouts.defaults().withArtim(ARTIM))
			.build()
			.start();
		int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		for (int i = 0; i < 500; i++) {
			Socket socket = new Socket();
			this.idle.add(socket);
			socket.connect(new InetSocketAddress("127.0.0.1", this.scp.getPort()), 5000);
		}
		long start = System.nanoTime();
		int scpThreadsPeak = scpThreads();
		int threadsPeak = ManagementFactory.getThreadMXBean().getThreadCount();
		Integer status = null;
		long deadline = start + ARTIM.plus(MARGIN).toNanos();
		while (status == null && System.nanoTime() < deadline) {
			scpThreadsPeak = Math.max(scpThreadsPeak, scpThreads());
			threadsPeak = Math.max(threadsPeak, ManagementFactory.getThreadMXBean().getThreadCount());
			status = echo("TESTSCU");
			if (status == null) {
				Thread.sleep(50);
			}
		}
		long echoMillis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf(
				"500 idle sockets: echo after %d ms (ARTIM %d ms); threads %d before, peak %d "
						+ "(SCP pool threads peak %d)%n",
				echoMillis, ARTIM.toMillis(), threadsBefore, threadsPeak, scpThreadsPeak);
		assertThat(status).as("echo status within ARTIM + margin").isZero();
		// the pool's bound: pending connections + associations (a thread that has just
		// finished with a connection may not be back in the pool when the next arrives,
		// so the number of threads in use can briefly pass 10 + 1)
		assertThat(scpThreadsPeak).as("SCP pool threads").isLessThanOrEqualTo(10 + 5);
		assertThat(threadsPeak - threadsBefore).as("threads grown").isLessThanOrEqualTo(10 + 5 + 5);
		for (Socket socket : this.idle) {
			long remaining = Math.max(1, (deadline + MARGIN.toNanos() - System.nanoTime()) / 1_000_000);
			socket.setSoTimeout((int) remaining);
			assertThat(readOrTimeout(socket)).as("idle socket closed by the SCP").isEqualTo(-1);
		}
		awaitNoConnection();
	}

	@Test
	void associationsOverThePerCallingAeTitleLimitAreRejectedTransientlyWithLocalLimitExceeded() throws Exception {
		this.scp = DicomScp.builder().maxAssociationsPerCallingAeTitle(1).build().start();
		try (RawRequestor first = new RawRequestor(this.scp.getPort());
				RawRequestor second = new RawRequestor(this.scp.getPort())) {
			assertThat(first.associate(16384, Uid.VERIFICATION)[0]).as("A-ASSOCIATE-AC").isEqualTo((byte) 0x02);
			assertThat(second.associate(16384, Uid.VERIFICATION)).as("A-ASSOCIATE-RJ")
				.containsExactly(0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x02, 0x03, 0x02);
			assertThat(echo("OTHER")).as("echo from another calling AE title").isZero();
		}
		awaitNoConnection();
		try (RawRequestor again = new RawRequestor(this.scp.getPort())) {
			assertThat(again.associate(16384, Uid.VERIFICATION)[0]).as("A-ASSOCIATE-AC once the slot is free")
				.isEqualTo((byte) 0x02);
		}
	}

	@Test
	void limitsAreCheckedByTheirOwner() {
		assertThatIllegalArgumentException().isThrownBy(() -> DicomScp.builder().maxPendingConnections(0))
			.withMessage("Maximum pending connections 0 must be between 1 and 10000");
		assertThatIllegalArgumentException().isThrownBy(() -> DicomScp.builder().maxAssociationsPerCallingAeTitle(-1))
			.withMessage("Maximum associations per calling AE title -1 must be between 1 and 10000");
		assertThatIllegalArgumentException().isThrownBy(() -> DicomScp.builder().maxAssociations(10_001))
			.withMessage("Maximum associations 10001 must be between 1 and 10000");
	}

	private Integer echo(String callingAeTitle) {
		AssociationRequest request = AssociationRequest.builder("127.0.0.1", this.scp.getPort())
			.callingAeTitle(callingAeTitle)
			.calledAeTitle("ANY-SCP")
			.context(PresentationContext.of("Verification"))
			.build();
		try (Association association = Association.request(request)) {
			return association.echo();
		}
		catch (DicomNetworkException ex) {
			return null;
		}
	}

	private static int readOrTimeout(Socket socket) throws IOException {
		try {
			return socket.getInputStream().read();
		}
		catch (SocketTimeoutException ex) {
			return -2;
		}
		catch (IOException ex) {
			// a reset is a close too
			return -1;
		}
	}

	// this SCP's threads only: another test's SCP may still be ending its own
	private int scpThreads() {
		return (int) Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(this.scp.name() + "-association-"))
			.count();
	}

	private void awaitNoConnection() throws InterruptedException {
		for (int i = 0; i < 300 && this.scp.getActiveConnectionCount() > 0; i++) {
			Thread.sleep(10);
		}
		assertThat(this.scp.getActiveConnectionCount()).isZero();
	}

}
