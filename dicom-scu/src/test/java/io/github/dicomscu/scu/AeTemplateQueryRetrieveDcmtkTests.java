package io.github.dicomscu.scu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DcmqrscpArchive;
import io.github.dicomscu.net.peer.SampleArchive;
import io.github.dicomscu.net.peer.SampleArchive.Image;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import io.github.dicomscu.net.query.RetrieveProgress;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.net.query.StoreReceiver;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.storage.StorageScp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for the C-FIND, C-MOVE and C-GET operations of {@link AeTemplate} against DCMTK's
 * {@code dcmqrscp} loaded with the sample archive of the dicom-net tests (two patients,
 * three studies, four series, seven images); moves go to the engine's storage SCP.
 */
class AeTemplateQueryRetrieveDcmtkTests {

	private static final String MOVE_SCP_AE_TITLE = "MOVESCP";

	private static final String HEAD_STUDY = "2.25.4711.1";

	private static final String HEAD_AXIAL_SERIES = "2.25.4711.1.1";

	private static final String KNEE_STUDY = "2.25.4711.3";

	@TempDir
	static Path directory;

	private static DicomScp moveScp;

	private static DcmqrscpArchive archive;

	@TempDir
	Path temp;

	@BeforeAll
	static void startPeers() throws IOException {
		moveScp = StorageScp.toDirectory(directory.resolve("moved"))
			.addTo(DicomScp.builder().aeTitle(MOVE_SCP_AE_TITLE))
			.build()
			.start();
		archive = DcmqrscpArchive.start(directory, Map.of(MOVE_SCP_AE_TITLE, moveScp.getPort()));
	}

	@AfterAll
	static void stopPeers() {
		if (archive != null) {
			archive.close();
		}
		if (moveScp != null) {
			moveScp.stop();
		}
	}

	@Test
	void findStudiesOfAPatientAsAStream() {
		try (Stream<DataSet> studies = template().find("archive",
				Query.studyRoot(QueryLevel.STUDY).match("PatientID", "PAT001").returnKey("StudyDescription"))) {
			assertThat(studies.toList())
				.extracting((study) -> study.getString("StudyInstanceUID"),
						(study) -> study.getString("StudyDescription"))
				.containsExactlyInAnyOrder(tuple(HEAD_STUDY, "CT HEAD"), tuple("2.25.4711.2", "CT CHEST"));
		}
	}

	@Test
	void findAllAtEachLevel() {
		AeTemplate template = template();
		assertThat(template.findAll("archive",
				Query.patientRoot(QueryLevel.PATIENT).match("PatientName", "*O*").returnKey("PatientName"), 0))
			.extracting((patient) -> patient.getString("PatientID"), (patient) -> patient.getString("PatientName"))
			.containsExactlyInAnyOrder(tuple("PAT001", "DOE^JOHN"), tuple("PAT002", "ROE^JANE"));
		assertThat(template.findAll("archive",
				Query.studyRoot(QueryLevel.SERIES).match("StudyInstanceUID", HEAD_STUDY).returnKey("Modality"), 0))
			.extracting((series) -> series.getString("SeriesInstanceUID"), (series) -> series.getString("Modality"))
			.containsExactlyInAnyOrder(tuple(HEAD_AXIAL_SERIES, "CT"), tuple("2.25.4711.1.2", "CT"));
		assertThat(template.findAll("archive",
				Query.patientRoot(QueryLevel.IMAGE)
					.match("PatientID", "PAT002")
					.match("StudyInstanceUID", KNEE_STUDY)
					.match("SeriesInstanceUID", "2.25.4711.3.1"),
				0))
			.extracting((image) -> image.getString("SOPInstanceUID"))
			.containsExactlyInAnyOrder("2.25.4711.3.1.1", "2.25.4711.3.1.2", "2.25.4711.3.1.3");
	}

	@Test
	void findAllStopsAtTheLimit() {
		assertThat(template().findAll("archive", Query.studyRoot(QueryLevel.STUDY), 2)).hasSize(2);
	}

