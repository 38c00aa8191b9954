package io.github.dicomscu.net.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.VR;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.peer.DcmtkPeer;

import static io.github.dicomscu.net.storage.StoreRoundTripTests.dataSet;
import static io.github.dicomscu.net.storage.StoreRoundTripTests.dataSetBytes;
import static io.github.dicomscu.net.storage.StoreRoundTripTests.sentBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Our C-STORE SCU against DCMTK's {@code storescp}, started bit-preserving ({@code +B})
 * so that each file it writes holds the data set exactly as it arrived: what arrived
 * equals what was sent, in each uncompressed transfer syntax, converted where the peer
 * accepts only another one, and compressed instances pass unconverted or fail with a
 * typed error.
 */
class StoreScuDcmtkTests {

	private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

	private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

	@TempDir
	Path temp;

	@Test
	void explicitLittleEndianArrivesUnchanged() throws Exception {
		assertArrivesUnchanged(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "+xe");
	}

	@Test
	void implicitLittleEndianArrivesUnchanged() throws Exception {
		assertArrivesUnchanged(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, "+xi");
	}

	@Test
	void explicitBigEndianArrivesUnchanged() throws Exception {
		assertArrivesUnchanged(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, "+xb");
	}

	@Test
	void deflatedExplicitLittleEndianArrivesUnchanged() throws Exception {
		assertArrivesUnchanged(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, "+xd");
	}

