package io.github.dicomscu.autoconfigure.health;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dicomscu.autoconfigure.ConfiguredRemotes;
import io.github.dicomscu.autoconfigure.DicomScuAutoConfiguration;
import io.github.dicomscu.autoconfigure.DicomScuProperties;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.health.DicomHealthIndicator;
import io.github.dicomscu.health.DicomHealthProbes;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.EchoResult;
import io.github.dicomscu.scu.RemoteAe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DicomHealthContributorAutoConfiguration}.
 */
class DicomHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DicomScuAutoConfiguration.class, DicomHealthContributorAutoConfiguration.class));

	@Test
	void oneEntryPerRemote() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.ris.host=ris")
			.run((context) -> {
				CompositeHealthContributor contributor = context.getBean("dicomHealthContributor",
						CompositeHealthContributor.class);
				assertThat(contributor.stream().map(CompositeHealthContributor.Entry::name)).containsExactly("pacs",
						"ris");
				assertThat(contributor.getContributor("pacs")).isInstanceOf(DicomHealthIndicator.class);
			});
	}

	@Test
	void remoteCanOptOut() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.ris.host=ris",
					"dicom.scu.remotes.ris.health.enabled=false")
			.run((context) -> assertThat(context.getBean("dicomHealthContributor", CompositeHealthContributor.class)
				.stream()
				.map(CompositeHealthContributor.Entry::name)).containsExactly("pacs"));
	}

	@Test
	void upAgainstTheEnginesScp() throws IOException {
		DicomScp scp = DicomScp.builder().aeTitle("SCP").build().start();
		try {
			this.contextRunner
				.withPropertyValues("dicom.scu.remotes.local.host=127.0.0.1",
						"dicom.scu.remotes.local.port=" + scp.getPort(), "dicom.scu.remotes.local.ae-title=SCP")
				.run((context) -> {
					Health health = health(context.getBean("dicomHealthContributor", HealthContributor.class), "local");
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("aeTitle", "SCP")
						.containsEntry("port", scp.getPort())
						.containsEntry("status", "0x0000")
						.containsEntry("statusText", "Success");
				});
		}
		finally {
			scp.stop();
		}
	}

	@Test
	void downAgainstAClosedPort() {
		int port = DcmtkPeer.freePort();
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.closed.host=127.0.0.1", "dicom.scu.remotes.closed.port=" + port,
					"dicom.scu.health.timeout=1s")
			.run((context) -> {
				Health health = health(context.getBean("dicomHealthContributor", HealthContributor.class), "closed");
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("host", "127.0.0.1").containsEntry("port", port);
				assertThat((String) health.getDetails().get("error")).startsWith("remote 'closed'");
			});
	}

	@Test
	void disabledWithManagementProperty() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "management.health.dicom.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("dicomHealthContributor"));
	}

	@Test
	void applicationsOwnAeOperationsKeepsTheContributor() {
		EchoingOperations operations = new EchoingOperations(Map.of("pacs", 0x0000, "ris", 0x0110));
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.pacs.ae-title=PACS",
					"dicom.scu.remotes.pacs.port=104", "dicom.scu.remotes.ris.host=ris",
					"dicom.scu.remotes.hl7.host=hl7", "dicom.scu.remotes.hl7.health.enabled=false",
					"dicom.scu.health.timeout=2s")
			.withBean(AeOperations.class, operations::asAeOperations)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(AeTemplate.class);
				HealthContributor contributor = context.getBean("dicomHealthContributor", HealthContributor.class);
				assertThat(
						((CompositeHealthContributor) contributor).stream().map(CompositeHealthContributor.Entry::name))
					.containsExactly("pacs", "ris");
				Health pacs = health(contributor, "pacs");
				assertThat(pacs.getStatus()).isEqualTo(Status.UP);
				assertThat(pacs.getDetails()).containsEntry("aeTitle", "PACS")
					.containsEntry("host", "pacs")
					.containsEntry("port", 104)
					.containsEntry("status", "0x0000")
					.containsEntry("statusText", "Success")
					.containsEntry("roundTripMs", 7L)
					.containsEntry("implementationClassUid", EchoingOperations.IMPLEMENTATION_CLASS_UID)
					.doesNotContainKey("implementationVersionName");
				Health ris = health(contributor, "ris");
				assertThat(ris.getStatus()).isEqualTo(Status.DOWN);
				assertThat(ris.getDetails()).containsEntry("status", "0x0110")
					.containsEntry("statusText", "Status 0x0110");
				List<PresentationContext> verification = List.of(PresentationContext.of(Uid.VERIFICATION));
				assertThat(operations.echoes).containsExactlyInAnyOrder(
						new EchoingOperations.Echo("pacs", verification, Duration.ofSeconds(2)),
						new EchoingOperations.Echo("ris", verification, Duration.ofSeconds(2)));
			});
	}

	@Test
	void anOutcomeServesOneRequestAndIsNeverOlderThanTheTimeout() {
		EchoingOperations operations = new EchoingOperations(Map.of("pacs", 0x0000, "ris", 0x0000));
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.ris.host=ris",
					"dicom.scu.health.timeout=300ms")
			.withBean(AeOperations.class, operations::asAeOperations)
			.run((context) -> {
				HealthContributor contributor = context.getBean("dicomHealthContributor", HealthContributor.class);
				assertThat(health(contributor, "pacs").getStatus()).isEqualTo(Status.UP);
				assertThat(health(contributor, "ris").getStatus()).isEqualTo(Status.UP);
				assertThat(operations.echoes).extracting(EchoingOperations.Echo::remote)
					.as("one round for both remotes")
					.containsExactlyInAnyOrder("pacs", "ris");
				assertThat(health(contributor, "pacs").getStatus()).isEqualTo(Status.UP);
				// the round's other echo runs on its own thread and may not have started
				// yet
				awaitEchoes(operations, 4);
				assertThat(operations.echoes).extracting(EchoingOperations.Echo::remote)
					.as("a second request starts a new round")
					.containsExactlyInAnyOrder("pacs", "ris", "pacs", "ris");
				Thread.sleep(600);
				assertThat(health(contributor, "ris").getStatus()).isEqualTo(Status.UP);
				awaitEchoes(operations, 6);
				assertThat(operations.echoes).extracting(EchoingOperations.Echo::remote)
					.as("an outcome older than the timeout is not used")
					.containsExactlyInAnyOrder("pacs", "ris", "pacs", "ris", "ris", "pacs");
				assertThat(context.getBean(DicomHealthProbes.class).getRemotes()).containsOnlyKeys("pacs", "ris");
			});
	}

	private static void awaitEchoes(EchoingOperations operations, int count) throws InterruptedException {
		for (int i = 0; i < 500 && operations.echoes.size() < count; i++) {
			Thread.sleep(10);
		}
	}

	@Test
	void backsOffWithoutAeOperations() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DicomHealthContributorAutoConfiguration.class))
			.withUserConfiguration(RemotesWithoutOperationsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ConfiguredRemotes.class);
				assertThat(context).doesNotHaveBean("dicomHealthContributor");
			});
	}

	@Test
	void backsOffWithTwoAeOperationsAndNoPrimary() {
		EchoingOperations operations = new EchoingOperations(Map.of());
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs")
			.withBean("first", AeOperations.class, operations::asAeOperations)
			.withBean("second", AeOperations.class, operations::asAeOperations)
			.run((context) -> assertThat(context).doesNotHaveBean("dicomHealthContributor"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheContributor() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs")
			.withBean("dicomHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean("dicomHealthContributor"));
	}

	private static Health health(HealthContributor contributor, String remote) {
		HealthContributor entry = ((CompositeHealthContributor) contributor).getContributor(remote);
		return ((HealthIndicator) entry).health();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DicomScuProperties.class)
	static class RemotesWithoutOperationsConfiguration {

		@Bean
		ConfiguredRemotes configuredRemotes() {
			return new ConfiguredRemotes(Map.of("pacs", new RemoteAe("pacs", "PACS", "pacs", 104)));
		}

	}

	/**
	 * An application's own {@link AeOperations}, written by hand rather than a template:
	 * it answers each C-ECHO with the status given for the remote, as a peer would, and
	 * records what the echo asked for; any other operation fails. It is a {@link Proxy}
	 * of the interface so that it implements whatever operations the interface declares.
	 */
	static final class EchoingOperations implements InvocationHandler {

		static final String IMPLEMENTATION_CLASS_UID = "1.2.826.0.1.3680043.2.1143.107";

		private final Map<String, Integer> statuses;

		private final List<Echo> echoes = new CopyOnWriteArrayList<>();

		EchoingOperations(Map<String, Integer> statuses) {
			this.statuses = statuses;
		}

		AeOperations asAeOperations() {
			return (AeOperations) Proxy.newProxyInstance(AeOperations.class.getClassLoader(),
					new Class<?>[] { AeOperations.class }, this);
		}

		@Override
		@SuppressWarnings("unchecked")
		public Object invoke(Object proxy, Method method, Object[] args) {
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> "EchoingOperations " + this.statuses;
				};
			}
			if (!method.getName().equals("echo") || !Arrays.equals(method.getParameterTypes(),
					new Class<?>[] { String.class, List.class, Duration.class })) {
				throw new UnsupportedOperationException(method.toString());
			}
			String remote = (String) args[0];
			this.echoes.add(new Echo(remote, (List<PresentationContext>) args[1], (Duration) args[2]));
			int status = this.statuses.get(remote);
			return new EchoResult(new RemoteAe(remote, "USERS", "127.0.0.1", 104), status,
					(status == 0) ? "Success" : String.format("Status 0x%04X", status), Duration.ofMillis(7),
					IMPLEMENTATION_CLASS_UID, null);
		}

		/**
		 * What one echo asked for.
		 *
		 * @param remote the remote's name
		 * @param contexts the contexts to propose
		 * @param timeout the timeout of each step
		 */
		record Echo(String remote, List<PresentationContext> contexts, Duration timeout) {
		}

	}

}
