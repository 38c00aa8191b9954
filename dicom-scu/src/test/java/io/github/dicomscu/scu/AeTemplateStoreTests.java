package io.github.dicomscu.scu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.Fragments;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.VR;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.storage.StorageScp;
import io.github.dicomscu.net.storage.StoreOutcome;
import io.github.dicomscu.net.storage.StoreResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the C-STORE operations of {@link AeTemplate} against the engine's
 * {@link DicomScp} serving {@link StorageScp}, accepting CT Image Storage with every
 * transfer syntax of the storage SCP and Secondary Capture with Explicit VR Little Endian
 * only.
 */
@ExtendWith(OutputCaptureExtension.class)
class AeTemplateStoreTests {

	private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	private static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

	private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

	private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

	@TempDir
	Path temp;

	private Path received;

	private DicomScp scp;

	@BeforeEach
	void startScp() throws IOException {
		this.received = this.temp.resolve("received");
		this.scp = DicomScp.builder()
			.aeTitle("STORESCP")
			.accept("CTImageStorage", StorageScp.TRANSFER_SYNTAXES.toArray(String[]::new))
			.accept("SecondaryCaptureImageStorage", "ExplicitVRLittleEndian")
			.handler(CommandField.C_STORE_RQ, StorageScp.toDirectory(this.received))
			.build()
			.start();
	}

	@AfterEach
	void stopScp() {
		this.scp.stop();
	}