	@Test
	void explicitLittleEndianIsConvertedForAPeerThatAcceptsOnlyImplicit() throws Exception {
		assertConverted(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "+xi", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
	}

	@Test
	void bigEndianIsConvertedForAPeerThatPrefersLittleEndian() throws Exception {
		assertConverted(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, "+xe", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
	}

	@Test
	void implicitIsConvertedForAPeerThatPrefersExplicit() throws Exception {
		assertConverted(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, "+xe", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
	}

	@Test
	void aJpegInstanceGoesThroughUnconvertedToAPeerThatAcceptsIt() throws Exception {
		Path file = DcmtkStorageFixtures.jpegBaselineInstance(this.temp.resolve("in"));
		StoreInstance instance = StoreInstance.of(file);
		assertThat(instance.transferSyntax().uid()).isEqualTo(JPEG_BASELINE);
		Path out = this.temp.resolve("out");
		try (DcmtkPeer storescp = storescp(out, "+xa")) {
			List<StoreResult> results = storeAll(storescp, List.of(instance));

			assertThat(results).singleElement().satisfies((result) -> {
				assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
				assertThat(result.transferSyntaxUid()).isEqualTo(JPEG_BASELINE);
			});
		}
		Path arrived = DcmtkStorageFixtures.filesByInstanceUid(out).get(instance.sopInstanceUid());
		assertThat(DicomFile.readHeader(arrived).transferSyntax().uid()).isEqualTo(JPEG_BASELINE);
		assertThat(dataSetBytes(arrived)).isEqualTo(dataSetBytes(file));
		assertThat(dataSet(arrived)).isEqualTo(dataSet(file));
	}

	@Test
	void aJpegInstanceIsNotSentToAPeerThatAcceptsOnlyUncompressedSyntaxes() throws Exception {
		StoreInstance jpeg = StoreInstance.of(DcmtkStorageFixtures.jpegBaselineInstance(this.temp.resolve("in")));
		DataSet uncompressed = new DataSet().setString("SOPClassUID", SECONDARY_CAPTURE)
			.setString("SOPInstanceUID", "1.2.826.0.1.3680043.2.1143.1")
			.setString("Modality", "OT")
			.setInt("Rows", 2)
			.setInt("Columns", 2)
			.setBytes(0x7FE00010, VR.OB, new byte[] { 1, 2, 3, 4 });
		List<StoreInstance> instances = List.of(jpeg, StoreInstance.of(uncompressed));
		try (DcmtkPeer storescp = storescp(this.temp.resolve("out"));
				Association association = request(storescp, instances)) {
			TransferSyntaxNotAcceptedException ex = catchThrowableOfType(TransferSyntaxNotAcceptedException.class,
					() -> StoreScu.store(association, jpeg, Priority.MEDIUM));
			assertThat(ex.getMessage()).contains("JPEG Baseline (Process 1) (" + JPEG_BASELINE + ")")
				.contains("only with Explicit VR Little Endian (" + Uid.EXPLICIT_VR_LITTLE_ENDIAN + ")");

			List<StoreResult> results = StoreScu.storeAll(association, instances, Priority.MEDIUM);

			assertThat(results).extracting(StoreResult::outcome)
				.containsExactly(StoreOutcome.NOT_SENT, StoreOutcome.SUCCESS);
			assertThat(results.get(0).detail()).isEqualTo(ex.getMessage());
			assertThat(results.get(0).sopInstanceUid()).isEqualTo(jpeg.sopInstanceUid());
		}
	}

	@Test
	void aPeerThatAbortsDuringTheTransferLeavesThisAndEveryLaterInstanceUnconfirmed() throws Exception {
		List<StoreInstance> instances = new ArrayList<>();
		for (Path file : CtInstances.write(this.temp.resolve("in"), 3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
			instances.add(StoreInstance.of(file));
		}
		try (DcmtkPeer storescp = storescp(this.temp.resolve("out"), "--abort-during")) {
			List<StoreResult> results = storeAll(storescp, instances);

			assertThat(results).extracting(StoreResult::outcome).containsOnly(StoreOutcome.UNCONFIRMED);
			assertThat(results).extracting(StoreResult::sopInstanceUid)
				.containsExactlyElementsOf(instances.stream().map(StoreInstance::sopInstanceUid).toList());
			assertThat(results.get(0).transferSyntaxUid()).isEqualTo(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
			assertThat(results.get(0).detail()).startsWith("The association was lost while storing this instance: ")
				.containsAnyOf("aborted", "reset", "Broken pipe", "closed");
			assertThat(results.get(1).detail())
				.startsWith("Not sent: the association was lost while storing " + instances.get(0))
				.isEqualTo(results.get(2).detail());
		}
	}

	@Test
	void aFileWhoseMetaNamesAnotherInstanceArrivesUnderTheDataSetsUid() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		String dataSetUid = dataSet(file).getString("SOPInstanceUID");
		StoreRoundTripTests.withOtherMetaInstanceUid(file);
		Path out = this.temp.resolve("out");
		try (DcmtkPeer storescp = storescp(out, "+xe")) {
			StoreResult result = storeAll(storescp, List.of(StoreInstance.of(file))).get(0);

			assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
			assertThat(result.sopInstanceUid()).isEqualTo(dataSetUid);
		}
		Map<String, Path> arrived = DcmtkStorageFixtures.filesByInstanceUid(out);
		assertThat(arrived).containsOnlyKeys(dataSetUid);
		assertThat(DicomFile.readHeader(arrived.get(dataSetUid)).sopInstanceUid()).isEqualTo(dataSetUid);
		assertThat(dataSetBytes(arrived.get(dataSetUid))).isEqualTo(sentBytes(file));
	}

	private void assertArrivesUnchanged(TransferSyntax syntax, String storescpOption) throws Exception {
		List<Path> files = CtInstances.write(this.temp.resolve("in"), 2, syntax);
		Path out = this.temp.resolve("out");
		List<StoreInstance> instances = List.of(StoreInstance.of(files.get(0)), StoreInstance.of(files.get(1)));
		try (DcmtkPeer storescp = storescp(out, storescpOption)) {
			List<StoreResult> results = storeAll(storescp, instances);

			assertThat(results).extracting(StoreResult::outcome).containsOnly(StoreOutcome.SUCCESS);
			assertThat(results).extracting(StoreResult::transferSyntaxUid).containsOnly(syntax.uid());
		}
		Map<String, Path> arrived = DcmtkStorageFixtures.filesByInstanceUid(out);
		assertThat(arrived).hasSize(2);
		for (int i = 0; i < files.size(); i++) {
			Path file = arrived.get(instances.get(i).sopInstanceUid());
			assertThat(DicomFile.readHeader(file).transferSyntax()).isEqualTo(syntax);
			assertThat(dataSetBytes(file)).isEqualTo(sentBytes(files.get(i)));
			assertThat(dataSet(file)).isEqualTo(dataSet(files.get(i)));
		}
	}

	private void assertConverted(TransferSyntax from, String storescpOption, TransferSyntax to) throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, from).get(0);
		StoreInstance instance = StoreInstance.of(file);
		Path out = this.temp.resolve("out");
		try (DcmtkPeer storescp = storescp(out, storescpOption)) {
			StoreResult result = storeAll(storescp, List.of(instance)).get(0);

			assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
			assertThat(result.transferSyntaxUid()).isEqualTo(to.uid());
		}
		Path arrived = DcmtkStorageFixtures.filesByInstanceUid(out).get(instance.sopInstanceUid());
		assertThat(DicomFile.readHeader(arrived).transferSyntax()).isEqualTo(to);
		assertThat(dataSet(arrived)).isEqualTo(dataSet(file));
	}

	private static DcmtkPeer storescp(Path out, String... options) throws Exception {
		java.nio.file.Files.createDirectories(out);
		List<String> arguments = new ArrayList<>(
				List.of("--aetitle", "STORESCP", "--output-directory", out.toString(), "+B"));
		arguments.addAll(List.of(options));
		return DcmtkPeer.startServer("storescp", arguments.toArray(String[]::new));
	}

	private static List<StoreResult> storeAll(DcmtkPeer storescp, List<StoreInstance> instances) throws Exception {
		try (Association association = request(storescp, instances)) {
			return StoreScu.storeAll(association, instances, Priority.MEDIUM);
		}
	}

	private static Association request(DcmtkPeer storescp, List<StoreInstance> instances) throws Exception {
		return Association.request(AssociationRequest.builder("127.0.0.1", storescp.port())
			.calledAeTitle("STORESCP")
			.contexts(StoreContexts.forInstances(instances))
			.build());
	}

}
