package io.github.dicomscu.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.net.peer.DcmqrscpArchive;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.SampleArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the query ({@code /studies}, {@code /series}, {@code /instances}) and
 * retrieve ({@code /move}, {@code /get}) endpoints against DCMTK's {@code dcmqrscp} as
 * the remote {@code pacs}, loaded with the {@link SampleArchive}; moves go to the
 * auto-configured local storage SCP.
 */
@SpringBootTest(properties = { "dicom.scu.storage-scp.ae-title=" + QueryRetrieveControllerTests.STORAGE_SCP_AE_TITLE,
		"sample.query.max-limit=" + QueryRetrieveControllerTests.MAX_LIMIT })
@AutoConfigureMockMvc
class QueryRetrieveControllerTests {

	static final String STORAGE_SCP_AE_TITLE = "MOVESCP";

	/**
	 * Below the three studies of the archive, to show the cap; the largest series queried
	 * has two images.
	 */
	static final int MAX_LIMIT = 2;

	private static final int STORAGE_SCP_PORT = DcmtkPeer.freePort();

	/** A move destination the archive knows, where nothing listens. */
	private static final String GONE_AE_TITLE = "GONE";

	private static final MediaType DICOM_JSON = MediaType.parseMediaType("application/dicom+json");

	@TempDir
	static Path directory;

	private static DcmqrscpArchive archive;

	@Autowired
	private MockMvcTester mvc;

	@BeforeAll
	static void startArchive() throws IOException {
		archive = DcmqrscpArchive.start(directory.resolve("archive"),
				Map.of(STORAGE_SCP_AE_TITLE, STORAGE_SCP_PORT, GONE_AE_TITLE, DcmtkPeer.freePort()));
	}

	@AfterAll
	static void stopArchive() {
		if (archive != null) {
			archive.close();
		}
	}

	@DynamicPropertySource
	static void archiveRemote(DynamicPropertyRegistry registry) {
		registry.add("dicom.scu.remotes.pacs.host", () -> "127.0.0.1");
		registry.add("dicom.scu.remotes.pacs.port", () -> archive.port());
		registry.add("dicom.scu.remotes.pacs.ae-title", () -> DcmqrscpArchive.AE_TITLE);
		registry.add("dicom.scu.storage-scp.port", () -> STORAGE_SCP_PORT);
		registry.add("dicom.scu.storage-scp.directory", () -> directory.resolve("moved").toString());
		registry.add("sample.retrieve.directory", () -> directory.resolve("retrieved").toString());
	}

	@Test
	void studiesOfAPatientAsDicomJson() {
		assertThat(this.mvc.get().uri("/api/remotes/pacs/studies?PatientID=PAT002")).hasStatusOk()
			.hasContentType(DICOM_JSON)
			.bodyJson()
			.isStrictlyEqualTo("""
					[{"00080020":{"vr":"DA","Value":["20230505"]},
					"00080030":{"vr":"TM","Value":["101500"]},
					"00080050":{"vr":"SH","Value":["ACC003"]},
					"00080052":{"vr":"CS","Value":["STUDY"]},
					"00080054":{"vr":"AE","Value":["QRSCP"]},
					"00081030":{"vr":"LO","Value":["MR KNEE"]},
					"00100010":{"vr":"PN","Value":[{"Alphabetic":"ROE^JANE"}]},
					"00100020":{"vr":"LO","Value":["PAT002"]},
					"0020000D":{"vr":"UI","Value":["%s"]}}]
					""".formatted(SampleArchive.KNEE.uid()));
	}

	@Test
	void studiesInADateRange() {
		assertThat(this.mvc.get().uri("/api/remotes/pacs/studies?StudyDate=20240201-")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*]['0020000D'].Value[0]")
			.asArray()
			.containsExactly(SampleArchive.CHEST.uid());
	}

	@Test
	void studiesUpToALimit() {
		assertThat(this.mvc.get().uri("/api/remotes/pacs/studies?limit=1")).hasStatusOk()
			.bodyJson()
			.extractingPath("$")
			.asArray()
			.hasSize(1);
		for (String uri : new String[] { "/api/remotes/pacs/studies", "/api/remotes/pacs/studies?limit=0",
				"/api/remotes/pacs/studies?limit=3" }) {
			assertThat(this.mvc.get().uri(uri)).hasStatusOk()
				.bodyJson()
				.extractingPath("$[*]['0020000D'].Value[0]")
				.asArray()
				.hasSize(MAX_LIMIT)
				.isSubsetOf(SampleArchive.HEAD.uid(), SampleArchive.CHEST.uid(), SampleArchive.KNEE.uid());
		}
	}

	@Test
	void nonAsciiPatientNameIsSentInUtf8() {
		assertThat(this.mvc.get().uri("/api/remotes/pacs/studies?PatientName={name}", "M\u00fcller*")).hasStatusOk()
			.hasContentType(DICOM_JSON)
			.bodyJson()
			.isStrictlyEqualTo("[]");
	}