	@Test
	void findAllOfMoreMatchesThanTheMaximumCancelsAndThrowsInsteadOfTruncating() throws IOException {
		AeTemplate.Builder builder = builder().maxFindResults(2);
		builder.requestedContexts().add("Verification");
		AeTemplate template = builder.build();
		for (int maxResults : new int[] { 0, 3 }) {
			assertThatExceptionOfType(TooManyMatchesException.class)
				.isThrownBy(() -> template.findAll("archive", Query.studyRoot(QueryLevel.STUDY), maxResults))
				.satisfies((ex) -> {
					assertThat(ex.getLimit()).isEqualTo(2);
					assertThat(ex.getRemote()).isEqualTo("archive");
					assertThat(ex.isTransient()).isFalse();
				})
				.withMessageContaining("returned more than 2 matches, the most collected in memory; "
						+ "the operation was cancelled after 3 matches");
			assertThat(openSocketsTo(archive.port())).isZero();
		}
		assertThat(template.findAll("archive", Query.studyRoot(QueryLevel.STUDY), 2)).hasSize(2);
		assertThat(template.findAll("archive", Query.studyRoot(QueryLevel.STUDY).match("PatientID", "PAT001"), 0))
			.hasSize(2);
	}

	@Test
	void closingAFindStreamEarlyReleasesTheAssociation() throws IOException {
		AeTemplate template = template();
		try (Stream<DataSet> studies = template.find("archive", Query.studyRoot(QueryLevel.STUDY))) {
			assertThat(studies.findFirst()).isPresent();
			assertThat(openSocketsTo(archive.port())).isOne();
		}
		assertThat(openSocketsTo(archive.port())).isZero();
		assertThat(template.findAll("archive", Query.studyRoot(QueryLevel.STUDY), 0)).hasSize(3);
		assertThat(openSocketsTo(archive.port())).isZero();
	}

