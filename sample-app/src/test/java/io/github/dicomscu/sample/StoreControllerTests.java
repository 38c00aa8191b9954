package io.github.dicomscu.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.net.peer.SampleArchive;
import io.github.dicomscu.net.peer.SampleArchive.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code POST /api/remotes/{name}/store} against the sample's storage SCP
 * ({@code local}), which stores what it receives into a temporary directory.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FreeStorageScpPortConfiguration.class)
class StoreControllerTests {

	private static final String APPLICATION_DICOM = "application/dicom";

	@TempDir
	static Path received;

	@Autowired
	private MockMvcTester mvc;

	@DynamicPropertySource
	static void storageScpDirectory(DynamicPropertyRegistry registry) {
		registry.add("dicom.scu.storage-scp.directory", () -> received.toString());
	}

	@Test
	void storeOneFileAsApplicationDicom() throws IOException {
		Image image = SampleArchive.HEAD_AXIAL.image(1);
		assertThat(this.mvc.post()
			.uri("/api/remotes/local/store")
			.contentType(APPLICATION_DICOM)
			.content(image.fileBytes())).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("""
					{"results":[{"sopInstanceUid":"%s","sopClassUid":"%s","transferSyntaxUid":"1.2.840.10008.1.2.1",
					"status":0,"statusText":"Success","outcome":"SUCCESS","errorComment":null,"detail":null,
					"part":null,"fileName":null}],"stored":1,"failed":0}
					""".formatted(image.sopInstanceUid(), SampleArchive.CT_IMAGE_STORAGE));
		assertThat(DicomFile.read(received.resolve(image.sopInstanceUid() + ".dcm")).dataSet())
			.isEqualTo(image.dataSet());
	}