	@Test
	void storeAllReportsEveryFileInOrderOverOneAssociation(CapturedOutput output) throws IOException {
		Path ct1 = write("ct1", instance(CT_IMAGE_STORAGE, "1.2.826.0.1.1"));
		Path mr = write("mr", instance(MR_IMAGE_STORAGE, "1.2.826.0.1.2"));
		Path ct2 = write("ct2", instance(CT_IMAGE_STORAGE, "1.2.826.0.1.3"));
		Path missing = this.temp.resolve("missing.dcm");
		Path text = Files.writeString(this.temp.resolve("notes.txt"), "not DICOM");

		List<StoreResult> results = template().storeAll("storescp", List.of(ct1, mr, ct2, missing, text));

		assertThat(results).extracting(StoreResult::outcome)
			.containsExactly(StoreOutcome.SUCCESS, StoreOutcome.NOT_SENT, StoreOutcome.SUCCESS, StoreOutcome.NOT_SENT,
					StoreOutcome.NOT_SENT);
		assertThat(results).extracting(StoreResult::sopInstanceUid)
			.containsExactly("1.2.826.0.1.1", "1.2.826.0.1.2", "1.2.826.0.1.3", null, null);
		assertThat(results.get(0).transferSyntaxUid()).isEqualTo(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
		assertThat(results.get(0).statusText()).isEqualTo("Success");
		assertThat(results.get(1).detail()).contains("MR Image Storage");
		assertThat(results.get(3).detail()).startsWith("Cannot read " + missing);
		assertThat(results.get(4).detail()).startsWith("Cannot read " + text);
		assertThat(output).containsOnlyOnce("Association with remote 'storescp'")
			.contains("1 of 2 presentation contexts accepted, 1 rejected");
		assertArrived(ct1, "1.2.826.0.1.1");
		assertArrived(ct2, "1.2.826.0.1.3");
		assertThat(this.received.resolve("1.2.826.0.1.2.dcm")).doesNotExist();
	}

	@Test
	void storeOfAFileArrivesUnchanged() throws IOException {
		Path file = write("ct", instance(CT_IMAGE_STORAGE, "1.2.826.0.1.4"));
		StoreResult result = template().store("storescp", file);
		assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
		assertThat(result.isStored()).isTrue();
		assertArrived(file, "1.2.826.0.1.4");
	}

	@Test
	void storeOfADataSetArrivesUnchanged() throws IOException {
		DataSet dataSet = instance(CT_IMAGE_STORAGE, "1.2.826.0.1.5");
		StoreResult result = template().store("storescp", dataSet);
		assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
		assertThat(result.sopClassUid()).isEqualTo(CT_IMAGE_STORAGE);
		assertThat(result.transferSyntaxUid()).isEqualTo(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
		assertArrived(write("sent", dataSet), "1.2.826.0.1.5");
	}

	@Test
	void storeOfAnInstanceWhoseSopClassIsNotAcceptedIsATypedError() throws Exception {
		Path mr = write("mr", instance(MR_IMAGE_STORAGE, "1.2.826.0.1.6"));
		AeTemplate template = template();
		assertThatExceptionOfType(NoAcceptedContextException.class).isThrownBy(() -> template.store("storescp", mr))
			.withMessageStartingWith("remote 'storescp' (STORESCP@127.0.0.1:" + this.scp.getPort()
					+ "): No accepted presentation context for MR Image Storage")
			.satisfies((ex) -> {
				assertThat(ex.getAbstractSyntax()).isEqualTo(MR_IMAGE_STORAGE);
				assertThat(ex.getNegotiated()).singleElement()
					.satisfies((context) -> assertThat(context.isAccepted()).isFalse());
			});
		AeTemplateTests.awaitNoConnection(this.scp);
		assertThat(template.echo("storescp").isSuccess()).isTrue();
	}

	@Test
	void compressedInstanceWhoseTransferSyntaxIsRejectedIsATypedError() throws IOException {
		Path jpeg = jpegSecondaryCapture("1.2.826.0.1.7");
		assertThatExceptionOfType(TransferSyntaxNotAcceptedException.class)
			.isThrownBy(() -> template().store("storescp", jpeg))
			.withMessageContaining("JPEG Baseline (Process 1) (" + JPEG_BASELINE + ")")
			.withMessageContaining("accepted none of the transfer syntaxes proposed for Secondary Capture")
			.satisfies((ex) -> {
				assertThat(ex.getAbstractSyntax()).isEqualTo(SECONDARY_CAPTURE);
				assertThat(ex.getSopInstanceUid()).isEqualTo("1.2.826.0.1.7");
				assertThat(ex.getTransferSyntaxUid()).isEqualTo(JPEG_BASELINE);
				assertThat(ex.getAcceptedTransferSyntaxUids()).isEmpty();
			});
	}

	@Test
	void theRemotesOwnContextsAreProposedInsteadOfOnesDerivedFromTheInstances() throws IOException {
		AeTemplate.Builder builder = builder();
		builder.requestedContexts("storescp")
			.add("SecondaryCaptureImageStorage", "ExplicitVRLittleEndian")
			.add("CTImageStorage", "ImplicitVRLittleEndian");
		AeTemplate template = builder.build();
		Path jpeg = jpegSecondaryCapture("1.2.826.0.1.8");
		assertThatExceptionOfType(TransferSyntaxNotAcceptedException.class)
			.isThrownBy(() -> template.store("storescp", jpeg))
			.withMessageContaining("only with Explicit VR Little Endian (" + Uid.EXPLICIT_VR_LITTLE_ENDIAN + ")")
			.satisfies((ex) -> assertThat(ex.getAcceptedTransferSyntaxUids())
				.containsExactly(Uid.EXPLICIT_VR_LITTLE_ENDIAN));
		Path ct = write("ct", instance(CT_IMAGE_STORAGE, "1.2.826.0.1.9"));
		StoreResult converted = template.store("storescp", ct);
		assertThat(converted.outcome()).isEqualTo(StoreOutcome.SUCCESS);
		assertThat(converted.transferSyntaxUid()).isEqualTo(Uid.IMPLICIT_VR_LITTLE_ENDIAN);
		assertThat(DicomFile.read(this.received.resolve("1.2.826.0.1.9.dcm")).dataSet())
			.isEqualTo(DicomFile.read(ct).dataSet());
	}

	@Test
	void storeAllOfUnreadableFilesOpensNoAssociation(CapturedOutput output) {
		Path missing = this.temp.resolve("missing.dcm");
		List<StoreResult> results = template().storeAll("storescp", List.of(missing));
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo(StoreOutcome.NOT_SENT);
			assertThat(result.detail()).startsWith("Cannot read " + missing);
		});
		assertThat(output).doesNotContain("Association with remote");
	}

