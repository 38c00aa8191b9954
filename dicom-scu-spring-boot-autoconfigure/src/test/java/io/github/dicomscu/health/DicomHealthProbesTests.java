package io.github.dicomscu.health;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.RemoteAe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DicomHealthProbes} against the engine's SCP and peers that accept the
 * connection and never answer.
 */
class DicomHealthProbesTests {

	@Test
	void anEchoThatDoesNotEndByItsDeadlineCannotHoldTheHealthRequest() {
		AeOperations stuck = (AeOperations) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { AeOperations.class }, (proxy, method, args) -> {
					Thread.sleep(60_000);
					throw new UnsupportedOperationException(method.getName());
				});
		RemoteAe remote = remote("stuck", "STUCK", 104);
		try (DicomHealthProbes probes = new DicomHealthProbes(stuck, List.of(remote), Duration.ofMillis(300))) {
			long start = System.nanoTime();
			Health health = new DicomHealthIndicator(probes, remote).health();
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error").toString()).contains("did not end within PT1.6S");
			assertThat(elapsed).isBetween(Duration.ofMillis(1600), Duration.ofMillis(4000));
		}
	}

	@Test
	void theFirstIndicatorAskedEchoesEveryRemoteAndTheOthersTakeTheirOutcome() throws IOException {
		DicomScp scp = DicomScp.builder().aeTitle("SCP").build().start();
		try (ScriptedPeer silent1 = silentPeer(); ScriptedPeer silent2 = silentPeer()) {
			RemoteAe local = remote("local", "SCP", scp.getPort());
			RemoteAe first = remote("silent1", "SILENT", silent1.port());
			RemoteAe second = remote("silent2", "SILENT", silent2.port());
			try (DicomHealthProbes probes = new DicomHealthProbes(template(local, first, second),
					List.of(local, first, second), Duration.ofMillis(500))) {
				long start = System.nanoTime();
				Health firstHealth = new DicomHealthIndicator(probes, first).health();
				Duration firstElapsed = Duration.ofNanos(System.nanoTime() - start);
				start = System.nanoTime();
				Health secondHealth = new DicomHealthIndicator(probes, second).health();
				Health localHealth = new DicomHealthIndicator(probes, local).health();
				Duration othersElapsed = Duration.ofNanos(System.nanoTime() - start);
				assertThat(firstHealth.getStatus()).isEqualTo(Status.DOWN);
				assertThat((String) firstHealth.getDetails().get("error"))
					.contains("operation timeout (500 ms) expired");
				assertThat(secondHealth.getStatus()).isEqualTo(Status.DOWN);
				assertThat(secondHealth.getDetails()).containsEntry("aeTitle", "SILENT")
					.containsEntry("port", silent2.port());
				assertThat(localHealth.getStatus()).isEqualTo(Status.UP);
				assertThat(localHealth.getDetails()).containsEntry("status", "0x0000");
				assertThat(firstElapsed).isBetween(Duration.ofMillis(500), Duration.ofMillis(2000));
				assertThat(othersElapsed).as("outcomes of the same round").isLessThan(Duration.ofMillis(300));
			}
		}
		finally {
			scp.stop();
		}
	}

	@Test
	void closingInterruptsTheEchoesUnderWayAndEndsTheThreads() throws Exception {
		CompletableFuture<byte[]> associateRq = new CompletableFuture<>();
		try (ScriptedPeer silent = ScriptedPeer.start((in, out) -> associateRq.complete(ScriptedPeer.readPdu(in)))) {
			RemoteAe remote = remote("silent", "SILENT", silent.port());
			DicomHealthProbes probes = new DicomHealthProbes(template(remote), List.of(remote), Duration.ofSeconds(20));
			CompletableFuture<Health> health = CompletableFuture
				.supplyAsync(() -> new DicomHealthIndicator(probes, remote).health());
			assertThat(associateRq.get(5, TimeUnit.SECONDS)[0]).as("A-ASSOCIATE-RQ").isEqualTo((byte) 0x01);
			long start = System.nanoTime();
			probes.close();
			assertThat(health.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.DOWN);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(silent.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void anIndicatorNeedsARemoteTheProbesCheck() {
		RemoteAe checked = remote("checked", "CHECKED", 104);
		try (DicomHealthProbes probes = new DicomHealthProbes(template(checked), List.of(checked),
				Duration.ofSeconds(1))) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new DicomHealthIndicator(probes, remote("other", "OTHER", 104)))
				.withMessage("The health probes do not check remote 'other'");
		}
	}

	private static ScriptedPeer silentPeer() throws IOException {
		return ScriptedPeer.start((in, out) -> ScriptedPeer.readPdu(in));
	}

	private static AeTemplate template(RemoteAe... remotes) {
		AeTemplate.Builder builder = AeTemplate.builder();
		for (RemoteAe remote : remotes) {
			builder.remote(remote);
		}
		builder.requestedContexts().add("Verification");
		return builder.build();
	}

	private static RemoteAe remote(String name, String aeTitle, int port) {
		return new RemoteAe(name, aeTitle, "127.0.0.1", port);
	}

}
