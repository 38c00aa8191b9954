package io.github.dicomscu.scu;

import java.time.Duration;
import java.util.List;

import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.Drip;
import io.github.dicomscu.net.peer.ScriptedPeer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link AeTemplate#echo(String, List, Duration)} bounds the whole check, connect,
 * association, C-ECHO and release together, by its timeout (as a health check needs),
 * against a remote that drips its answer or answers each step just within its own timer.
 * Each test prints the measured cut-off.
 */
class AeTemplateDeadlineTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	/** How long the remote waits before each answer: within every step's timer. */
	private static final Duration JUST_IN_TIME = Duration.ofMillis(700);

	private static final List<PresentationContext> VERIFICATION = List.of(PresentationContext.of("Verification"));

	/**
	 * Initialize the template and the engine (and the logging they start) before any
	 * clock runs: the timeout starts inside them, the test's clock outside.
	 */
	@BeforeAll
	static void initializeTheTemplate() throws ClassNotFoundException {
		Class.forName(AeTemplate.class.getName());
		Class.forName(Association.class.getName());
	}

	@Test
	void echoAgainstADrippingRemoteEndsAtItsTimeout() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> DimseScript.accept(in, new Drip(out)))) {
			assertEndsAtTheTimeout("dripped A-ASSOCIATE-AC", peer);
		}
	}

	@Test
	void echoAgainstARemoteThatAnswersEachStepJustInTimeEndsAtItsTimeout() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.acceptAfter(in, out, JUST_IN_TIME);
			DimseScript.Message echo = DimseScript.read(in);
			Drip.pause(JUST_IN_TIME);
			DimseScript.respond(out, echo, Status.SUCCESS, null);
		})) {
			assertEndsAtTheTimeout("each step answered after 700 ms", peer);
		}
	}

	private static void assertEndsAtTheTimeout(String what, ScriptedPeer peer) {
		AeTemplate.Builder builder = AeTemplate.builder()
			.remote(new RemoteAe("scripted", "SCRIPTED", "127.0.0.1", peer.port()));
		builder.requestedContexts().add("Verification");
		AeTemplate template = builder.build();
		long[] elapsed = new long[1];
		DicomTimeoutException ex = catchThrowableOfType(DicomTimeoutException.class, () -> {
			long start = System.nanoTime();
			try {
				template.echo("scripted", VERIFICATION, TIMEOUT);
			}
			finally {
				elapsed[0] = (System.nanoTime() - start) / 1_000_000;
			}
		});
		assertThat(ex).as("timed out: " + what).isNotNull();
		System.out.printf("Cut-off of AeTemplate.echo(remote, contexts, 1 s) (%s): %d ms; %s%n", what, elapsed[0],
				ex.getMessage());
		assertThat(ex.getKind()).isEqualTo(TimeoutKind.OPERATION);
		assertThat(ex.getTimeout()).isEqualTo(TIMEOUT);
		assertThat(ex.isTransient()).isTrue();
		assertThat(ex.getMessage()).startsWith("remote 'scripted' (SCRIPTED@127.0.0.1:" + peer.port() + "): ")
			.contains("operation timeout (1 s) expired");
		assertThat(elapsed[0]).isBetween(950L, 1700L);
		assertThat(peer.awaitClientClose(5)).isTrue();
	}

}