	@Test
	void storeTwoFilesAsMultipart() throws IOException {
		Image ct = SampleArchive.HEAD_CORONAL.image(1);
		Image mr = SampleArchive.KNEE_SAGITTAL.image(2);
		assertThat(this.mvc.post()
			.uri("/api/remotes/local/store")
			.multipart()
			.file(part("file", "ct.dcm", ct))
			.file(part("other", "mr.dcm", mr))).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"results":[
					{"sopInstanceUid":"%s","sopClassUid":"%s","status":0,"statusText":"Success","outcome":"SUCCESS",
					"part":"file","fileName":"ct.dcm"},
					{"sopInstanceUid":"%s","sopClassUid":"%s","status":0,"statusText":"Success","outcome":"SUCCESS",
					"part":"other","fileName":"mr.dcm"}],
					"stored":2,"failed":0}
					""".formatted(ct.sopInstanceUid(), SampleArchive.CT_IMAGE_STORAGE, mr.sopInstanceUid(),
					SampleArchive.MR_IMAGE_STORAGE));
		assertThat(DicomFile.read(received.resolve(ct.sopInstanceUid() + ".dcm")).dataSet()).isEqualTo(ct.dataSet());
		assertThat(DicomFile.read(received.resolve(mr.sopInstanceUid() + ".dcm")).dataSet()).isEqualTo(mr.dataSet());
	}

	@Test
	void storeABodyThatIsNotDicomIsBadRequestNamingTheOffset() {
		assertThat(this.mvc.post()
			.uri("/api/remotes/local/store")
			.contentType(APPLICATION_DICOM)
			.content(("%PDF-1.7\n" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Not a DICOM file"))
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.isEqualTo("The request body is not a DICOM Part 10 file: at byte 128: \"DICM\" prefix "
								+ "expected, found bytes 0x78 0x78 0x78 0x78"))
			.hasPathSatisfying("$.offset", (offset) -> offset.assertThat().isEqualTo(128));
	}

	@Test
	void storeAShortBodyIsBadRequestNamingTheEnd() {
		assertThat(this.mvc.post()
			.uri("/api/remotes/local/store")
			.contentType(APPLICATION_DICOM)
			.content("hello".getBytes(StandardCharsets.US_ASCII))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.detail", (detail) -> detail.assertThat().asString().contains("at byte 5"))
			.hasPathSatisfying("$.offset", (offset) -> offset.assertThat().isEqualTo(5));
	}

	@Test
	void storeATruncatedFileIsBadRequestNamingTheOffsetAndSendsNothing() {
		Image ct = SampleArchive.HEAD_AXIAL.image(3);
		byte[] whole = ct.fileBytes();
		byte[] truncated = Arrays.copyOf(whole, whole.length - 1);
		assertThat(this.mvc.post().uri("/api/remotes/local/store").contentType(APPLICATION_DICOM).content(truncated))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Not a DICOM file"))
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.asString()
						.startsWith("The request body is not a DICOM Part 10 file: at byte "))
			.hasPathSatisfying("$.detail", (detail) -> detail.assertThat().asString().doesNotContain("/tmp"));
		assertThat(received.resolve(ct.sopInstanceUid() + ".dcm")).doesNotExist();
	}

	@Test
	void storeMultipartWithAGoodFileThenOneThatIsNotDicomStoresTheGoodOneAndNamesTheOther() {
		Image ct = SampleArchive.HEAD_AXIAL.image(2);
		assertThat(this.mvc.post()
			.uri("/api/remotes/local/store")
			.multipart()
			.file(part("files", "ct.dcm", ct))
			.file(new MockMultipartFile("files", "notes.txt", "text/plain",
					"not DICOM".getBytes(StandardCharsets.US_ASCII))))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.results[0].outcome", (outcome) -> outcome.assertThat().isEqualTo("SUCCESS"))
			.hasPathSatisfying("$.results[0].fileName", (name) -> name.assertThat().isEqualTo("ct.dcm"))
			.hasPathSatisfying("$.results[1].outcome", (outcome) -> outcome.assertThat().isEqualTo("NOT_SENT"))
			.hasPathSatisfying("$.results[1].part", (part) -> part.assertThat().isEqualTo("files"))
			.hasPathSatisfying("$.results[1].fileName", (name) -> name.assertThat().isEqualTo("notes.txt"))
			.hasPathSatisfying("$.results[1].detail",
					(detail) -> detail.assertThat()
						.asString()
						.startsWith("The part 'files' (notes.txt) is not a DICOM Part 10 file: at byte 9: ")
						.doesNotContain("/tmp"))
			.hasPathSatisfying("$.stored", (stored) -> stored.assertThat().isEqualTo(1))
			.hasPathSatisfying("$.failed", (failed) -> failed.assertThat().isEqualTo(1));
		assertThat(received.resolve(ct.sopInstanceUid() + ".dcm")).exists();
	}

	@Test
	void storeMultipartWhereNoFileIsDicomSendsNothing() {
		Image ct = SampleArchive.HEAD_AXIAL.image(4);
		byte[] whole = ct.fileBytes();
		assertThat(this.mvc.post()
			.uri("/api/remotes/local/store")
			.multipart()
			.file(new MockMultipartFile("files", "ct.dcm", APPLICATION_DICOM, Arrays.copyOf(whole, whole.length - 1))))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.results[0].outcome", (outcome) -> outcome.assertThat().isEqualTo("NOT_SENT"))
			.hasPathSatisfying("$.stored", (stored) -> stored.assertThat().isEqualTo(0));
		assertThat(received.resolve(ct.sopInstanceUid() + ".dcm")).doesNotExist();
	}

	@Test
	void storeMultipartWithoutFilesIsBadRequest() {
		assertThat(this.mvc.post().uri("/api/remotes/local/store").multipart().param("note", "nothing"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("No DICOM files"));
	}

	@Test
	void storeToAnUnknownRemoteIsNotFound() {
		assertThat(this.mvc.post()
			.uri("/api/remotes/nope/store")
			.contentType(APPLICATION_DICOM)
			.content(SampleArchive.HEAD_AXIAL.image(1).fileBytes())).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("UnknownRemoteException"));
	}

	private static MockMultipartFile part(String name, String fileName, Image image) {
		return new MockMultipartFile(name, fileName, APPLICATION_DICOM, image.fileBytes());
	}

}
