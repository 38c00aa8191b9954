package io.github.dicomscu.scu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.VR;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.storage.StoreOutcome;
import io.github.dicomscu.net.storage.StoreResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AeTemplate} against DCMTK's {@code storescp}, proposing Storage and
 * Verification (121 contexts) for C-ECHO, and contexts derived from the instances for
 * C-STORE: what {@code storescp} wrote equals what was sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class AeTemplateDcmtkTests {

	@TempDir
	static Path storage;

	@TempDir
	Path temp;

	private static DcmtkPeer storescp;

	@BeforeAll
	static void startStorescp() {
		storescp = DcmtkPeer.startServer("storescp", "--aetitle", "STORESCP", "--output-directory", storage.toString());
	}

	@AfterAll
	static void stopStorescp() {
		if (storescp != null) {
			storescp.close();
		}
	}

	@Test
	void echoWithStorageAndVerificationProposed(CapturedOutput output) {
		AeTemplate template = template();
		EchoResult result = template.echo("storescp");
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.statusText()).isEqualTo("Success");
		assertThat(result.implementationVersionName()).startsWith("OFFIS_DCMTK");
		assertThat(result.implementationClassUid()).startsWith("1.2.276.0.7230010.3");
		assertThat(output).containsPattern("Association with remote 'storescp' \\(STORESCP@127\\.0\\.0\\.1:"
				+ storescp.port() + "\\): \\d+ of 121 presentation contexts accepted, \\d+ rejected");
	}

	@Test
	void executeSeesTheNegotiationOfEveryProposedContext() {
		List<NegotiatedContext> negotiated = template().execute("storescp",
				(association) -> association.getNegotiatedContexts());
		assertThat(negotiated).hasSize(121);
		assertThat(negotiated.get(0).id()).isEqualTo(1);
		assertThat(negotiated.get(120).id()).isEqualTo(241);
		assertThat(negotiated.get(120).isAccepted()).isTrue();
		assertThat(negotiated.stream().filter(NegotiatedContext::isAccepted).count()).isGreaterThan(100);
	}

	@Test
	void storeOfAFileArrivesUnchanged(CapturedOutput output) throws IOException {
		Path file = this.temp.resolve("ct.dcm");
		DicomFile.write(file, ct("1.2.826.0.1.3680043.10.1.1"), "ExplicitVRLittleEndian");
		StoreResult result = template().store("storescp", file);
		assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
		assertThat(result.status()).isZero();
		assertThat(output).contains("1 of 1 presentation contexts accepted");
		assertThat(arrived("1.2.826.0.1.3680043.10.1.1").dataSet()).isEqualTo(DicomFile.read(file).dataSet());
	}

	@Test
	void storeOfADataSetArrivesUnchanged() throws IOException {
		DataSet dataSet = ct("1.2.826.0.1.3680043.10.1.2");
		StoreResult result = template().store("storescp", dataSet);
		assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
		Path sent = this.temp.resolve("sent.dcm");
		DicomFile.write(sent, dataSet, result.transferSyntaxUid());
		assertThat(arrived("1.2.826.0.1.3680043.10.1.2").dataSet()).isEqualTo(DicomFile.read(sent).dataSet());
	}

	@Test
	void storeAllSendsEveryFileInOrder() throws IOException {
		List<Path> files = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			Path file = this.temp.resolve("ct" + i + ".dcm");
			DicomFile.write(file, ct("1.2.826.0.1.3680043.10.2." + i), "ExplicitVRLittleEndian");
			files.add(file);
		}
		List<StoreResult> results = template().storeAll("storescp", files);
		assertThat(results).extracting(StoreResult::sopInstanceUid)
			.containsExactly("1.2.826.0.1.3680043.10.2.1", "1.2.826.0.1.3680043.10.2.2", "1.2.826.0.1.3680043.10.2.3");
		assertThat(results).extracting(StoreResult::outcome).containsOnly(StoreOutcome.SUCCESS);
		for (int i = 1; i <= 3; i++) {
			assertThat(arrived("1.2.826.0.1.3680043.10.2." + i).dataSet())
				.isEqualTo(DicomFile.read(files.get(i - 1)).dataSet());
		}
	}

	private static DicomFile arrived(String sopInstanceUid) throws IOException {
		try (Stream<Path> files = Files.list(storage)) {
			Path file = files.filter((candidate) -> candidate.getFileName().toString().endsWith(sopInstanceUid))
				.findFirst()
				.orElseThrow(() -> new AssertionError(
						"storescp wrote no file for " + sopInstanceUid + ":\n" + storescp.output()));
			return DicomFile.read(file);
		}
	}

	private static DataSet ct(String sopInstanceUid) {
		return new DataSet().setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.2")
			.setString("SOPInstanceUID", sopInstanceUid)
			.setString("StudyInstanceUID", "1.2.826.0.1.3680043.10.3")
			.setString("SeriesInstanceUID", "1.2.826.0.1.3680043.10.4")
			.setString("PatientName", "DOE^JOHN")
			.setString("PatientID", "PAT001")
			.setString("Modality", "CT")
			.setInt("SamplesPerPixel", 1)
			.setString("PhotometricInterpretation", "MONOCHROME2")
			.setInt("Rows", 2)
			.setInt("Columns", 2)
			.setInt("BitsAllocated", 16)
			.setInt("BitsStored", 12)
			.setInt("HighBit", 11)
			.setInt("PixelRepresentation", 0)
			.setBytes(0x7FE00010, VR.OW, new byte[] { 1, 0, 2, 0, 3, 0, 4, 0 });
	}

	private static AeTemplate template() {
		AeTemplate.Builder builder = AeTemplate.builder()
			.aeTitle("TESTSCU")
			.remote(new RemoteAe("storescp", "STORESCP", "127.0.0.1", storescp.port()));
		builder.requestedContexts().addAll(ContextSet.STORAGE).addAll(ContextSet.VERIFICATION);
		return builder.build();
	}

}
