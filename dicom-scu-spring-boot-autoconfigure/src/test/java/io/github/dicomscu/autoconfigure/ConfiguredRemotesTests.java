package io.github.dicomscu.autoconfigure;

import java.nio.file.Path;
import java.util.Map;

import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.AeTemplateCustomizer;
import io.github.dicomscu.scu.RemoteAe;
import io.github.dicomscu.scu.UnknownRemoteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ConfiguredRemotes} as {@link DicomScuAutoConfiguration} provides it.
 */
class ConfiguredRemotesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DicomScuAutoConfiguration.class));

	@Test
	void listsTheRemotesInConfigurationOrderAsTheTemplateKnowsThem() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.ris.host= ris.example.org ", "dicom.scu.remotes.ris.ae-title=RIS ",
					"dicom.scu.remotes.pacs.host=10.0.0.5", "dicom.scu.remotes.pacs.port=4242")
			.run((context) -> {
				ConfiguredRemotes remotes = context.getBean(ConfiguredRemotes.class);
				assertThat(remotes.getRemotes()).containsExactly(
						entry("ris", new RemoteAe("ris", "RIS", "ris.example.org", 104)),
						entry("pacs", new RemoteAe("pacs", "ANY-SCP", "10.0.0.5", 4242)));
				assertThat(remotes.getRemotes()).isEqualTo(context.getBean(AeTemplate.class).getRemotes());
			});
	}

	@Test
	void sharesTheOneMappingOfThePropertiesWithTheTemplateAndTheStorageScp(@TempDir Path directory) {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.storage-scp.enabled=true",
					"dicom.scu.storage-scp.port=0", "dicom.scu.storage-scp.directory=" + directory)
			.run((context) -> {
				assertThat(context).hasSingleBean(DicomScuSettings.class).hasBean("dicomStorageScp");
				RemoteAe remote = context.getBean(ConfiguredRemotes.class).getRemote("pacs");
				assertThat(remote).isSameAs(context.getBean(AeTemplate.class).getRemotes().get("pacs"))
					.isSameAs(context.getBean(DicomScuSettings.class).remotes().get("pacs"));
			});
	}

	@Test
	void listsNoRemoteThatACustomizerAdds() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs")
			.withBean(AeTemplateCustomizer.class,
					() -> (builder) -> builder.remote(new RemoteAe("extra", "EXTRA", "extra", 104)))
			.run((context) -> {
				assertThat(context.getBean(AeTemplate.class).getRemotes()).containsOnlyKeys("pacs", "extra");
				assertThat(context.getBean(ConfiguredRemotes.class).getRemotes()).containsOnlyKeys("pacs");
			});
	}

	@Test
	void remainsWhenTheApplicationDefinesItsOwnAeOperations() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs")
			.withBean(AeOperations.class, () -> mock(AeOperations.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(AeTemplate.class);
				assertThat(context.getBean(ConfiguredRemotes.class).getRemote("pacs"))
					.isEqualTo(new RemoteAe("pacs", "ANY-SCP", "pacs", 104));
			});
	}

	@Test
	void checksTheRemotesWhenTheApplicationDefinesItsOwnAeOperations() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.pacs.port=0")
			.withBean(AeOperations.class, () -> mock(AeOperations.class))
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = configurationFailure(context.getStartupFailure());
				assertThat(failure).isInstanceOf(DicomScuConfigurationException.class)
					.hasMessageContaining("dicom.scu.remotes.pacs.port");
			});
	}

	@Test
	void reportsEveryInvalidValueWhenTheRemotesAreNeededFirst() {
		this.contextRunner
			.withPropertyValues("dicom.scu.ae-title=A\\B", "dicom.scu.remotes.pacs.host=pacs",
					"dicom.scu.remotes.pacs.port=0", "dicom.scu.storage-scp.enabled=true",
					"dicom.scu.storage-scp.port=70000")
			.withBean(AeOperations.class, () -> mock(AeOperations.class))
			.run((context) -> {
				Throwable failure = configurationFailure(context.getStartupFailure());
				assertThat(failure).isInstanceOf(DicomScuConfigurationException.class);
				assertThat(((DicomScuConfigurationException) failure).getInvalidValues())
					.extracting(DicomScuConfigurationException.InvalidValue::property)
					.containsExactlyInAnyOrder("dicom.scu.ae-title", "dicom.scu.remotes.pacs.port",
							"dicom.scu.storage-scp.port", "dicom.scu.storage-scp.directory");
			});
	}

	@Test
	void unknownRemoteNamesTheKnownOnes() {
		ConfiguredRemotes remotes = new ConfiguredRemotes(Map.of("pacs", new RemoteAe("pacs", "PACS", "pacs", 104)));
		assertThatExceptionOfType(UnknownRemoteException.class).isThrownBy(() -> remotes.getRemote("nope"))
			.withMessageContaining("'nope'")
			.withMessageContaining("known remotes: pacs")
			.satisfies((ex) -> assertThat(ex.getRemote()).isEqualTo("nope"));
	}

	@Test
	void isReadOnly() {
		ConfiguredRemotes remotes = new ConfiguredRemotes(Map.of("pacs", new RemoteAe("pacs", "PACS", "pacs", 104)));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> remotes.getRemotes().remove("pacs"));
	}

	private static Throwable configurationFailure(Throwable startupFailure) {
		Throwable failure = startupFailure;
		while (failure != null && !(failure instanceof DicomScuConfigurationException)) {
			failure = failure.getCause();
		}
		return failure;
	}

}
