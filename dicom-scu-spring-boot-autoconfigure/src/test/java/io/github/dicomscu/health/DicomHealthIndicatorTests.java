package io.github.dicomscu.health;

import java.io.IOException;
import java.time.Duration;

import io.github.dicomscu.net.association.ImplementationInfo;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.RemoteAe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DicomHealthIndicator}.
 */
class DicomHealthIndicatorTests {

	private static final int PROCESSING_FAILURE = io.github.dicomscu.net.dimse.Status.PROCESSING_FAILURE;

	@Test
	void upWhenTheRemoteAnswersTheEcho() throws IOException {
		DicomScp scp = DicomScp.builder().aeTitle("SCP").build().start();
		try {
			Health health = indicator(remote("local", "SCP", scp.getPort()), Duration.ofSeconds(5)).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("aeTitle", "SCP")
				.containsEntry("host", "127.0.0.1")
				.containsEntry("port", scp.getPort())
				.containsEntry("status", "0x0000")
				.containsEntry("statusText", "Success")
				.containsEntry("implementationClassUid", ImplementationInfo.CLASS_UID)
				.containsEntry("implementationVersionName", ImplementationInfo.VERSION_NAME)
				.containsKey("roundTripMs")
				.doesNotContainKey("error");
		}
		finally {
			scp.stop();
		}
	}

	@Test
	void echoProposesVerificationOnlyWhateverTheRemotesContexts() throws IOException {
		DicomScp scp = DicomScp.builder().aeTitle("SCP").build().start();
		try {
			RemoteAe remote = remote("local", "SCP", scp.getPort());
			AeTemplate.Builder builder = AeTemplate.builder().remote(remote);
			builder.requestedContexts().add("CTImageStorage");
			Health health = new DicomHealthIndicator(builder.build(), remote, Duration.ofSeconds(5)).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
		}
		finally {
			scp.stop();
		}
	}

	@Test
	void downWithTheStatusWhenTheEchoIsNotSuccessful() throws IOException {
		DicomScp scp = DicomScp.builder()
			.aeTitle("SCP")
			.handler(CommandField.C_ECHO_RQ,
					(association, request) -> association.send(request.contextId(),
							Command.echoRsp(request.command().messageId(), PROCESSING_FAILURE)))
			.build()
			.start();
		try {
			Health health = indicator(remote("local", "SCP", scp.getPort()), Duration.ofSeconds(5)).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("status", "0x0110")
				.containsEntry("statusText", "Processing failure");
		}
		finally {
			scp.stop();
		}
	}

	@Test
	void downWithTheErrorWhenNothingListens() {
		int port = DcmtkPeer.freePort();
		Health health = indicator(remote("closed", "NOBODY", port), Duration.ofSeconds(5)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("aeTitle", "NOBODY")
			.containsEntry("host", "127.0.0.1")
			.containsEntry("port", port)
			.doesNotContainKey("status");
		assertThat((String) health.getDetails().get("error"))
			.startsWith("remote 'closed' (NOBODY@127.0.0.1:" + port + "): Cannot connect to NOBODY@127.0.0.1:" + port);
	}

	@Test
	void downWhenVerificationIsNotAccepted() throws IOException {
		DicomScp scp = DicomScp.builder()
			.aeTitle("SCP")
			.refuse("Verification")
			.accept("CTImageStorage")
			.build()
			.start();
		try {
			Health health = indicator(remote("local", "SCP", scp.getPort()), Duration.ofSeconds(5)).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("error"))
				.contains("No accepted presentation context for Verification SOP Class");
		}
		finally {
			scp.stop();
		}
	}

	@Test
	void healthTimeoutBoundsTheAssociation() throws IOException {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> ScriptedPeer.readPdu(in))) {
			long start = System.nanoTime();
			Health health = indicator(remote("silent", "SILENT", peer.port()), Duration.ofMillis(300)).health();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("error")).contains("operation timeout (300 ms) expired");
		}
	}

	private static DicomHealthIndicator indicator(RemoteAe remote, Duration timeout) {
		AeTemplate.Builder builder = AeTemplate.builder().remote(remote);
		builder.requestedContexts().add("Verification");
		return new DicomHealthIndicator(builder.build(), remote, timeout);
	}

	private static RemoteAe remote(String name, String aeTitle, int port) {
		return new RemoteAe(name, aeTitle, "127.0.0.1", port);
	}

}
