package io.github.dicomscu.sample;

import java.io.IOException;
import java.time.Duration;

import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code sample.retrieve.timeout} bounds a C-MOVE against a scripted remote
 * ({@code endless}) that answers pending for ever.
 */
@SpringBootTest(properties = "sample.retrieve.timeout=1s")
@AutoConfigureMockMvc
@Import(FreeStorageScpPortConfiguration.class)
class RetrieveTimeoutTests {

	private static final ScriptedPeer endless = endlessPendingMove();

	@Autowired
	private MockMvcTester mvc;

	@DynamicPropertySource
	static void endlessRemote(DynamicPropertyRegistry registry) {
		registry.add("dicom.scu.remotes.endless.host", () -> "127.0.0.1");
		registry.add("dicom.scu.remotes.endless.port", endless::port);
		registry.add("dicom.scu.remotes.endless.ae-title", () -> "ENDLESS");
	}

	@AfterAll
	static void stopPeer() throws IOException {
		endless.close();
	}

	@Test
	@Timeout(30)
	void moveThatStaysPendingIsAbortedAndAnswersGatewayTimeoutWithinTheBound() {
		long start = System.nanoTime();
		assertThat(this.mvc.post().uri("/api/remotes/endless/move").contentType(MediaType.APPLICATION_JSON).content("""
				{"level":"STUDY","studyInstanceUid":"1.2.3"}
				""")).hasStatus(HttpStatus.GATEWAY_TIMEOUT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Retrieve timed out"))
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("RetrieveTimeoutException"))
			.hasPathSatisfying("$.remote", (remote) -> remote.assertThat().isEqualTo("endless"))
			.hasPathSatisfying("$.timeoutMs", (timeout) -> timeout.assertThat().isEqualTo(1000));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1),
				Duration.ofSeconds(10));
		assertThat(endless.awaitClientClose(5)).isTrue();
	}

	/**
	 * Start a remote that accepts the association and answers the C-MOVE with a pending
	 * response every 50 ms until the connection is gone.
	 */
	private static ScriptedPeer endlessPendingMove() {
		try {
			return ScriptedPeer.start((in, out) -> {
				DimseScript.accept(in, out);
				DimseScript.Message move = DimseScript.read(in);
				for (int remaining = 1_000_000;; remaining--) {
					DimseScript.respond(out, move,
							DimseScript.response(move, Status.PENDING)
								.putUS(CommandTag.NUMBER_OF_REMAINING_SUBOPERATIONS, remaining & 0xFFFF)
								.putUS(CommandTag.NUMBER_OF_COMPLETED_SUBOPERATIONS, 0)
								.putUS(CommandTag.NUMBER_OF_FAILED_SUBOPERATIONS, 0)
								.putUS(CommandTag.NUMBER_OF_WARNING_SUBOPERATIONS, 0),
							null);
					sleep();
				}
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
