package io.github.dicomscu.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.scp.ScpCapacity;
import io.github.dicomscu.net.storage.StoreOutcome;
import io.github.dicomscu.scu.AeOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.dicomscu.autoconfigure.DicomScuAutoConfigurationTests.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the storage SCP of {@link DicomScuAutoConfiguration}
 * ({@code dicom.scu.storage-scp.*}): the bean, its lifecycle, and the startup checks.
 */
class DicomScuAutoConfigurationStorageScpTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DicomScuAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void noStorageScpByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DicomScp.class)
			.doesNotHaveBean(StorageScpLifecycle.class));
	}

	@Test
	void storageScpMaxDataSetInMemoryIsConfigurable() {
		this.contextRunner
			.withPropertyValues("dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.port=0",
					"dicom.scu.storage-scp.bind-host=127.0.0.1",
					"dicom.scu.storage-scp.directory=" + this.temp.resolve("received"),
					"dicom.scu.storage-scp.max-data-set-in-memory=2MB")
			.run((context) -> assertThat(context.getBean(DicomScp.class).getMaxDataSetInMemory())
				.isEqualTo(2 * 1024 * 1024));
	}

	@Test
	void storageScpListensWhileTheContextRunsAndStoresIntoTheDirectory() throws IOException {
		int port = DcmtkPeer.freePort();
		Path directory = this.temp.resolve("received");
		AtomicReference<DicomScp> scp = new AtomicReference<>();
		this.contextRunner
			.withPropertyValues("dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.ae-title=MOVESCP",
					"dicom.scu.storage-scp.port=" + port, "dicom.scu.storage-scp.bind-host=127.0.0.1",
					"dicom.scu.storage-scp.directory=" + directory, "dicom.scu.remotes.self.host=127.0.0.1",
					"dicom.scu.remotes.self.port=" + port, "dicom.scu.remotes.self.ae-title=MOVESCP")
			.run((context) -> {
				assertThat(context).hasSingleBean(DicomScp.class).hasSingleBean(StorageScpLifecycle.class);
				scp.set(context.getBean(DicomScp.class));
				assertThat(scp.get().isRunning()).isTrue();
				assertThat(scp.get().getPort()).isEqualTo(port);
				assertThat(scp.get().getAeTitle()).isEqualTo("MOVESCP");
				AeOperations dicom = context.getBean(AeOperations.class);
				assertThat(dicom.echo("self").isSuccess()).isTrue();
				DataSet instance = new DataSet().setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.2")
					.setString("SOPInstanceUID", "1.2.826.0.1.3680043.10.9.1")
					.setString("PatientID", "PAT001");
				assertThat(dicom.store("self", instance).outcome()).isEqualTo(StoreOutcome.SUCCESS);
				assertThat(DicomFile.read(directory.resolve("1.2.826.0.1.3680043.10.9.1.dcm"))
					.dataSet()
					.getString("PatientID")).isEqualTo("PAT001");
			});
		assertThat(scp.get().isRunning()).isFalse();
		try (ServerSocket again = new ServerSocket()) {
			again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			assertThat(again.isBound()).as("port %d is free after the context closed", port).isTrue();
		}
	}

	@Test
	void storageScpAnswersToTheLocalAeTitleByDefaultOnAnEphemeralPort() {
		this.contextRunner
			.withPropertyValues("dicom.scu.ae-title=MYSCU", "dicom.scu.storage-scp.enabled=true",
					"dicom.scu.storage-scp.port=0", "dicom.scu.storage-scp.bind-host=127.0.0.1",
					"dicom.scu.storage-scp.directory=" + this.temp)
			.run((context) -> {
				DicomScp scp = context.getBean(DicomScp.class);
				assertThat(scp.getAeTitle()).isEqualTo("MYSCU");
				assertThat(scp.getPort()).isPositive();
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesADicomStorageScpBean() {
		DicomScp own = DicomScp.builder().aeTitle("OWN").build();
		this.contextRunner.withBean("dicomStorageScp", DicomScp.class, () -> own)
			.withPropertyValues("dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.directory=" + this.temp)
			.run((context) -> {
				assertThat(context).hasSingleBean(DicomScp.class).doesNotHaveBean(StorageScpLifecycle.class);
				assertThat(context.getBean(DicomScp.class)).isSameAs(own);
				assertThat(own.isRunning()).isFalse();
			});
	}

	@Test
	void runsBesideAnotherDicomScpOfTheApplication() {
		DicomScp other = DicomScp.builder().aeTitle("OTHER").build();
		this.contextRunner.withBean("otherScp", DicomScp.class, () -> other)
			.withPropertyValues("dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.port=0",
					"dicom.scu.storage-scp.bind-host=127.0.0.1", "dicom.scu.storage-scp.directory=" + this.temp)
			.run((context) -> {
				assertThat(context).getBeans(DicomScp.class).hasSize(2);
				assertThat(context).hasSingleBean(StorageScpLifecycle.class);
				assertThat(context.getBean("dicomStorageScp", DicomScp.class).isRunning()).isTrue();
			});
	}

	@Test
	void storageScpCapacityIsConfigurable() {
		this.contextRunner
			.withPropertyValues(enabled("dicom.scu.storage-scp.port=0", "dicom.scu.storage-scp.bind-host=127.0.0.1",
					"dicom.scu.storage-scp.max-associations=7",
					"dicom.scu.storage-scp.max-associations-per-calling-ae-title=3",
					"dicom.scu.storage-scp.max-pending-connections=4"))
			.run((context) -> {
				DicomScp scp = context.getBean(DicomScp.class);
				assertThat(scp.getMaxAssociations()).isEqualTo(7);
				assertThat(scp.getMaxAssociationsPerCallingAeTitle()).isEqualTo(3);
				assertThat(scp.getMaxPendingConnections()).isEqualTo(4);
			});
	}

	@Test
	void storageScpCapacityDefaultsAreTheEngines() {
		this.contextRunner
			.withPropertyValues(enabled("dicom.scu.storage-scp.port=0", "dicom.scu.storage-scp.bind-host=127.0.0.1"))
			.run((context) -> {
				DicomScp scp = context.getBean(DicomScp.class);
				assertThat(scp.getMaxAssociations()).isEqualTo(ScpCapacity.DEFAULT_MAX_ASSOCIATIONS);
				assertThat(scp.getMaxAssociationsPerCallingAeTitle())
					.isEqualTo(ScpCapacity.DEFAULT_MAX_ASSOCIATIONS_PER_CALLING_AE_TITLE);
				assertThat(scp.getMaxPendingConnections()).isEqualTo(ScpCapacity.DEFAULT_MAX_PENDING_CONNECTIONS);
			});
	}

	@Test
	void invalidCapacityFails() {
		this.contextRunner.withPropertyValues(enabled("dicom.scu.storage-scp.max-pending-connections=0"))
			.run(failsWith("dicom.scu.storage-scp.max-pending-connections",
					"Maximum pending connections 0 must be between 1 and 10000"));
	}

	@Test
	void portOutOfRangeFails() {
		this.contextRunner.withPropertyValues(enabled("dicom.scu.storage-scp.port=70000"))
			.run(failsWith("dicom.scu.storage-scp.port", "SCP port 70000 is outside 0-65535"));
	}

	@Test
	void invalidAeTitleFails() {
		this.contextRunner.withPropertyValues(enabled("dicom.scu.storage-scp.ae-title=SEVENTEEN_CHARS_X"))
			.run(failsWith("dicom.scu.storage-scp.ae-title",
					"Invalid SCP AE title 'SEVENTEEN_CHARS_X': it has 17 characters, at most 16 are allowed"));
	}

	@Test
	void missingDirectoryFails() {
		this.contextRunner.withPropertyValues("dicom.scu.storage-scp.enabled=true")
			.run(failsWith("dicom.scu.storage-scp.directory",
					"the storage SCP is enabled, but has no directory to write the instances it receives to"));
	}

	@Test
	void directoryThatCannotBeCreatedFails() throws IOException {
		Path file = Files.writeString(this.temp.resolve("file"), "a file, not a directory");
		this.contextRunner
			.withPropertyValues("dicom.scu.storage-scp.enabled=true",
					"dicom.scu.storage-scp.directory=" + file.resolve("received"))
			.run(failsWith("dicom.scu.storage-scp.directory", "the directory cannot be created"));
	}

	@Test
	void unresolvableBindHostFails() {
		this.contextRunner.withPropertyValues(enabled("dicom.scu.storage-scp.bind-host=no-such-host.invalid"))
			.run(failsWith("dicom.scu.storage-scp.bind-host", "the host cannot be resolved"));
	}

	@Test
	void bindHostOfAnotherMachineFails() {
		this.contextRunner.withPropertyValues(enabled("dicom.scu.storage-scp.bind-host=192.0.2.1"))
			.run(failsWith("dicom.scu.storage-scp.bind-host", "192.0.2.1 is not an address of this machine"));
	}

	@Test
	void portInUseFailsTheStartup() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			this.contextRunner
				.withPropertyValues(
						enabled("dicom.scu.storage-scp.port=" + port, "dicom.scu.storage-scp.bind-host=127.0.0.1"))
				.run(failsWith("dicom.scu.storage-scp.port",
						"the storage SCP cannot listen on port " + port + " of 127.0.0.1"));
		}
	}

	private String[] enabled(String... properties) {
		String[] all = new String[properties.length + 2];
		all[0] = "dicom.scu.storage-scp.enabled=true";
		all[1] = "dicom.scu.storage-scp.directory=" + this.temp;
		System.arraycopy(properties, 0, all, 2, properties.length);
		return all;
	}

}
