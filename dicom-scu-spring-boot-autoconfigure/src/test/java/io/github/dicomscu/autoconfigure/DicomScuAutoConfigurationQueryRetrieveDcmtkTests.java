package io.github.dicomscu.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DcmqrscpArchive;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.SampleArchive;
import io.github.dicomscu.net.peer.SampleArchive.Image;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.net.query.StoreReceiver;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.RetrieveFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured {@link AeOperations} and storage SCP against DCMTK's
 * {@code dcmqrscp} loaded with the sample archive of the dicom-net tests: a C-MOVE to
 * this application lands in {@code dicom.scu.storage-scp.directory}, and C-GET receives
 * the SOP classes of {@code dicom.scu.retrieve.storage-sop-classes}.
 */
class DicomScuAutoConfigurationQueryRetrieveDcmtkTests {

	private static final String LOCAL_AE_TITLE = "LOCALSCP";

	private static final String KNEE_STUDY = SampleArchive.KNEE.uid();

	@TempDir
	static Path directory;

	private static int storageScpPort;

	private static DcmqrscpArchive archive;

	@TempDir
	Path temp;

	@BeforeAll
	static void startArchive() throws IOException {
		storageScpPort = DcmtkPeer.freePort();
		archive = DcmqrscpArchive.start(directory, Map.of(LOCAL_AE_TITLE, storageScpPort));
	}

	@AfterAll
	static void stopArchive() {
		if (archive != null) {
			archive.close();
		}
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DicomScuAutoConfiguration.class))
			.withPropertyValues("dicom.scu.ae-title=" + LOCAL_AE_TITLE, "dicom.scu.remotes.archive.host=127.0.0.1",
					"dicom.scu.remotes.archive.port=" + archive.port(),
					"dicom.scu.remotes.archive.ae-title=" + DcmqrscpArchive.AE_TITLE);
	}

	@Test
	void moveToTheAutoConfiguredStorageScp() {
		Path received = this.temp.resolve("received");
		contextRunner()
			.withPropertyValues("dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.port=" + storageScpPort,
					"dicom.scu.storage-scp.bind-host=127.0.0.1", "dicom.scu.storage-scp.directory=" + received)
			.run((context) -> {
				RetrieveResult result = context.getBean(AeOperations.class)
					.move("archive", Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", KNEE_STUDY),
							LOCAL_AE_TITLE, null);
				assertThat(result.isSuccess()).isTrue();
				assertThat(result.completed()).isEqualTo(3);
				for (Image image : SampleArchive.KNEE.images()) {
					DicomFile file = DicomFile.read(received.resolve(image.sopInstanceUid() + ".dcm"));
					assertThat(file.fileMeta().getString("SourceApplicationEntityTitle"))
						.isEqualTo(DcmqrscpArchive.AE_TITLE);
					assertThat(file.dataSet().getString("PatientName")).isEqualTo("ROE^JANE");
					assertThat(file.dataSet().getBytes("PixelData")).isEqualTo(image.dataSet().getBytes("PixelData"));
				}
				try (Stream<Path> files = Files.list(received)) {
					assertThat(files).hasSize(3);
				}
			});
	}

	@Test
	void getReceivesTheConfiguredStorageSopClasses() {
		contextRunner().withPropertyValues("dicom.scu.retrieve.storage-sop-classes=MRImageStorage").run((context) -> {
			RetrieveResult result = context.getBean(AeOperations.class)
				.get("archive", Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", KNEE_STUDY),
						StoreReceiver.toDirectory(this.temp), null);
			assertThat(result.completed()).isEqualTo(3);
			for (Image image : SampleArchive.KNEE.images()) {
				assertThat(this.temp.resolve(image.sopInstanceUid() + ".dcm")).isRegularFile();
			}
		});
	}

	@Test
	void getOfSopClassesThatAreNotConfiguredFails() {
		contextRunner().withPropertyValues("dicom.scu.retrieve.storage-sop-classes=CTImageStorage").run((context) -> {
			AeOperations dicom = context.getBean(AeOperations.class);
			assertThatExceptionOfType(RetrieveFailedException.class).isThrownBy(
					() -> dicom.get("archive", Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", KNEE_STUDY),
							StoreReceiver.toDirectory(this.temp), null))
				.satisfies((ex) -> {
					assertThat(ex.getStatus()).isEqualTo(Status.OUT_OF_RESOURCES_SUB_OPERATIONS);
					assertThat(ex.getResult().failed()).isEqualTo(3);
				});
		});
	}

	@Test
	void findWithTheRemotesOwnQueryRetrieveContexts() {
		contextRunner().withPropertyValues("dicom.scu.remotes.archive.context-sets=query-retrieve,verification")
			.run((context) -> assertThat(
					context.getBean(AeOperations.class).findAll("archive", Query.patientRoot(QueryLevel.PATIENT), 0))
				.extracting((patient) -> patient.getString("PatientID"))
				.containsExactlyInAnyOrder("PAT001", "PAT002"));
	}

}
