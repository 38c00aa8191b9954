package io.github.dicomscu.net.association;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.Drip;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Our requestor's timers are deadlines for a whole phase: an acceptor that drips its
 * answer one byte every {@link Drip#INTERVAL} (each byte well within the timer) is cut
 * off when the phase's deadline passes, with a {@link DicomTimeoutException} naming the
 * timer, the connection closed and no thread left. An overall timeout ends the
 * association's whole use, however well each phase keeps to its own timer. Each test
 * prints the measured cut-off.
 */
class DeadlineTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	/** How long a slow peer waits before each answer: within every timer of 1 s. */
	private static final Duration JUST_IN_TIME = Duration.ofMillis(700);

	/** How late after its deadline a wait may end, on a loaded machine. */
	private static final long MARGIN_MILLIS = 700;

	private static final AssociationTimeouts ONE_SECOND = AssociationTimeouts.defaults()
		.withConnect(Duration.ofSeconds(5))
		.withAcse(SECOND)
		.withDimse(SECOND);

	/**
	 * Initialize the engine (and the logging it starts) before any clock runs: the
	 * deadlines start inside the engine's methods, the test's clock outside them.
	 */
	@BeforeAll
	static void initializeTheEngine() throws ClassNotFoundException {
		Class.forName(Association.class.getName());
	}

	@Test
	void drippedAssociateAcIsCutOffAtTheAcseDeadline() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> DimseScript.accept(in, new Drip(out)))) {
			AssociationRequest request = request(peer).build();
			DicomTimeoutException ex = cutOff("ACSE, dripped A-ASSOCIATE-AC", () -> Association.request(request),
					TimeoutKind.ACSE, SECOND);
			assertThat(ex.getMessage()).contains("ACSE timeout (1 s) expired").contains("no A-ASSOCIATE-AC");
			assertNothingLeft(peer);
		}
	}

	@Test
	void drippedEchoResponseIsCutOffAtTheDimseDeadline() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.respond(new Drip(out), DimseScript.read(in), Status.SUCCESS, null);
		})) {
			Association association = Association.request(request(peer).build());
			DicomTimeoutException ex = cutOff("DIMSE, dripped C-ECHO-RSP", association::echo, TimeoutKind.DIMSE,
					SECOND);
			assertThat(ex.getMessage()).contains("DIMSE timeout (1 s) expired").contains("no C-ECHO-RSP");
			assertThat(association.isEstablished()).isFalse();
			assertNothingLeft(peer);
		}
	}

	@Test
	void drippedReleaseResponseIsCutOffAtTheAcseDeadline() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.release(in, new Drip(out));
		})) {
			Association association = Association.request(request(peer).build());
			DicomTimeoutException ex = cutOff("ACSE, dripped A-RELEASE-RP", association::release, TimeoutKind.ACSE,
					SECOND);
			assertThat(ex.getMessage()).contains("no A-RELEASE-RP");
			assertThat(association.getState()).isEqualTo(AssociationState.STA1);
			assertNothingLeft(peer);
		}
	}

	@Test
	void overallTimeoutEndsAPeerThatAnswersEachPhaseJustInTime() throws Exception {
		Duration overall = Duration.ofSeconds(2);
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.acceptAfter(in, out, JUST_IN_TIME);
			for (int i = 0; i < 2; i++) {
				DimseScript.Message echo = DimseScript.read(in);
				Drip.pause(JUST_IN_TIME);
				DimseScript.respond(out, echo, Status.SUCCESS, null);
			}
		})) {
			AssociationRequest request = request(peer).overallTimeout(overall).build();
			AtomicReference<Association> association = new AtomicReference<>();
			List<Integer> statuses = new ArrayList<>();
			DicomTimeoutException ex = cutOff("overall 2 s, each phase answered after 700 ms", () -> {
				association.set(Association.request(request));
				while (true) {
					statuses.add(association.get().echo());
				}
			}, TimeoutKind.OPERATION, overall);
			assertThat(statuses).containsExactly(Status.SUCCESS);
			assertThat(ex.getMessage()).startsWith("operation timeout (2 s) expired for the association as a whole")
				.contains("waiting for a DIMSE message")
				.contains("no " + CommandField.C_ECHO_RSP.text());
			assertThat(association.get().isEstablished()).isFalse();
			assertNothingLeft(peer);
		}
	}

	@Test
	void overallTimeoutEndsADrippedAssociateAcBeforeTheAcseDeadline() throws Exception {
		Duration overall = Duration.ofMillis(1500);
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> DimseScript.accept(in, new Drip(out)))) {
			AssociationRequest request = request(peer).timeouts(ONE_SECOND.withAcse(Duration.ofSeconds(30)))
				.overallTimeout(overall)
				.build();
			DicomTimeoutException ex = cutOff("overall 1500 ms, ACSE 30 s, dripped A-ASSOCIATE-AC",
					() -> Association.request(request), TimeoutKind.OPERATION, overall);
			assertThat(ex.getMessage()).contains("operation timeout (1500 ms)")
				.contains("waiting for an association or release response");
			assertNothingLeft(peer);
		}
	}

	@Test
	void overallTimeoutEndsAWriteThatThePeerDoesNotRead() throws Exception {
		Duration overall = Duration.ofMillis(1500);
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			Drip.pause(Duration.ofSeconds(3));
		})) {
			AssociationRequest request = request(peer).timeouts(ONE_SECOND.withDimse(Duration.ofSeconds(30)))
				.overallTimeout(overall)
				.build();
			AtomicReference<Association> association = new AtomicReference<>();
			DataSetSource endless = (out) -> {
				byte[] chunk = new byte[64 * 1024];
				while (true) {
					out.write(chunk);
				}
			};
			DicomTimeoutException ex = cutOff("overall 1500 ms, write timeout 30 s, peer not reading", () -> {
				association.set(Association.request(request));
				association.get().send(1, Command.echoRq(1), endless);
			}, TimeoutKind.OPERATION, overall);
			assertThat(ex.getMessage()).contains("operation timeout (1500 ms)").contains("did not read");
			assertThat(association.get().isEstablished()).isFalse();
			assertNothingLeft(peer);
		}
	}

	@Test
	void overallTimeoutIsCheckedLikeEveryTimer() {
		AssociationRequest.Builder builder = AssociationRequest.builder("127.0.0.1", 104);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.overallTimeout(Duration.ZERO))
			.withMessage("overall timeout must be positive, was PT0S");
		assertThat(builder.overallTimeout(null)
			.context(PresentationContext.of("Verification"))
			.build()
			.getOverallTimeout()).isNull();
	}

	private static AssociationRequest.Builder request(ScriptedPeer peer) {
		return AssociationRequest.builder("127.0.0.1", peer.port())
			.calledAeTitle("SCRIPTED")
			.context(PresentationContext.of("Verification"))
			.timeouts(ONE_SECOND);
	}

	/**
	 * Run a call that must time out, and assert the timer and when it ended: timed inside
	 * the call, so that the first use of the assertion library costs nothing.
	 */
	private static DicomTimeoutException cutOff(String what, ThrowingCallable call, TimeoutKind kind,
			Duration timeout) {
		long[] elapsed = new long[1];
		DicomTimeoutException ex = catchThrowableOfType(DicomTimeoutException.class, () -> {
			long start = System.nanoTime();
			try {
				call.call();
			}
			finally {
				elapsed[0] = (System.nanoTime() - start) / 1_000_000;
			}
		});
		assertThat(ex).as("timed out: " + what).isNotNull();
		System.out.printf("Cut-off (%s): %d ms; %s%n", what, elapsed[0], ex.getMessage());
		assertThat(ex.getKind()).isEqualTo(kind);
		assertThat(ex.getTimeout()).isEqualTo(timeout);
		assertThat(elapsed[0]).isBetween(timeout.toMillis() - 50, timeout.toMillis() + MARGIN_MILLIS);
		return ex;
	}

	private static void assertNothingLeft(ScriptedPeer peer) throws InterruptedException {
		assertThat(peer.awaitClientClose(5)).as("connection closed by our side").isTrue();
		// the shared write watchdog ends a second after the last connection closed
		for (int i = 0; i < 300 && dicomThreadAlive(); i++) {
			Thread.sleep(10);
		}
		assertThat(dicomThreadAlive()).as("a dicom thread left").isFalse();
	}

	private static boolean dicomThreadAlive() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().startsWith("dicom"));
	}

}