	@Test
	void moveAStudyToAStorageScp() throws IOException {
		List<RetrieveProgress> progress = new ArrayList<>();
		RetrieveResult result = template().move("archive",
				Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", HEAD_STUDY), MOVE_SCP_AE_TITLE,
				progress::add);
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.completed()).isEqualTo(3);
		assertThat(result.failed()).isZero();
		assertThat(progress).isNotEmpty()
			.allSatisfy((step) -> assertThat(step.remaining() + step.completed() + step.failed() + step.warning())
				.isEqualTo(3));
		for (Image image : SampleArchive.HEAD.images()) {
			DataSet moved = DicomFile.read(directory.resolve("moved").resolve(image.sopInstanceUid() + ".dcm"))
				.dataSet();
			assertThat(moved.getString("SOPInstanceUID")).isEqualTo(image.sopInstanceUid());
			assertThat(moved.getString("PatientName")).isEqualTo("DOE^JOHN");
			assertThat(moved.getBytes("PixelData")).isEqualTo(image.dataSet().getBytes("PixelData"));
		}
	}

	@Test
	void moveToAnUnknownDestinationIsATypedError() {
		AeTemplate template = template();
		assertThatExceptionOfType(MoveDestinationUnknownException.class)
			.isThrownBy(() -> template.move("archive",
					Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", KNEE_STUDY), "NOWHERE", null))
			.withMessageStartingWith("remote 'archive' (QRSCP@127.0.0.1:" + archive.port() + "): ")
			.withMessageContaining("'NOWHERE' is unknown to the peer")
			.satisfies((ex) -> {
				assertThat(ex.getDestination()).isEqualTo("NOWHERE");
				assertThat(ex.getStatus()).isEqualTo(Status.MOVE_DESTINATION_UNKNOWN);
				assertThat(ex.getStatusMeaning()).isEqualTo("Refused: Move Destination unknown");
				assertThat(ex.getRemote()).isEqualTo("archive");
			});
		assertThat(template.echo("archive").isSuccess()).isTrue();
	}

	@Test
	void getASeriesIntoADirectory() throws IOException {
		List<RetrieveProgress> progress = new ArrayList<>();
		RetrieveResult result = template().get("archive",
				Query.studyRoot(QueryLevel.SERIES)
					.match("StudyInstanceUID", HEAD_STUDY)
					.match("SeriesInstanceUID", HEAD_AXIAL_SERIES),
				StoreReceiver.toDirectory(this.temp), progress::add);
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.completed()).isEqualTo(2);
		assertThat(progress).isNotEmpty();
		List<Image> expected = SampleArchive.HEAD.images()
			.stream()
			.filter((image) -> image.series().uid().equals(HEAD_AXIAL_SERIES))
			.toList();
		assertThat(expected).hasSize(2);
		for (Image image : expected) {
			DicomFile file = DicomFile.read(this.temp.resolve(image.sopInstanceUid() + ".dcm"));
			assertThat(file.fileMeta().getString("SourceApplicationEntityTitle")).isEqualTo(DcmqrscpArchive.AE_TITLE);
			assertThat(file.dataSet().getString("SeriesInstanceUID")).isEqualTo(HEAD_AXIAL_SERIES);
			assertThat(file.dataSet().getBytes("PixelData")).isEqualTo(image.dataSet().getBytes("PixelData"));
		}
	}

	@Test
	void getOfInstancesWithoutAStorageContextIsARetrieveFailureWithTheFailedInstances() throws IOException {
		AeTemplate.Builder builder = builder()
			.retrieveStorageContexts(List.of(PresentationContext.of("CTImageStorage")));
		builder.requestedContexts().add("Verification");
		RetrieveFailedException ex = catchThrowableOfType(RetrieveFailedException.class,
				() -> builder.build()
					.get("archive", Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", KNEE_STUDY),
							StoreReceiver.toDirectory(this.temp), null));
		assertThat(ex).isNotNull();
		assertThat(ex.getStatus()).isEqualTo(Status.OUT_OF_RESOURCES_SUB_OPERATIONS);
		assertThat(ex.getResult().failed()).isEqualTo(3);
		assertThat(ex.getResult().failedSopInstanceUids()).containsExactlyInAnyOrderElementsOf(
				SampleArchive.KNEE.images().stream().map(Image::sopInstanceUid).toList());
		try (Stream<Path> files = Files.list(this.temp)) {
			assertThat(files).isEmpty();
		}
	}

	/**
	 * Count the TCP sockets of this JVM connected to a port, from {@code /proc}: the
	 * inodes of the sockets among this process's file descriptors, looked up in the TCP
	 * tables.
	 */
	private static long openSocketsTo(int port) throws IOException {
		Path descriptors = Path.of("/proc/self/fd");
		Assumptions.assumeTrue(Files.isDirectory(descriptors), "counting sockets needs Linux /proc");
		Set<String> inodes = new HashSet<>();
		try (DirectoryStream<Path> links = Files.newDirectoryStream(descriptors)) {
			for (Path link : links) {
				try {
					String target = Files.readSymbolicLink(link).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring(8, target.length() - 1));
					}
				}
				catch (IOException ex) {
					// the descriptor was closed meanwhile
				}
			}
		}
		long count = 0;
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path path = Path.of(table);
			if (!Files.exists(path)) {
				continue;
			}
			List<String> lines = Files.readAllLines(path);
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.strip().split("\\s+");
				String remote = fields[2];
				int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
				if (remotePort == port && inodes.contains(fields[9])) {
					count++;
				}
			}
		}
		return count;
	}

	private static AeTemplate template() {
		AeTemplate.Builder builder = builder();
		builder.requestedContexts().add("Verification");
		return builder.build();
	}

	private static AeTemplate.Builder builder() {
		return AeTemplate.builder()
			.aeTitle("TESTSCU")
			.remote(new RemoteAe("archive", DcmqrscpArchive.AE_TITLE, "127.0.0.1", archive.port()));
	}

}
