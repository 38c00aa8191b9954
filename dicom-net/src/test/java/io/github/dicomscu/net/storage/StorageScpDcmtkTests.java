package io.github.dicomscu.net.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomFileHeader;
import io.github.dicomscu.data.FileMetaInformation;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.scp.DicomScp;

import static io.github.dicomscu.net.storage.StoreRoundTripTests.dataSet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCMTK's {@code storescu} against our storage SCP: every instance arrives as a Part 10
 * file that {@code dcmftest} accepts, named by its SOP Instance UID, with the data set
 * equal to the one sent ({@code storescu} re-encodes uncompressed data sets in the syntax
 * it prefers, with sequences of defined length, so the bytes differ; the JPEG one stays
 * JPEG); a deflated one is inflated to its end before Success, and a UID of {@code .}
 * gets a failure and no file.
 */
class StorageScpDcmtkTests {

	private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

	@TempDir
	Path temp;

	@Test
	void instancesFromStorescuArriveAsEqualPartTenFiles() throws Exception {
		List<Path> uncompressed = new ArrayList<>();
		uncompressed.addAll(CtInstances.write(this.temp.resolve("el"), 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
		uncompressed.addAll(CtInstances.write(this.temp.resolve("il"), 1, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
		uncompressed.addAll(CtInstances.write(this.temp.resolve("eb"), 1, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN));
		Path jpeg = DcmtkStorageFixtures.jpegBaselineInstance(this.temp.resolve("jpeg"));
		Path received = this.temp.resolve("received");
		DicomScp.Builder builder = DicomScp.builder().aeTitle("OURSCP");
		try (DicomScp scp = StorageScp.toDirectory(received).addTo(builder).build().start()) {
			storescu(scp, List.of(), uncompressed);
			storescu(scp, List.of("--propose-jpeg8"), List.of(jpeg));
		}
		List<Path> sent = new ArrayList<>(uncompressed);
		sent.add(jpeg);
		Map<String, Path> arrived = DcmtkStorageFixtures.filesByInstanceUid(received);
		assertThat(arrived).hasSize(sent.size());
		for (Path file : sent) {
			DicomFileHeader header = DicomFile.readHeader(file);
			Path copy = received.resolve(header.sopInstanceUid() + ".dcm");
			assertThat(arrived).containsEntry(header.sopInstanceUid(), copy);
			DicomFileHeader copyHeader = DicomFile.readHeader(copy);
			assertThat(copyHeader.sopClassUid()).isEqualTo(header.sopClassUid());
			assertThat(copyHeader.fileMeta().getString("SourceApplicationEntityTitle")).isEqualTo("STORESCU");
			assertThat(copyHeader.fileMeta().getString("ImplementationClassUID"))
				.isEqualTo(FileMetaInformation.IMPLEMENTATION_CLASS_UID);
			assertThat(dataSet(copy)).isEqualTo(dataSet(file));
			DcmtkPeer.Result check = DcmtkPeer.run(Duration.ofSeconds(10), "dcmftest", copy.toString());
			assertThat(check.output()).startsWith("yes:");
		}
		assertThat(
				DicomFile.readHeader(arrived.get(DicomFile.readHeader(jpeg).sopInstanceUid())).transferSyntax().uid())
			.isEqualTo(JPEG_BASELINE);
	}

	@Test
	void aDeflatedInstanceFromStorescuIsInflatedToItsEndAndStoredAsSent() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		Path received = this.temp.resolve("received");
		DicomScp.Builder builder = DicomScp.builder().aeTitle("OURSCP");
		try (DicomScp scp = StorageScp.toDirectory(received).addTo(builder).build().start()) {
			storescu(scp, List.of("--propose-deflated"), List.of(file));
		}
		Path copy = received.resolve(DicomFile.readHeader(file).sopInstanceUid() + ".dcm");
		assertThat(DicomFile.readHeader(copy).transferSyntax())
			.isEqualTo(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		assertThat(dataSet(copy)).isEqualTo(dataSet(file));
		assertThat(DcmtkPeer.run(Duration.ofSeconds(10), "dcmftest", copy.toString()).output()).startsWith("yes:");
	}

	@Test
	void storescuIsAnsweredAFailureForAUidThatIsOnlyADotAndNoFileIsKept() throws Exception {
		Path file = this.temp.resolve("dot.dcm");
		DataSet dataSet = new DataSet().setString("SOPClassUID", CtInstances.CT_IMAGE_STORAGE)
			.setString("SOPInstanceUID", ".")
			.setString("PatientID", "7");
		DicomFile.write(file, dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
		Path received = this.temp.resolve("received");
		DicomScp.Builder builder = DicomScp.builder().aeTitle("OURSCP");
		DcmtkPeer.Result result;
		try (DicomScp scp = StorageScp.toDirectory(received).addTo(builder).build().start()) {
			result = DcmtkPeer.run(Duration.ofSeconds(30), "storescu", "-v", "-aec", "OURSCP", "127.0.0.1",
					Integer.toString(scp.getPort()), file.toString());
		}
		assertThat(result.output()).contains("Received Store Response (Error: CannotUnderstand)");
		assertThat(StoreRoundTripTests.listing(received)).isEmpty();
	}

	private static void storescu(DicomScp scp, List<String> options, List<Path> files) {
		List<String> arguments = new ArrayList<>(List.of("-aet", "STORESCU", "-aec", "OURSCP"));
		arguments.addAll(options);
		arguments.addAll(List.of("127.0.0.1", Integer.toString(scp.getPort())));
		files.forEach((file) -> arguments.add(file.toString()));
		DcmtkPeer.Result result = DcmtkPeer.run(Duration.ofSeconds(30), "storescu", arguments.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
