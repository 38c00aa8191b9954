package io.github.dicomscu.autoconfigure.health;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.autoconfigure.DicomScuAutoConfiguration;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.ScriptedPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code dicom} health contributor through Boot's health endpoint against
 * real peers: three remotes that accept the connection and never answer, and DCMTK's
 * {@code storescp}. The remotes of one request are echoed in parallel, so the silent ones
 * cost one health timeout, not three.
 */
class DicomHealthEndpointTests {

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

	private final List<ScriptedPeer> silentPeers = new ArrayList<>();

	private DcmtkPeer storescp;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startPeers() throws IOException {
		this.storescp = DcmtkPeer.startServer("storescp", "--aetitle", "STORESCP");
		List<String> properties = new ArrayList<>(List.of(
				"dicom.scu.health.timeout=" + HEALTH_TIMEOUT.toMillis() + "ms",
				"management.endpoint.health.show-details=always", "management.endpoint.health.show-components=always",
				"dicom.scu.remotes.dcmtk.host=127.0.0.1", "dicom.scu.remotes.dcmtk.port=" + this.storescp.port(),
				"dicom.scu.remotes.dcmtk.ae-title=STORESCP"));
		for (int i = 1; i <= 3; i++) {
			ScriptedPeer silent = ScriptedPeer.start((in, out) -> ScriptedPeer.readPdu(in));
			this.silentPeers.add(silent);
			properties.add("dicom.scu.remotes.silent" + i + ".host=127.0.0.1");
			properties.add("dicom.scu.remotes.silent" + i + ".port=" + silent.port());
		}
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DicomScuAutoConfiguration.class,
					DicomHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
			.withPropertyValues(properties.toArray(String[]::new));
	}

	@AfterEach
	void stopPeers() throws IOException {
		for (ScriptedPeer silent : this.silentPeers) {
			silent.close();
		}
		if (this.storescp != null) {
			this.storescp.close();
		}
	}

	@Test
	void silentRemotesCostOneTimeoutTogetherAndTheDcmtkRemoteIsUp() throws InterruptedException {
		this.contextRunner.run((context) -> {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			long start = System.nanoTime();
			HealthDescriptor health = endpoint.health();
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			Map<String, HealthDescriptor> dicom = ((CompositeHealthDescriptor) ((CompositeHealthDescriptor) health)
				.getComponents()
				.get("dicom")).getComponents();
			assertThat(dicom).containsOnlyKeys("dcmtk", "silent1", "silent2", "silent3");
			assertThat(dicom.get("dcmtk").getStatus()).isEqualTo(Status.UP);
			assertThat(((IndicatedHealthDescriptor) dicom.get("dcmtk")).getDetails())
				.containsEntry("aeTitle", "STORESCP")
				.containsEntry("status", "0x0000");
			for (int i = 1; i <= 3; i++) {
				IndicatedHealthDescriptor silent = (IndicatedHealthDescriptor) dicom.get("silent" + i);
				assertThat(silent.getStatus()).isEqualTo(Status.DOWN);
				assertThat((String) silent.getDetails().get("error")).startsWith("remote 'silent" + i + "'")
					.contains("operation timeout (1 s) expired");
			}
			assertThat(elapsed).as("three silent remotes checked together").isLessThan(Duration.ofMillis(2500));
			assertThat(healthThreads()).isNotEmpty();
		});
		assertThat(awaitNoHealthThreads()).as("health threads after the context closed").isEmpty();
	}

	@Test
	void oneComponentAloneIsCheckedWithinOneTimeout() {
		this.contextRunner.run((context) -> {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			assertThat(endpoint.healthForPath("dicom", "dcmtk").getStatus()).isEqualTo(Status.UP);
			long start = System.nanoTime();
			assertThat(endpoint.healthForPath("dicom", "silent2").getStatus()).isEqualTo(Status.DOWN);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			assertThat(endpoint.healthForPath("dicom", "dcmtk").getStatus()).isEqualTo(Status.UP);
		});
	}

	private static List<String> healthThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("dicom-health-"))
			.toList();
	}

	private static List<String> awaitNoHealthThreads() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		List<String> threads = healthThreads();
		while (!threads.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
			threads = healthThreads();
		}
		return threads;
	}

}
