package io.github.dicomscu.net.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomFileHeader;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.DataSetSource;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.scp.RequestHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our C-STORE SCU against our storage SCP: instances arrive as Part 10 files equal to
 * what was sent, byte for byte in the sent transfer syntax, and every failure is answered
 * with the status the standard gives it.
 */
class StoreRoundTripTests {

	static final List<TransferSyntax> UNCOMPRESSED = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
			TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
			TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

	@TempDir
	Path temp;

	@Test
	void filesInEachUncompressedSyntaxArriveUnchanged() throws Exception {
		Path received = this.temp.resolve("received");
		try (DicomScp scp = storageScp(StorageScp.toDirectory(received), UNCOMPRESSED)) {
			for (TransferSyntax syntax : UNCOMPRESSED) {
				Path file = CtInstances.write(this.temp.resolve(syntax.uid()), 1, syntax).get(0);
				StoreInstance instance = StoreInstance.of(file);

				StoreResult result = storeAll(scp, List.of(instance)).get(0);

				assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
				assertThat(result.statusText()).isEqualTo("Success");
				assertThat(result.transferSyntaxUid()).isEqualTo(syntax.uid());
				Path arrived = received.resolve(instance.sopInstanceUid() + ".dcm");
				assertThat(DicomFile.readHeader(arrived).transferSyntax()).isEqualTo(syntax);
				assertThat(dataSetBytes(arrived)).isEqualTo(sentBytes(file));
				assertThat(dataSet(arrived)).isEqualTo(dataSet(file));
				Files.delete(arrived);
			}
		}
		assertThat(listing(received)).isEmpty();
	}

