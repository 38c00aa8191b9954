package io.github.dicomscu.net.storage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.Fragments;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.NoAcceptedContextException;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.TooManyPresentationContextsException;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Contexts derived from the instances to store, and the choice of the accepted context
 * for each instance, against our own acceptor configured to accept chosen transfer
 * syntaxes.
 */
class StoreContextsTests {

	private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

	private static final String MR = "1.2.840.10008.5.1.4.1.1.4";

	private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

	private static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";

	@Test
	void eachSopClassGetsItsCompressedSyntaxesAloneAndOneContextForTheUncompressedOnes() {
		List<StoreInstance> instances = List.of(instance(CT, "1", TransferSyntax.EXPLICIT_VR_BIG_ENDIAN),
				instance(MR, "2", TransferSyntax.of(JPEG_BASELINE)), instance(CT, "3", TransferSyntax.of(JPEG_2000)),
				instance(CT, "4", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN),
				instance(CT, "5", TransferSyntax.of(JPEG_2000)), instance(MR, "6", TransferSyntax.of(JPEG_BASELINE)),
				instance(CT, "7", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));

		assertThat(StoreContexts.forInstances(instances)).containsExactly(
				PresentationContext.of(CT, Uid.EXPLICIT_VR_BIG_ENDIAN, Uid.IMPLICIT_VR_LITTLE_ENDIAN,
						Uid.EXPLICIT_VR_LITTLE_ENDIAN),
				PresentationContext.of(CT, JPEG_2000), PresentationContext.of(MR, JPEG_BASELINE));
	}

	@Test
	void aDeflatedInstanceIsOfferedDeflatedFirstThenTheDefaults() {
		assertThat(StoreContexts
			.forInstances(List.of(instance(CT, "1", TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN))))
			.containsExactly(PresentationContext.of(CT, Uid.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
					Uid.EXPLICIT_VR_LITTLE_ENDIAN, Uid.IMPLICIT_VR_LITTLE_ENDIAN));
	}

	@Test
	void moreThan128ContextsAreRefusedWithTheCount() {
		List<StoreInstance> instances = new ArrayList<>();
		for (int i = 1; i <= 65; i++) {
			instances.add(instance("1.2.3." + i, "1", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
			instances.add(instance("1.2.3." + i, "2", TransferSyntax.of(JPEG_BASELINE)));
		}

		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> StoreContexts.forInstances(instances))
			.withMessageContaining("130 presentation contexts requested")
			.withMessageContaining("65 SOP classes of 130 instances to store")
			.withMessageContaining("Remove 2");
	}

	@Test
	void theInstancesOwnTransferSyntaxIsChosenWhenAccepted() throws Exception {
		StoreInstance bigEndian = instance(CT, "1", TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
		try (DicomScp scp = DicomScp.builder().accept(CT).build().start();
				Association association = request(scp, StoreContexts.forInstances(List.of(bigEndian)))) {
			assertThat(StoreContexts.select(association, bigEndian).transferSyntax())
				.isEqualTo(Uid.EXPLICIT_VR_BIG_ENDIAN);
		}
	}

	@Test
	void anUncompressedInstanceIsConvertedToAnotherAcceptedUncompressedSyntax() throws Exception {
		StoreInstance deflated = instance(CT, "1", TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		try (DicomScp scp = DicomScp.builder().accept(CT, Uid.IMPLICIT_VR_LITTLE_ENDIAN).build().start();
				Association association = request(scp, StoreContexts.forInstances(List.of(deflated)))) {
			assertThat(StoreContexts.select(association, deflated).transferSyntax())
				.isEqualTo(Uid.IMPLICIT_VR_LITTLE_ENDIAN);
		}
	}

	@Test
	void aCompressedInstanceIsNeverConverted() throws Exception {
		StoreInstance jpeg = instance(CT, "1", TransferSyntax.of(JPEG_BASELINE));
		StoreInstance explicit = instance(CT, "2", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		try (DicomScp scp = DicomScp.builder().accept(CT).build().start();
				Association association = request(scp, StoreContexts.forInstances(List.of(jpeg, explicit)))) {
			TransferSyntaxNotAcceptedException ex = catchThrowableOfType(TransferSyntaxNotAcceptedException.class,
					() -> StoreContexts.select(association, jpeg));
			assertThat(ex.getTransferSyntaxUid()).isEqualTo(JPEG_BASELINE);
			assertThat(ex.getAcceptedTransferSyntaxUids()).containsExactly(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
			assertThat(ex.getMessage()).contains("JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50)")
				.contains("which is compressed and is not converted")
				.contains("only with Explicit VR Little Endian (1.2.840.10008.1.2.1)");
		}
	}

	@Test
	void aCompressedSyntaxRejectedAloneIsNamed() throws Exception {
		StoreInstance jpeg = instance(CT, "1", TransferSyntax.of(JPEG_BASELINE));
		try (DicomScp scp = DicomScp.builder().accept(CT).build().start();
				Association association = request(scp, StoreContexts.forInstances(List.of(jpeg)))) {
			TransferSyntaxNotAcceptedException ex = catchThrowableOfType(TransferSyntaxNotAcceptedException.class,
					() -> StoreContexts.select(association, jpeg));
			assertThat(ex.getAcceptedTransferSyntaxUids()).isEmpty();
			assertThat(ex.getMessage()).contains("JPEG Baseline (Process 1)")
				.contains("accepted none of the transfer syntaxes proposed for CT Image Storage");
		}
	}

	@Test
	void anUnsupportedSopClassIsANoAcceptedContextException() throws Exception {
		StoreInstance ct = instance(CT, "1", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		try (DicomScp scp = DicomScp.builder().build().start();
				Association association = request(scp, StoreContexts.forInstances(List.of(ct)))) {
			assertThatExceptionOfType(NoAcceptedContextException.class)
				.isThrownBy(() -> StoreContexts.select(association, ct))
				.withMessageContaining("No accepted presentation context for CT Image Storage");
		}
	}

	private static Association request(DicomScp scp, List<PresentationContext> contexts) throws Exception {
		return Association.request(AssociationRequest.builder("127.0.0.1", scp.getPort()).contexts(contexts).build());
	}

	private static StoreInstance instance(String sopClass, String sopInstance, TransferSyntax transferSyntax) {
		DataSet dataSet = new DataSet().setString("SOPClassUID", sopClass).setString("SOPInstanceUID", sopInstance);
		if (transferSyntax.isEncapsulated()) {
			dataSet.setFragments(0x7FE00010, new Fragments(new byte[0]).add(new byte[] { 1, 2 }));
		}
		return StoreInstance.of(dataSet, transferSyntax);
	}

}
