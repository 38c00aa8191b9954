package io.github.dicomscu.net.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DcmqrscpArchive;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.SampleArchive;
import io.github.dicomscu.net.peer.SampleArchive.Image;
import io.github.dicomscu.net.peer.SampleArchive.Series;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.storage.StorageScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * C-FIND, C-MOVE, C-GET and C-CANCEL against DCMTK's {@code dcmqrscp}, loaded with the
 * {@link SampleArchive}; moves go to our {@link DicomScp} (with an in-memory C-STORE
 * handler, and with the engine's {@link StorageScp}) and to DCMTK's {@code storescp}.
 */
class QueryRetrieveDcmtkTests {

	private static final String OUR_AE_TITLE = "OURSCP";

	private static final String ENGINE_AE_TITLE = "ENGINESCP";

	private static final String STORESCP_AE_TITLE = "STORESCP";

	@TempDir
	static Path directory;

	private static InMemoryStoreScp ourScp;

	private static DicomScp engineScp;

	private static DcmtkPeer storescp;

	private static DcmqrscpArchive archive;

	@TempDir
	Path received;

	@BeforeAll
	static void startPeers() throws Exception {
		ourScp = new InMemoryStoreScp(OUR_AE_TITLE);
		engineScp = StorageScp.toDirectory(directory.resolve("engine"))
			.addTo(DicomScp.builder().aeTitle(ENGINE_AE_TITLE))
			.build()
			.start();
		storescp = DcmtkPeer.startServer("storescp", "--aetitle", STORESCP_AE_TITLE, "--output-directory",
				Files.createDirectories(directory.resolve("storescp")).toString());
		archive = DcmqrscpArchive.start(directory, Map.of(OUR_AE_TITLE, ourScp.port(), ENGINE_AE_TITLE,
				engineScp.getPort(), STORESCP_AE_TITLE, storescp.port()));
	}

	@AfterAll
	static void stopPeers() {
		if (archive != null) {
			archive.close();
		}
		if (storescp != null) {
			storescp.close();
		}
		if (ourScp != null) {
			ourScp.close();
		}
		if (engineScp != null) {
			engineScp.stop();
		}
	}

	@BeforeEach
	void resetOurScp() {
		ourScp.received().clear();
		ourScp.delay(Duration.ZERO);
	}

	@Test
	void findPatients() throws Exception {
		try (Association association = open(PresentationContext.of("PatientRootQueryRetrieveInformationModelFind"));
				FindResults results = FindScu.find(association,
						Query.patientRoot(QueryLevel.PATIENT)
							.match("PatientName", "*O*")
							.returnKey("PatientBirthDate", "PatientSex"))) {
			assertThat(results.stream().toList())
				.extracting((match) -> match.getString("QueryRetrieveLevel"), (match) -> match.getString("PatientID"),
						(match) -> match.getString("PatientName"), (match) -> match.getString("PatientBirthDate"),
						(match) -> match.getString("PatientSex"))
				.containsExactlyInAnyOrder(tuple("PATIENT", "PAT001", "DOE^JOHN", "19700101", "M"),
						tuple("PATIENT", "PAT002", "ROE^JANE", "19820315", "F"));
			assertThat(results.getStatus()).isEqualTo(Status.SUCCESS);
			assertThat(results.getMatchCount()).isEqualTo(2);
			assertThat(results.isCancelled()).isFalse();
		}
	}

	@Test
	void findStudiesOfAPatientInADateRange() throws Exception {
		try (Association association = open(PresentationContext.of("StudyRootQueryRetrieveInformationModelFind"));
				FindResults results = FindScu.find(association,
						Query.studyRoot(QueryLevel.STUDY)
							.match("PatientID", "PAT001")
							.match("StudyDate", "20240201-")
							.returnKey("StudyDescription", "AccessionNumber", "StudyID", "PatientName"))) {
			List<DataSet> matches = results.stream().toList();
			assertThat(matches).singleElement().satisfies((study) -> {
				assertThat(study.getString("StudyInstanceUID")).isEqualTo(SampleArchive.CHEST.uid());
				assertThat(study.getString("StudyDate")).isEqualTo("20240220");
				assertThat(study.getString("StudyDescription")).isEqualTo("CT CHEST");
				assertThat(study.getString("AccessionNumber")).isEqualTo("ACC002");
				assertThat(study.getString("StudyID")).isEqualTo("2");
				assertThat(study.getString("PatientName")).isEqualTo("DOE^JOHN");
			});
		}
	}

	@Test
	void findSeriesOfAStudy() throws Exception {
		try (Association association = open(PresentationContext.of("StudyRootQueryRetrieveInformationModelFind"));
				FindResults results = FindScu.find(association,
						Query.studyRoot(QueryLevel.SERIES)
							.match("StudyInstanceUID", SampleArchive.HEAD.uid())
							.returnKey("Modality", "SeriesNumber"))) {
			assertThat(results.stream().toList())
				.extracting((match) -> match.getString("SeriesInstanceUID"), (match) -> match.getString("Modality"),
						(match) -> match.getInt("SeriesNumber", 0))
				.containsExactlyInAnyOrder(tuple(SampleArchive.HEAD_AXIAL.uid(), "CT", 1),
						tuple(SampleArchive.HEAD_CORONAL.uid(), "CT", 2));
		}
	}

	@Test
	void findImagesOfASeriesInPatientRoot() throws Exception {
		Series knee = SampleArchive.KNEE_SAGITTAL;
		try (Association association = open(PresentationContext.of("PatientRootQueryRetrieveInformationModelFind"));
				FindResults results = FindScu.find(association,
						Query.patientRoot(QueryLevel.IMAGE)
							.match("PatientID", knee.study().patient().id())
							.match("StudyInstanceUID", knee.study().uid())
							.match("SeriesInstanceUID", knee.uid())
							.returnKey("InstanceNumber"))) {
			assertThat(results.stream().toList())
				.extracting((match) -> match.getString("SOPInstanceUID"), (match) -> match.getInt("InstanceNumber", 0))
				.containsExactlyInAnyOrder(tuple(knee.uid() + ".1", 1), tuple(knee.uid() + ".2", 2),
						tuple(knee.uid() + ".3", 3));
		}
	}

	@Test
	void findStudiesInPatientStudyOnlyModel() throws Exception {
		try (Association association = open(
				PresentationContext.of("PatientStudyOnlyQueryRetrieveInformationModelFind"));
				FindResults results = FindScu.find(association,
						Query.patientStudyOnly(QueryLevel.STUDY)
							.match("PatientID", "PAT002")
							.returnKey("StudyDescription"))) {
			assertThat(results.stream().toList())
				.extracting((match) -> match.getString("StudyInstanceUID"),
						(match) -> match.getString("StudyDescription"))
				.containsExactly(tuple(SampleArchive.KNEE.uid(), "MR KNEE"));
		}
	}

	@Test
	void findDecodesIdentifiersInTheAcceptedBigEndianTransferSyntax() throws Exception {
		try (Association association = open(
				PresentationContext.of("StudyRootQueryRetrieveInformationModelFind", "ExplicitVRBigEndian"));
				FindResults results = FindScu.find(association,
						Query.studyRoot(QueryLevel.STUDY)
							.match("StudyInstanceUID", SampleArchive.KNEE.uid())
							.returnKey("PatientName", "StudyDate"))) {
			assertThat(association.getNegotiatedContexts().get(0).transferSyntax())
				.isEqualTo(Uid.EXPLICIT_VR_BIG_ENDIAN);
			assertThat(results.stream().toList())
				.extracting((match) -> match.getString("PatientName"), (match) -> match.getString("StudyDate"))
				.containsExactly(tuple("ROE^JANE", "20230505"));
		}
	}

	@Test
	void closingAfterTheFirstMatchCancelsAndKeepsTheAssociationUsable() throws Exception {
		try (Association association = open(PresentationContext.of("StudyRootQueryRetrieveInformationModelFind"),
				PresentationContext.of("Verification"))) {
			FindResults results = FindScu.find(association, Query.studyRoot(QueryLevel.STUDY));
			try (Stream<DataSet> matches = results.stream()) {
				assertThat(matches.findFirst()).isPresent();
			}
			assertThat(results.isCancelled()).isTrue();
			assertThat(results.isComplete()).isTrue();
			assertThat(results.getStatus()).isIn(Status.CANCEL, Status.SUCCESS);
			assertThat(association.echo()).isEqualTo(Status.SUCCESS);
			try (FindResults studies = FindScu.find(association, Query.studyRoot(QueryLevel.STUDY))) {
				assertThat(studies.stream().count()).isEqualTo(3);
			}
		}
	}

	@Test
	void findWithALimitCancelsWhenTheLimitIsReached() throws Exception {
		try (Association association = open(PresentationContext.of("PatientRootQueryRetrieveInformationModelFind"))) {
			try (FindResults results = FindScu.find(association,
					Query.patientRoot(QueryLevel.IMAGE)
						.match("PatientID", "PAT002")
						.match("StudyInstanceUID", SampleArchive.KNEE.uid())
						.match("SeriesInstanceUID", SampleArchive.KNEE_SAGITTAL.uid()),
					Priority.LOW, 2)) {
				assertThat(results.stream().toList()).hasSize(2);
				assertThat(results.isCancelled()).isTrue();
			}
			try (FindResults studies = FindScu.find(association,
					Query.patientRoot(QueryLevel.STUDY).match("PatientID", "PAT001"))) {
				assertThat(studies.stream().count()).isEqualTo(2);
			}
		}
	}

	@Test
	void moveStudyToOurScp() throws Exception {
		List<RetrieveProgress> progress = new ArrayList<>();
		try (Association association = open(PresentationContext.of("StudyRootQueryRetrieveInformationModelMove"))) {
			RetrieveResult result = MoveScu.move(association, QueryRetrieveModel.STUDY_ROOT,
					Query.studyRoot(QueryLevel.STUDY)
						.match("StudyInstanceUID", SampleArchive.HEAD.uid())
						.toIdentifier(),
					OUR_AE_TITLE, Priority.MEDIUM, progress::add);
			assertThat(result.status()).isEqualTo(Status.SUCCESS);
			assertThat(result.completed()).isEqualTo(3);
			assertThat(result.failed()).isZero();
			assertThat(result.failedSopInstanceUids()).isEmpty();
		}
		List<Image> expected = new ArrayList<>(SampleArchive.HEAD_AXIAL.images());
		expected.addAll(SampleArchive.HEAD_CORONAL.images());
		assertThat(ourScp.received()).containsOnlyKeys(expected.stream().map(Image::sopInstanceUid).toList());
		for (Image image : expected) {
			DataSet dataSet = ourScp.received().get(image.sopInstanceUid());
			assertThat(dataSet.getString("PatientName")).isEqualTo("DOE^JOHN");
			assertThat(dataSet.getBytes("PixelData")).isEqualTo(image.dataSet().getBytes("PixelData"));
		}
		assertThat(progress).isNotEmpty()
			.allSatisfy((step) -> assertThat(step.remaining() + step.completed() + step.failed() + step.warning())
				.isEqualTo(3));
		assertThat(progress.get(progress.size() - 1).completed()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void moveImageToTheEngineStorageScp() throws Exception {
		Image image = SampleArchive.CHEST_AXIAL.images().get(0);
		try (Association association = open(PresentationContext.of("PatientRootQueryRetrieveInformationModelMove"))) {
			RetrieveResult result = MoveScu.move(association,
					Query.patientRoot(QueryLevel.IMAGE)
						.match("PatientID", SampleArchive.DOE.id())
						.match("StudyInstanceUID", SampleArchive.CHEST.uid())
						.match("SeriesInstanceUID", SampleArchive.CHEST_AXIAL.uid())
						.match("SOPInstanceUID", image.sopInstanceUid()),
					ENGINE_AE_TITLE);
			assertThat(result.isSuccess()).isTrue();
			assertThat(result.completed()).isEqualTo(1);
		}
		DicomFile file = DicomFile.read(directory.resolve("engine").resolve(image.sopInstanceUid() + ".dcm"));
		assertThat(file.dataSet().getString("StudyDescription")).isEqualTo("CT CHEST");
		assertThat(file.dataSet().getBytes("PixelData")).isEqualTo(image.dataSet().getBytes("PixelData"));
	}

	@Test
	void moveSeriesToStorescp() throws Exception {
		Series series = SampleArchive.KNEE_SAGITTAL;
		try (Association association = open(PresentationContext.of("PatientRootQueryRetrieveInformationModelMove"))) {
			RetrieveResult result = MoveScu.move(association,
					Query.patientRoot(QueryLevel.SERIES)
						.match("PatientID", series.study().patient().id())
						.match("StudyInstanceUID", series.study().uid())
						.match("SeriesInstanceUID", series.uid()),
					STORESCP_AE_TITLE);
			assertThat(result.isSuccess()).isTrue();
			assertThat(result.completed()).isEqualTo(3);
		}
		try (Stream<Path> files = Files.list(directory.resolve("storescp"))) {
			List<String> names = files.map((file) -> file.getFileName().toString()).toList();
			for (Image image : series.images()) {
				assertThat(names).anyMatch((name) -> name.endsWith(image.sopInstanceUid()));
			}
		}
	}

	@Test
	void moveToAnUnknownDestinationIsATypedError() throws Exception {
		try (Association association = open(PresentationContext.of("StudyRootQueryRetrieveInformationModelMove"),
				PresentationContext.of("Verification"))) {
			MoveDestinationUnknownException ex = catchThrowableOfType(MoveDestinationUnknownException.class,
					() -> MoveScu.move(association,
							Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", SampleArchive.KNEE.uid()),
							"NOWHERE"));
			assertThat(ex.getStatus()).isEqualTo(Status.MOVE_DESTINATION_UNKNOWN);
			assertThat(ex.getDestination()).isEqualTo("NOWHERE");
			assertThat(ex.getMeaning()).isEqualTo("Refused: Move Destination unknown");
			assertThat(ex.getMessage()).contains("'NOWHERE' is unknown to the peer").contains("0xA801");
			assertThat(association.echo()).isEqualTo(Status.SUCCESS);
		}
	}

	@Test
	void cancelAMoveWhileItRuns() throws Exception {
		ourScp.delay(Duration.ofMillis(300));
		AtomicBoolean cancel = new AtomicBoolean();
		try (Association association = open(PresentationContext.of("StudyRootQueryRetrieveInformationModelMove"),
				PresentationContext.of("Verification"))) {
			RetrieveResult result = MoveScu.move(association, QueryRetrieveModel.STUDY_ROOT,
					Query.studyRoot(QueryLevel.SERIES)
						.match("StudyInstanceUID", SampleArchive.KNEE.uid())
						.match("SeriesInstanceUID", SampleArchive.KNEE_SAGITTAL.uid())
						.toIdentifier(),
					OUR_AE_TITLE, Priority.MEDIUM, (progress) -> cancel.set(true), cancel::get);
			assertThat(result.isCancelled()).isTrue();
			assertThat(result.completed()).isBetween(1, 2);
			assertThat(result.remaining()).isEqualTo(3 - result.completed());
			assertThat(association.echo()).isEqualTo(Status.SUCCESS);
		}
		assertThat(ourScp.received()).hasSizeLessThan(3);
	}

	@Test
	void getSeriesIntoADirectory() throws Exception {
		Series series = SampleArchive.HEAD_AXIAL;
		List<RetrieveProgress> progress = new ArrayList<>();
		List<PresentationContext> contexts = GetScu.presentationContexts(QueryRetrieveModel.STUDY_ROOT,
				List.of("CTImageStorage", "MRImageStorage"));
		try (Association association = open(contexts)) {
			RetrieveResult result = GetScu.get(association, QueryRetrieveModel.STUDY_ROOT,
					Query.studyRoot(QueryLevel.SERIES)
						.match("StudyInstanceUID", series.study().uid())
						.match("SeriesInstanceUID", series.uid())
						.toIdentifier(),
					Priority.MEDIUM, StoreReceiver.toDirectory(this.received), progress::add);
			assertThat(result.isSuccess()).isTrue();
			assertThat(result.completed()).isEqualTo(2);
		}
		for (Image image : series.images()) {
			DicomFile file = DicomFile.read(this.received.resolve(image.sopInstanceUid() + ".dcm"));
			assertThat(file.fileMeta().getString("MediaStorageSOPInstanceUID")).isEqualTo(image.sopInstanceUid());
			assertThat(file.fileMeta().getString("SourceApplicationEntityTitle")).isEqualTo(DcmqrscpArchive.AE_TITLE);
			assertThat(file.dataSet().getString("SOPInstanceUID")).isEqualTo(image.sopInstanceUid());
			assertThat(file.dataSet().getString("SeriesInstanceUID")).isEqualTo(series.uid());
			assertThat(file.dataSet().getBytes("PixelData")).isEqualTo(image.dataSet().getBytes("PixelData"));
		}
		try (Stream<Path> files = Files.list(this.received)) {
			assertThat(files).hasSize(2);
		}
		assertThat(progress).isNotEmpty();
	}

	@Test
	void getWithACallbackReceiverOfAStudyInPatientRoot() throws Exception {
		List<String> instances = new ArrayList<>();
		try (Association association = open(
				GetScu.presentationContexts(QueryRetrieveModel.PATIENT_ROOT, List.of("MRImageStorage")))) {
			RetrieveResult result = GetScu.get(association,
					Query.patientRoot(QueryLevel.STUDY)
						.match("PatientID", "PAT002")
						.match("StudyInstanceUID", SampleArchive.KNEE.uid()),
					(instance) -> {
						DataSet dataSet = instance.readDataSet();
						instances.add(dataSet.getString("SOPInstanceUID") + " " + dataSet.getString("InstanceNumber"));
						return Status.SUCCESS;
					});
			assertThat(result.isSuccess()).isTrue();
		}
		String series = SampleArchive.KNEE_SAGITTAL.uid();
		assertThat(instances).containsExactlyInAnyOrder(series + ".1 1", series + ".2 2", series + ".3 3");
	}

	@Test
	void getOfInstancesWithoutAStorageContextReportsTheFailedInstances() throws Exception {
		try (Association association = open(
				GetScu.presentationContexts(QueryRetrieveModel.STUDY_ROOT, List.of("CTImageStorage")))) {
			RetrieveFailedException ex = catchThrowableOfType(RetrieveFailedException.class,
					() -> GetScu.get(association,
							Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", SampleArchive.KNEE.uid()),
							StoreReceiver.toDirectory(this.received)));
			assertThat(ex.getStatus()).isEqualTo(Status.OUT_OF_RESOURCES_SUB_OPERATIONS);
			assertThat(ex.getResult().failed()).isEqualTo(3);
			assertThat(ex.getResult().failedSopInstanceUids()).containsExactlyInAnyOrderElementsOf(
					SampleArchive.KNEE_SAGITTAL.images().stream().map(Image::sopInstanceUid).toList());
			assertThat(ex.getMessage()).contains("0 completed, 3 failed");
		}
		try (Stream<Path> files = Files.list(this.received)) {
			assertThat(files).isEmpty();
		}
	}

	private static Association open(PresentationContext... contexts) throws Exception {
		return open(List.of(contexts));
	}

	private static Association open(List<PresentationContext> contexts) throws Exception {
		return Association.request(archive.request().contexts(contexts).build());
	}

}