	@Test
	void instancesOfOneClassInSeveralSyntaxesGoOnOneContextConvertedWhereNeeded() throws Exception {
		List<StoreInstance> instances = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		for (TransferSyntax syntax : UNCOMPRESSED) {
			Path file = CtInstances.write(this.temp.resolve(syntax.uid()), 1, syntax).get(0);
			files.add(file);
			instances.add(StoreInstance.of(file));
		}
		Path received = this.temp.resolve("received");
		try (DicomScp scp = storageScp(StorageScp.toDirectory(received), UNCOMPRESSED)) {
			List<StoreResult> results = storeAll(scp, instances);

			assertThat(results).extracting(StoreResult::outcome).containsOnly(StoreOutcome.SUCCESS);
			assertThat(results).extracting(StoreResult::transferSyntaxUid).containsOnly(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
		}
		for (int i = 0; i < files.size(); i++) {
			Path arrived = received.resolve(instances.get(i).sopInstanceUid() + ".dcm");
			assertThat(dataSet(arrived)).isEqualTo(dataSet(files.get(i)));
		}
	}

	@Test
	void anInstanceIsConvertedWhenOnlyAnotherUncompressedSyntaxIsAccepted() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).get(0);
		StoreInstance instance = StoreInstance.of(file);
		Path received = this.temp.resolve("received");
		try (DicomScp scp = storageScp(StorageScp.toDirectory(received),
				List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN))) {
			StoreResult result = storeAll(scp, List.of(instance)).get(0);

			assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
			assertThat(result.transferSyntaxUid()).isEqualTo(Uid.IMPLICIT_VR_LITTLE_ENDIAN);
		}
		Path arrived = received.resolve(instance.sopInstanceUid() + ".dcm");
		assertThat(DicomFile.readHeader(arrived).transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
		assertThat(dataSet(arrived)).isEqualTo(dataSet(file));
	}

	@Test
	void aDataSetInMemoryIsStored() throws Exception {
		DataSet dataSet = CtInstances.dataSet(7, 1);
		Path received = this.temp.resolve("received");
		try (DicomScp scp = storageScp(StorageScp.toDirectory(received), UNCOMPRESSED)) {
			StoreInstance instance = StoreInstance.of(dataSet);
			try (Association association = request(scp, StoreContexts.forInstances(List.of(instance)))) {
				StoreResult result = StoreScu.store(association, instance, Priority.HIGH);
				assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
				assertThat(result.status()).isZero();
			}
		}
		DicomFile arrived = DicomFile.read(received.resolve(dataSet.getString("SOPInstanceUID") + ".dcm"),
				Long.MAX_VALUE);
		assertThat(arrived.dataSet()).isEqualTo(dataSet);
		assertThat(arrived.fileMeta().getString("SourceApplicationEntityTitle")).isEqualTo("DICOMSCU");
	}

	@Test
	void aDataSetReceivedInMemoryIsStoredToo() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).get(0);
		StoreInstance instance = StoreInstance.of(file);
		Path received = this.temp.resolve("received");
		StorageScp storage = StorageScp.toDirectory(received);
		RequestHandler inMemory = storage::handle;
		try (DicomScp scp = storageScp(inMemory, UNCOMPRESSED)) {
			StoreResult result = storeAll(scp, List.of(instance)).get(0);

			assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
		}
		Path arrived = received.resolve(instance.sopInstanceUid() + ".dcm");
		assertThat(DicomFile.readHeader(arrived).transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
		assertThat(dataSetBytes(arrived)).isEqualTo(sentBytes(file));
	}

	@Test
	void aDataSetOnAContextOtherThanTheFirstOfItsClassGetsTheRightFileMeta() throws Exception {
		DataSet jpegDataSet = new DataSet().setString("SOPClassUID", CtInstances.CT_IMAGE_STORAGE)
			.setString("SOPInstanceUID", "1.2.3.1");
		StoreInstance jpeg = StoreInstance.of(jpegDataSet, TransferSyntax.of("JPEGBaseline8Bit"));
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).get(0);
		StoreInstance implicit = StoreInstance.of(file);
		Path received = this.temp.resolve("received");
		try (DicomScp scp = StorageScp.toDirectory(received).addTo(DicomScp.builder()).build().start()) {
			List<StoreResult> results = storeAll(scp, List.of(jpeg, implicit));

			assertThat(results).extracting(StoreResult::outcome).containsOnly(StoreOutcome.SUCCESS);
		}
		Path arrived = received.resolve(implicit.sopInstanceUid() + ".dcm");
		assertThat(DicomFile.readHeader(arrived).transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
		assertThat(dataSetBytes(arrived)).isEqualTo(dataSetBytes(file));
		assertThat(DicomFile.readHeader(received.resolve("1.2.3.1.dcm")).transferSyntax().uid())
			.isEqualTo("1.2.840.10008.1.2.4.50");
		assertThat(listing(received)).hasSize(2);
	}

	@Test
	void theHandlersStatusIsAnswered() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		List<ReceivedInstance> handled = new ArrayList<>();
		StorageScp storage = StorageScp.toHandler(this.temp.resolve("work"), (instance) -> {
			handled.add(instance);
			assertThat(dataSetBytes(instance.file())).isEqualTo(dataSetBytes(file));
			return Status.COERCION_OF_DATA_ELEMENTS;
		});
		try (DicomScp scp = storageScp(storage, UNCOMPRESSED)) {
			StoreResult result = storeAll(scp, List.of(StoreInstance.of(file))).get(0);

			assertThat(result.outcome()).isEqualTo(StoreOutcome.WARNING);
			assertThat(result.status()).isEqualTo(0xB000);
			assertThat(result.statusText()).isEqualTo("Coercion of data elements");
			assertThat(result.isStored()).isTrue();
		}
		assertThat(handled).singleElement().satisfies((instance) -> {
			assertThat(instance.sourceAeTitle()).isEqualTo("DICOMSCU");
			assertThat(instance.transferSyntaxUid()).isEqualTo(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
			assertThat(instance.sopClassUid()).isEqualTo(CtInstances.CT_IMAGE_STORAGE);
		});
		assertThat(listing(this.temp.resolve("work"))).isEmpty();
	}

	@Test
	void aHandlerThatCannotKeepTheInstanceIsOutOfResources() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		StorageScp storage = StorageScp.toHandler(this.temp.resolve("work"), (instance) -> {
			throw new IOException("disk full");
		});
		try (DicomScp scp = storageScp(storage, UNCOMPRESSED)) {
			StoreResult result = storeAll(scp, List.of(StoreInstance.of(file))).get(0);

			assertThat(result.outcome()).isEqualTo(StoreOutcome.FAILURE);
			assertThat(result.status()).isEqualTo(Status.OUT_OF_RESOURCES);
			assertThat(result.statusText()).isEqualTo("Refused: Out of resources");
			assertThat(result.errorComment()).isEqualTo("Cannot keep the instance");
		}
		assertThat(listing(this.temp.resolve("work"))).isEmpty();
	}

	@Test
	void aHandlerThatFailsOtherwiseIsAProcessingFailure() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		StorageScp storage = StorageScp.toHandler(this.temp.resolve("work"), (instance) -> 0x10000);
		try (DicomScp scp = storageScp(storage, UNCOMPRESSED)) {
			StoreResult result = storeAll(scp, List.of(StoreInstance.of(file))).get(0);

			assertThat(result.status()).isEqualTo(Status.PROCESSING_FAILURE);
			assertThat(result.statusText()).isEqualTo("Processing failure");
		}
		assertThat(listing(this.temp.resolve("work"))).isEmpty();
	}

	@Test
	void aDirectoryThatCannotBeCreatedIsOutOfResourcesAndTheAssociationGoesOn() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		Path notADirectory = Files.writeString(this.temp.resolve("occupied"), "a file");
		try (DicomScp scp = storageScp(StorageScp.toDirectory(notADirectory.resolve("sub")), UNCOMPRESSED)) {
			List<StoreResult> results = storeAll(scp, List.of(StoreInstance.of(file), StoreInstance.of(file)));

			assertThat(results).extracting(StoreResult::status)
				.containsExactly(Status.OUT_OF_RESOURCES, Status.OUT_OF_RESOURCES);
			assertThat(results.get(0).errorComment()).isEqualTo("Cannot write the instance");
		}
	}

	@Test
	void aMalformedDataSetCannotBeUnderstood() throws Exception {
		StoreInstance malformed = new Malformed("1.2.3.4", (out) -> {
			// (0010,0010) PN with a length of 200 bytes, but only 4 follow
			out.write(new byte[] { 0x10, 0x00, 0x10, 0x00, 'P', 'N', (byte) 200, 0x00, 'D', 'o', 'e', ' ' });
		});
		Path received = this.temp.resolve("received");
		try (DicomScp scp = storageScp(StorageScp.toDirectory(received), UNCOMPRESSED)) {
			StoreResult result = storeAll(scp, List.of(malformed)).get(0);

			assertThat(result.outcome()).isEqualTo(StoreOutcome.FAILURE);
			assertThat(result.status()).isEqualTo(Status.CANNOT_UNDERSTAND);
			assertThat(result.statusText()).isEqualTo("Error: Cannot understand");
			assertThat(result.errorComment()).isNotBlank();
		}
		assertThat(listing(received)).isEmpty();
	}

	@Test
	void anInstanceThatFailsWhileBeingSentAbortsTheAssociationAndLeavesNoPartialFile() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		StoreInstance failing = new Malformed("1.2.3.5", (out) -> {
			out.write(new byte[100_000]);
			throw new IllegalStateException("encoder broke");
		});
		Path received = this.temp.resolve("received");
		try (DicomScp scp = storageScp(StorageScp.toDirectory(received), UNCOMPRESSED)) {
			List<StoreResult> results = storeAll(scp, List.of(StoreInstance.of(file), failing, StoreInstance.of(file)));

			assertThat(results).extracting(StoreResult::outcome)
				.containsExactly(StoreOutcome.SUCCESS, StoreOutcome.NOT_SENT, StoreOutcome.UNCONFIRMED);
			assertThat(results.get(1).detail()).contains("Cannot encode Malformed 1.2.3.5: encoder broke")
				.contains("the association was aborted");
			assertThat(results.get(2).detail()).startsWith("Not sent: the association was aborted after");
			awaitActive(scp, 0);
		}
		String stored = StoreInstance.of(file).sopInstanceUid() + ".dcm";
		assertThat(listing(received)).containsExactly(received.resolve(stored));
	}

	@Test
	void aFileThatCannotBeReadIsNotSentAndTheOthersAre() throws Exception {
		List<Path> files = CtInstances.write(this.temp.resolve("in"), 3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		List<StoreInstance> instances = new ArrayList<>();
		for (Path file : files) {
			instances.add(StoreInstance.of(file));
		}
		Files.delete(files.get(1));
		try (DicomScp scp = storageScp(StorageScp.toDirectory(this.temp.resolve("received")), UNCOMPRESSED)) {
			List<StoreResult> results = storeAll(scp, instances);

			assertThat(results).extracting(StoreResult::outcome)
				.containsExactly(StoreOutcome.SUCCESS, StoreOutcome.NOT_SENT, StoreOutcome.SUCCESS);
			assertThat(results.get(1).detail()).startsWith("Cannot read file " + files.get(1));
			assertThat(results.get(1).sopInstanceUid()).isEqualTo(instances.get(1).sopInstanceUid());
			assertThat(results.get(1).status()).isEqualTo(-1);
		}
	}

	@Test
	void aSopClassThePeerDoesNotSupportIsNotSent() throws Exception {
		List<Path> files = CtInstances.write(this.temp.resolve("in"), 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		try (DicomScp scp = DicomScp.builder().build().start()) {
			List<StoreResult> results = storeAll(scp,
					List.of(StoreInstance.of(files.get(0)), StoreInstance.of(files.get(1))));

			assertThat(results).extracting(StoreResult::outcome).containsOnly(StoreOutcome.NOT_SENT);
			assertThat(results.get(0).detail()).contains("No accepted presentation context for CT Image Storage")
				.contains("abstract-syntax-not-supported");
		}
	}

	@Test
	void aFileWhoseMetaNamesAnotherInstanceIsSentWithTheDataSetsUid() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		String dataSetUid = dataSet(file).getString("SOPInstanceUID");
		String metaUid = withOtherMetaInstanceUid(file);
		Path received = this.temp.resolve("received");
		try (DicomScp scp = storageScp(StorageScp.toDirectory(received), UNCOMPRESSED)) {
			StoreInstance instance = StoreInstance.of(file);

			StoreResult result = storeAll(scp, List.of(instance)).get(0);

			assertThat(result.outcome()).isEqualTo(StoreOutcome.SUCCESS);
			assertThat(result.sopInstanceUid()).isEqualTo(dataSetUid);
			assertThat(result.sopClassUid()).isEqualTo(CtInstances.CT_IMAGE_STORAGE);
		}
		assertThat(listing(received)).containsExactly(received.resolve(dataSetUid + ".dcm"));
		assertThat(DicomFile.readHeader(received.resolve(dataSetUid + ".dcm")).sopInstanceUid()).isEqualTo(dataSetUid)
			.isNotEqualTo(metaUid);
		assertThat(dataSetBytes(received.resolve(dataSetUid + ".dcm"))).isEqualTo(sentBytes(file));
	}

	/**
	 * Change the last digit of the Media Storage SOP Instance UID in a file's meta
	 * information, so that it differs from the data set's SOP Instance UID.
	 * @return the UID the meta information now names
	 */
	static String withOtherMetaInstanceUid(Path file) throws IOException {
		DicomFileHeader header = DicomFile.readHeader(file);
		String uid = header.sopInstanceUid();
		byte[] bytes = Files.readAllBytes(file);
		byte[] pattern = uid.getBytes(StandardCharsets.US_ASCII);
		int at = 0;
		while (!Arrays.equals(bytes, at, at + pattern.length, pattern, 0, pattern.length)) {
			at++;
		}
		assertThat(at).isLessThan((int) header.dataSetOffset());
		int last = at + pattern.length - 1;
		bytes[last] = (byte) ((bytes[last] == '9') ? '8' : bytes[last] + 1);
		Files.write(file, bytes);
		String metaUid = DicomFile.readHeader(file).sopInstanceUid();
		assertThat(metaUid).isNotEqualTo(uid).hasSameSizeAs(uid);
		return metaUid;
	}

	private List<StoreResult> storeAll(DicomScp scp, List<StoreInstance> instances) throws Exception {
		try (Association association = request(scp, StoreContexts.forInstances(instances))) {
			return StoreScu.storeAll(association, instances, Priority.MEDIUM);
		}
	}

	static DicomScp storageScp(RequestHandler storage, List<TransferSyntax> accepted) throws IOException {
		return DicomScp.builder()
			.accept(CtInstances.CT_IMAGE_STORAGE, accepted.stream().map(TransferSyntax::uid).toArray(String[]::new))
			.handler(CommandField.C_STORE_RQ, storage)
			.build()
			.start();
	}

	static Association request(DicomScp scp, List<PresentationContext> contexts) throws Exception {
		return Association.request(AssociationRequest.builder("127.0.0.1", scp.getPort())
			.contexts(contexts)
			.timeouts(AssociationTimeouts.defaults().withDimse(Duration.ofSeconds(10)))
			.build());
	}

	static byte[] dataSetBytes(Path file) throws IOException {
		DicomFileHeader header = DicomFile.readHeader(file);
		byte[] bytes = Files.readAllBytes(file);
		return Arrays.copyOfRange(bytes, (int) header.dataSetOffset(), bytes.length);
	}

	/**
	 * Return the data set bytes of a file as they are sent: padded to even length.
	 */
	static byte[] sentBytes(Path file) throws IOException {
		byte[] bytes = dataSetBytes(file);
		return ((bytes.length & 1) != 0) ? Arrays.copyOf(bytes, bytes.length + 1) : bytes;
	}

	static DataSet dataSet(Path file) throws IOException {
		return DicomFile.read(file, Long.MAX_VALUE).dataSet();
	}

	static List<Path> listing(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().toList();
		}
	}

	private static void awaitActive(DicomScp scp, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (scp.getActiveConnectionCount() != count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(scp.getActiveConnectionCount()).isEqualTo(count);
	}

	/**
	 * An instance whose data set is whatever a source writes.
	 */
	private record Malformed(String sopInstanceUid, DataSetSource source) implements StoreInstance {

		@Override
		public String sopClassUid() {
			return CtInstances.CT_IMAGE_STORAGE;
		}

		@Override
		public TransferSyntax transferSyntax() {
			return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
		}

		@Override
		public DataSetSource sourceFor(TransferSyntax target) {
			return this.source;
		}

		@Override
		public String toString() {
			return "Malformed " + this.sopInstanceUid;
		}

	}

}
