package io.github.dicomscu.net.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.DataSetSource;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.scp.RequestHandler;

import static io.github.dicomscu.net.storage.StoreRoundTripTests.UNCOMPRESSED;
import static io.github.dicomscu.net.storage.StoreRoundTripTests.dataSetBytes;
import static io.github.dicomscu.net.storage.StoreRoundTripTests.listing;
import static io.github.dicomscu.net.storage.StoreRoundTripTests.request;
import static io.github.dicomscu.net.storage.StoreRoundTripTests.sentBytes;
import static io.github.dicomscu.net.storage.StoreRoundTripTests.storageScp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our C-STORE SCU, sending whatever bytes a test chooses, against our storage SCP: no
 * Success and no file for a data set that does not decode, is empty, or does not carry
 * the request's SOP Class and Instance UIDs, and one file mode for every kept file.
 */
class StorageScpChecksTests {

	private static final String CT = CtInstances.CT_IMAGE_STORAGE;

	private static final String MR = "1.2.840.10008.5.1.4.1.1.4";

	@TempDir
	Path temp;

	@Test
	void aDataSetWhoseSopInstanceUidIsNotTheRequestsDoesNotMatchAndIsNotKept() throws Exception {
		for (TransferSyntax syntax : UNCOMPRESSED) {
			StoreResult result = storeToDirectory(
					Raw.of(CT, "1.2.3.1", syntax, encode(syntax, uids(CT, "1.2.3.2").setString("PatientID", "7"))));

			assertThat(result.status()).as(syntax.name()).isEqualTo(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
			assertThat(result.outcome()).isEqualTo(StoreOutcome.FAILURE);
			assertThat(result.errorComment()).isEqualTo("SOP Instance UID differs from the Affected SOP Instance UID");
			assertThat(listing(this.temp.resolve("received"))).isEmpty();
		}
	}

	@Test
	void aDataSetOfAnotherSopClassDoesNotMatch() throws Exception {
		TransferSyntax syntax = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
		StoreResult result = storeToDirectory(Raw.of(CT, "1.2.3.1", syntax, encode(syntax, uids(MR, "1.2.3.1"))));

		assertThat(result.status()).isEqualTo(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
		assertThat(result.errorComment()).isEqualTo("SOP Class UID differs from the Affected SOP Class UID");
		assertThat(listing(this.temp.resolve("received"))).isEmpty();
	}

	@Test
	void anEmptyDataSetDoesNotMatch() throws Exception {
		StoreResult result = storeToDirectory(Raw.of(CT, "1.2.3.1", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));

		assertThat(result.status()).isEqualTo(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
		assertThat(result.errorComment()).isEqualTo("Data Set is empty");
		assertThat(listing(this.temp.resolve("received"))).isEmpty();
	}

	@Test
	void aDataSetWithoutSopInstanceUidDoesNotMatch() throws Exception {
		TransferSyntax syntax = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
		DataSet dataSet = new DataSet().setString("SOPClassUID", CT).setString("PatientID", "7");

		StoreResult result = storeToDirectory(Raw.of(CT, "1.2.3.1", syntax, encode(syntax, dataSet)));

		assertThat(result.status()).isEqualTo(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
		assertThat(result.errorComment()).isEqualTo("Data Set has no SOP Instance UID");
	}

	@Test
	void aUidThatIsOnlyADotCannotBeUnderstood() throws Exception {
		TransferSyntax syntax = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
		StoreResult result = storeToDirectory(Raw.of(CT, ".", syntax, encode(syntax, uids(CT, "."))));

		assertThat(result.status()).isEqualTo(Status.CANNOT_UNDERSTAND);
		assertThat(result.errorComment()).isEqualTo("No valid Affected SOP Instance UID");
		assertThat(listing(this.temp.resolve("received"))).isEmpty();
	}

	@Test
	void aDeflatedDataSetThatCannotBeInflatedCannotBeUnderstoodAndIsNotKept() throws Exception {
		byte[] garbage = new byte[200_000];
		new Random(5).nextBytes(garbage);
		garbage[0] = (byte) 0xFF;

		StoreResult result = storeToDirectory(
				Raw.of(CT, "1.2.3.1", TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, garbage));

		assertThat(result.status()).isEqualTo(Status.CANNOT_UNDERSTAND);
		assertThat(result.errorComment()).startsWith("Data Set cannot be decoded at inflated byte 0");
		assertThat(listing(this.temp.resolve("received"))).isEmpty();
	}

	@Test
	void aDeflatedDataSetCutShortCannotBeUnderstood() throws Exception {
		TransferSyntax syntax = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
		byte[] deflated = encode(syntax, CtInstances.dataSet(3, 1));

		StoreResult result = storeToDirectory(
				Raw.of(CT, "1.2.3.1", syntax, Arrays.copyOf(deflated, deflated.length / 2)));

		assertThat(result.status()).isEqualTo(Status.CANNOT_UNDERSTAND);
		assertThat(listing(this.temp.resolve("received"))).isEmpty();
	}

	@Test
	void aMismatchReceivedInMemoryIsRefusedToo() throws Exception {
		TransferSyntax syntax = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
		Path received = this.temp.resolve("received");
		RequestHandler inMemory = StorageScp.toDirectory(received)::handle;

		StoreResult result = store(inMemory, Raw.of(CT, "1.2.3.1", syntax, encode(syntax, uids(CT, "1.2.3.9"))));

		assertThat(result.status()).isEqualTo(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
		assertThat(listing(received)).isEmpty();
	}

	@Test
	void aRequestOnAContextOfAnotherSopClassIsNotSupportedAndNotKept() throws Exception {
		TransferSyntax syntax = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
		Path received = this.temp.resolve("received");
		Raw ct = Raw.of(CT, "1.2.3.1", syntax, encode(syntax, uids(CT, "1.2.3.1")));
		StoreResult result;
		try (DicomScp scp = DicomScp.builder()
			.accept(CT, syntax.uid())
			.accept(MR, syntax.uid())
			.handler(CommandField.C_STORE_RQ, StorageScp.toDirectory(received))
			.build()
			.start();
				Association association = request(scp,
						StoreContexts.forInstances(List.of(ct, Raw.of(MR, "1.2.3.2", syntax))))) {
			NegotiatedContext mr = association.getNegotiatedContexts()
				.stream()
				.filter((context) -> context.abstractSyntax().equals(MR))
				.findFirst()
				.orElseThrow();
			association.send(mr.id(), Command.storeRq(1, CT, "1.2.3.1", Priority.MEDIUM), ct.bytes());
			result = StoreResult.answered(ct, syntax.uid(),
					association.receiveResponse(1, CommandField.C_STORE_RSP).command());
		}
		assertThat(result.status()).isEqualTo(Status.SOP_CLASS_NOT_SUPPORTED);
		assertThat(result.errorComment()).isEqualTo("Presentation context is for another SOP Class");
		assertThat(listing(received)).isEmpty();
	}

	@Test
	void aRefusedInstanceNeverReachesTheHandlerAndTheAssociationGoesOn() throws Exception {
		TransferSyntax syntax = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
		List<String> handled = new ArrayList<>();
		StorageScp storage = StorageScp.toHandler(this.temp.resolve("work"), (instance) -> {
			handled.add(instance.sopInstanceUid());
			return Status.SUCCESS;
		});
		try (DicomScp scp = storageScp(storage, UNCOMPRESSED);
				Association association = request(scp, StoreContexts.forInstances(List.of(Raw.of(CT, "1", syntax))))) {
			StoreResult refused = StoreScu.store(association,
					Raw.of(CT, "1.2.3.1", syntax, encode(syntax, uids(CT, "1.2.3.2"))), Priority.MEDIUM);
			StoreResult stored = StoreScu.store(association,
					Raw.of(CT, "1.2.3.3", syntax, encode(syntax, uids(CT, "1.2.3.3"))), Priority.MEDIUM);

			assertThat(refused.status()).isEqualTo(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
			assertThat(stored.status()).isEqualTo(Status.SUCCESS);
		}
		assertThat(handled).containsExactly("1.2.3.3");
		assertThat(listing(this.temp.resolve("work"))).isEmpty();
	}

	@Test
	void aGoodInstanceInEachSyntaxIsStoredByteForByteWithOneFileMode() throws Exception {
		Path received = this.temp.resolve("received");
		List<Path> files = new ArrayList<>();
		List<StoreInstance> instances = new ArrayList<>();
		for (TransferSyntax syntax : UNCOMPRESSED) {
			files.add(CtInstances.write(this.temp.resolve(syntax.uid()), 1, syntax).get(0));
			instances.add(StoreInstance.of(files.get(files.size() - 1)));
		}
		try (DicomScp scp = storageScp(StorageScp.toDirectory(received), UNCOMPRESSED)) {
			for (StoreInstance instance : instances) {
				try (Association association = request(scp, StoreContexts.forInstances(List.of(instance)))) {
					assertThat(StoreScu.store(association, instance, Priority.MEDIUM).outcome())
						.isEqualTo(StoreOutcome.SUCCESS);
				}
			}
		}
		for (int i = 0; i < instances.size(); i++) {
			StoreInstance instance = instances.get(i);
			Path file = files.get(i);
			Path arrived = received.resolve(instance.sopInstanceUid() + ".dcm");
			assertThat(dataSetBytes(arrived)).isEqualTo(sentBytes(file));
			assertThat(DicomFile.readHeader(arrived).transferSyntax()).isEqualTo(instance.transferSyntax());
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(arrived))).isEqualTo("rw-------");
		}
		assertThat(listing(received)).hasSize(UNCOMPRESSED.size());
	}

	@Test
	void aFileMovedBehindAnotherHeaderHasTheSameMode() throws Exception {
		TransferSyntax jpeg = TransferSyntax.of("JPEGBaseline8Bit");
		TransferSyntax implicit = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
		Raw first = Raw.of(CT, "1.2.3.1", jpeg, encode(jpeg, uids(CT, "1.2.3.1")));
		Raw second = Raw.of(CT, "1.2.3.2", implicit, encode(implicit, uids(CT, "1.2.3.2")));
		Path received = this.temp.resolve("received");
		try (DicomScp scp = StorageScp.toDirectory(received).addTo(DicomScp.builder()).build().start();
				Association association = request(scp, StoreContexts.forInstances(List.of(first, second)))) {
			assertThat(StoreScu.storeAll(association, List.of(first, second), Priority.MEDIUM))
				.extracting(StoreResult::outcome)
				.containsOnly(StoreOutcome.SUCCESS);
		}
		assertThat(DicomFile.readHeader(received.resolve("1.2.3.2.dcm")).transferSyntax()).isEqualTo(implicit);
		for (Path file : listing(received)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
				.isEqualTo("rw-------");
		}
		assertThat(listing(received)).hasSize(2);
	}

	private StoreResult storeToDirectory(Raw instance) throws Exception {
		return store(StorageScp.toDirectory(this.temp.resolve("received")), instance);
	}

	private static StoreResult store(RequestHandler storage, Raw instance) throws Exception {
		try (DicomScp scp = storageScp(storage, UNCOMPRESSED);
				Association association = request(scp, StoreContexts.forInstances(List.of(instance)))) {
			return StoreScu.store(association, instance, Priority.MEDIUM);
		}
	}

	private static DataSet uids(String sopClassUid, String sopInstanceUid) {
		return new DataSet().setString("SOPClassUID", sopClassUid).setString("SOPInstanceUID", sopInstanceUid);
	}

	private static byte[] encode(TransferSyntax syntax, DataSet dataSet) {
		return new DataSetWriter(syntax).toByteArray(dataSet);
	}

	/**
	 * An instance sent with the Affected SOP Class and Instance UIDs and the bytes a test
	 * chooses.
	 */
	private record Raw(String sopClassUid, String sopInstanceUid, TransferSyntax transferSyntax,
			byte[] bytes) implements StoreInstance {

		static Raw of(String sopClassUid, String sopInstanceUid, TransferSyntax transferSyntax, byte[] bytes) {
			return new Raw(sopClassUid, sopInstanceUid, transferSyntax, bytes);
		}

		static Raw of(String sopClassUid, String sopInstanceUid, TransferSyntax transferSyntax) {
			return new Raw(sopClassUid, sopInstanceUid, transferSyntax, new byte[0]);
		}

		@Override
		public DataSetSource sourceFor(TransferSyntax target) {
			return (out) -> out.write(this.bytes);
		}

		@Override
		public boolean canBeSentAs(TransferSyntax target) {
			return target.equals(this.transferSyntax);
		}

	}

}