	@Test
	void seriesOfAStudy() {
		assertThat(this.mvc.get().uri("/api/remotes/pacs/studies/{study}/series", SampleArchive.HEAD.uid()))
			.hasStatusOk()
			.hasContentType(DICOM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					[{"00080052":{"vr":"CS","Value":["SERIES"]},
					"00080060":{"vr":"CS","Value":["CT"]},
					"0020000D":{"vr":"UI","Value":["%1$s"]},
					"0020000E":{"vr":"UI","Value":["%2$s"]},
					"00200011":{"vr":"IS","Value":[1]}},
					{"00080052":{"vr":"CS","Value":["SERIES"]},
					"00080060":{"vr":"CS","Value":["CT"]},
					"0020000D":{"vr":"UI","Value":["%1$s"]},
					"0020000E":{"vr":"UI","Value":["%3$s"]},
					"00200011":{"vr":"IS","Value":[2]}}]
					""".formatted(SampleArchive.HEAD.uid(), SampleArchive.HEAD_AXIAL.uid(),
					SampleArchive.HEAD_CORONAL.uid()));
	}

	@Test
	void instancesOfASeries() {
		SampleArchive.Series series = SampleArchive.HEAD_AXIAL;
		assertThat(this.mvc.get()
			.uri("/api/remotes/pacs/studies/{study}/series/{series}/instances", series.study().uid(), series.uid()))
			.hasStatusOk()
			.hasContentType(DICOM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					[{"00080018":{"vr":"UI","Value":["%s"]},
					"00080052":{"vr":"CS","Value":["IMAGE"]},
					"0020000E":{"vr":"UI","Value":["%s"]},
					"00200013":{"vr":"IS","Value":[1]}},
					{"00080018":{"vr":"UI","Value":["%s"]},
					"00200013":{"vr":"IS","Value":[2]}}]
					""".formatted(series.image(1).sopInstanceUid(), series.uid(), series.image(2).sopInstanceUid()));
	}

	@Test
	void moveAStudyToTheLocalStorageScp() throws IOException {
		SampleArchive.Study study = SampleArchive.HEAD;
		assertThat(this.mvc.post().uri("/api/remotes/pacs/move").contentType(MediaType.APPLICATION_JSON).content("""
				{"level":"STUDY","studyInstanceUid":"%s"}
				""".formatted(study.uid()))).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"status":0,"statusText":"Sub-operations complete, no failures or warnings","completed":3,
					"failed":0,"warning":0,"remaining":0,"failedSopInstanceUids":[]}
				""");
		assertArrived(directory.resolve("moved"), SampleArchive.HEAD_AXIAL, 1, 2);
		assertArrived(directory.resolve("moved"), SampleArchive.HEAD_CORONAL, 1);
	}

	@Test
	void moveToAnUnknownDestinationIsBadGatewayProblem() {
		assertThat(this.mvc.post().uri("/api/remotes/pacs/move").contentType(MediaType.APPLICATION_JSON).content("""
				{"level":"SERIES","studyInstanceUid":"%s","seriesInstanceUid":"%s","destination":"NOWHERE"}
				""".formatted(SampleArchive.KNEE.uid(), SampleArchive.KNEE_SAGITTAL.uid())))
			.hasStatus(HttpStatus.BAD_GATEWAY)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> status.assertThat().isEqualTo(502))
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.asString()
						.contains("0xA801 (Failure: Refused: Move Destination unknown)"))
			.hasPathSatisfying("$.remote", (remote) -> remote.assertThat().isEqualTo("pacs"))
			.hasPathSatisfying("$.dimseStatus", (status) -> status.assertThat().isEqualTo(0xA801))
			.hasPathSatisfying("$.dimseStatusMeaning",
					(meaning) -> meaning.assertThat().isEqualTo("Refused: Move Destination unknown"));
	}

	@Test
	void moveToADestinationThatDoesNotListenIsBadGatewayProblemWithTheCounts() {
		SampleArchive.Series series = SampleArchive.KNEE_SAGITTAL;
		assertThat(this.mvc.post().uri("/api/remotes/pacs/move").contentType(MediaType.APPLICATION_JSON).content("""
				{"level":"SERIES","studyInstanceUid":"%s","seriesInstanceUid":"%s","destination":"%s"}
				""".formatted(series.study().uid(), series.uid(), GONE_AE_TITLE))).hasStatus(HttpStatus.BAD_GATEWAY)
			.bodyJson()
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Retrieve failed"))
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("RetrieveFailedException"))
			.hasPathSatisfying("$.completed", (completed) -> completed.assertThat().isEqualTo(0))
			.hasPathSatisfying("$.failed", (failed) -> failed.assertThat().isEqualTo(3));
	}

	@Test
	void getASeriesIntoTheRetrieveDirectory() throws IOException {
		SampleArchive.Series series = SampleArchive.KNEE_SAGITTAL;
		assertThat(this.mvc.post().uri("/api/remotes/pacs/get").contentType(MediaType.APPLICATION_JSON).content("""
				{"level":"SERIES","studyInstanceUid":"%s","seriesInstanceUid":"%s"}
				""".formatted(series.study().uid(), series.uid()))).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"status":0,"statusText":"Sub-operations complete, no failures or warnings","completed":3,
					"failed":0,"warning":0,"remaining":0,"failedSopInstanceUids":[]}
				""");
		assertArrived(directory.resolve("retrieved"), series, 1, 2, 3);
	}

	@Test
	void getAnImage() throws IOException {
		SampleArchive.Series series = SampleArchive.HEAD_CORONAL;
		assertThat(this.mvc.post().uri("/api/remotes/pacs/get").contentType(MediaType.APPLICATION_JSON).content("""
				{"level":"image","studyInstanceUid":"%s","seriesInstanceUid":"%s","sopInstanceUid":"%s"}
				""".formatted(series.study().uid(), series.uid(), series.image(1).sopInstanceUid()))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.completed", (completed) -> completed.assertThat().isEqualTo(1));
		assertArrived(directory.resolve("retrieved"), series, 1);
	}

	private static void assertArrived(Path directory, SampleArchive.Series series, int... numbers) throws IOException {
		for (int number : numbers) {
			SampleArchive.Image image = series.image(number);
			Path file = directory.resolve(image.sopInstanceUid() + ".dcm");
			assertThat(DicomFile.read(file).dataSet()).isEqualTo(image.dataSet());
		}
	}

}
