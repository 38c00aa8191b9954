package io.github.dicomscu.autoconfigure.health;

import java.io.IOException;

import io.github.dicomscu.autoconfigure.DicomScuAutoConfiguration;
import io.github.dicomscu.health.DicomHealthIndicator;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

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
	void backsOffWithoutAeTemplate() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs")
			.withBean(AeOperations.class, () -> mock(AeOperations.class))
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

}