	@Test
	void storeOfAFileThatCannotBeReadFailsBeforeAnyAssociation(CapturedOutput output) throws IOException {
		Path text = Files.writeString(this.temp.resolve("notes.txt"), "not DICOM");
		AeTemplate template = template();
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> template.store("storescp", this.temp.resolve("missing.dcm")))
			.withCauseInstanceOf(NoSuchFileException.class);
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> template.store("storescp", text))
			.withCauseInstanceOf(DicomParseException.class);
		assertThat(output).doesNotContain("Association with remote");
	}

	@Test
	void storeToAnUnknownRemoteFails() {
		assertThatExceptionOfType(UnknownRemoteException.class)
			.isThrownBy(() -> template().storeAll("nope", List.of(this.temp.resolve("missing.dcm"))));
	}

	@Test
	void storeAllOfMoreSopClassesThanOneAssociationCarriesUsesConsecutiveAssociations(CapturedOutput output)
			throws IOException {
		this.scp.stop();
		this.scp = StorageScp.toDirectory(this.received).addTo(DicomScp.builder().aeTitle("STORESCP")).build().start();
		List<String> sopClasses = ContextSet.ALL_STORAGE.abstractSyntaxes().subList(0, 130);
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < sopClasses.size(); i++) {
			files.add(write("many" + i, instance(sopClasses.get(i), "1.2.826.0.9." + (i + 1))));
		}

		List<StoreResult> results = template().storeAll("storescp", files);

		assertThat(results).hasSize(130);
		assertThat(results).extracting(StoreResult::outcome).containsOnly(StoreOutcome.SUCCESS);
		assertThat(results).extracting(StoreResult::sopInstanceUid)
			.containsExactlyElementsOf(
					java.util.stream.IntStream.rangeClosed(1, 130).mapToObj((i) -> "1.2.826.0.9." + i).toList());
		assertThat(output.getOut().split("Association with remote 'storescp'", -1)).hasSize(3);
		assertThat(output).contains("128 of 128 presentation contexts accepted")
			.contains("2 of 2 presentation contexts accepted");
		assertArrived(files.get(129), "1.2.826.0.9.130");
	}

	private void assertArrived(Path sent, String sopInstanceUid) throws IOException {
		Path arrived = this.received.resolve(sopInstanceUid + ".dcm");
		assertThat(DicomFile.read(arrived).dataSet()).isEqualTo(DicomFile.read(sent).dataSet());
	}

	private Path write(String name, DataSet dataSet) throws IOException {
		Path file = this.temp.resolve(name + ".dcm");
		DicomFile.write(file, dataSet, "ExplicitVRLittleEndian");
		return file;
	}

	private Path jpegSecondaryCapture(String sopInstanceUid) throws IOException {
		DataSet dataSet = new DataSet().setString("SOPClassUID", SECONDARY_CAPTURE)
			.setString("SOPInstanceUID", sopInstanceUid)
			.setString("Modality", "OT")
			.setInt("Rows", 2)
			.setInt("Columns", 2)
			.setFragments(0x7FE00010, new Fragments(new byte[0]).add(new byte[] { (byte) 0xFF, (byte) 0xD8 }));
		Path file = this.temp.resolve(sopInstanceUid + ".jpeg.dcm");
		DicomFile.write(file, dataSet, "JPEGBaseline8Bit");
		return file;
	}

	private static DataSet instance(String sopClassUid, String sopInstanceUid) {
		return new DataSet().setString("SOPClassUID", sopClassUid)
			.setString("SOPInstanceUID", sopInstanceUid)
			.setString("PatientName", "DOE^JOHN")
			.setString("PatientID", "PAT001")
			.setString("StudyInstanceUID", "1.2.826.0.2")
			.setString("SeriesInstanceUID", "1.2.826.0.3")
			.setString("Modality", "CT")
			.setInt("Rows", 2)
			.setInt("Columns", 2)
			.setInt("BitsAllocated", 16)
			.setBytes(0x7FE00010, VR.OW, new byte[] { 1, 0, 2, 0, 3, 0, 4, 0 });
	}

	private AeTemplate template() {
		return builder().build();
	}

	private AeTemplate.Builder builder() {
		AeTemplate.Builder builder = AeTemplate.builder()
			.aeTitle("TESTSCU")
			.remote(new RemoteAe("storescp", "STORESCP", "127.0.0.1", this.scp.getPort()));
		builder.requestedContexts().add("Verification");
		return builder;
	}

}
