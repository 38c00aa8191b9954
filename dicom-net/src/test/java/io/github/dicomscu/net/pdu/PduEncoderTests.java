package io.github.dicomscu.net.pdu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link PduEncoder} refuses values the wire format cannot carry and streams P-DATA-TF
 * fragments without copying them.
 */
class PduEncoderTests {

	private static final List<PresentationContextRq> VERIFICATION = List
		.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2")));

	private static final UserInformation USER_INFORMATION = UserInformation.of(16382, "1.2.3", null);

	@Test
	void abortFactoriesSetTheSourceAndAReasonOnlyForTheProvider() {
		assertThat(PduEncoder.encode(Abort.byServiceUser())).containsExactly(0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00,
				0x00, 0x00, 0x00);
		assertThat(PduEncoder.encode(Abort.byServiceProvider(AbortReason.UNEXPECTED_PDU))).containsExactly(0x07, 0x00,
				0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x02);
	}

	@Test
	void tokenUserIdentityHasAnEmptySecondaryField() {
		UserInformation information = UserInformation.builder()
			.maximumLength(16382)
			.implementationClassUid("1.2.3")
			.userIdentityRq(UserIdentityRq.of(UserIdentityType.JWT, null, null, new byte[] { 'a', '.', 'b' }, true))
			.build();
		byte[] bytes = PduEncoder
			.encode(new AssociateRq(1, "SCP", "SCU", "1.2.840.10008.3.1.1.1", VERIFICATION, information));
		byte[] userIdentity = Arrays.copyOfRange(bytes, bytes.length - 13, bytes.length);
		// 58H, reserved, length 9: type 5 (JWT), positive response requested, primary
		// field length 3, the token, secondary field length 0
		assertThat(userIdentity).containsExactly(0x58, 0x00, 0x00, 0x09, 0x05, 0x01, 0x00, 0x03, 'a', '.', 'b', 0x00,
				0x00);
	}

	@Test
	void aeTitleOfSeventeenCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(request("STORESCP_ARCHIVE1", "SCU")))
			.withMessage("Invalid Called AE title 'STORESCP_ARCHIVE1': it has 17 characters, at most 16 are allowed");
	}

	@Test
	void aeTitleOfSixteenCharactersIsNotPadded() {
		byte[] bytes = PduEncoder.encode(request("STORESCP_ARCHIVE", "SCU"));
		assertThat(Arrays.copyOfRange(bytes, 10, 42)).asString().isEqualTo("STORESCP_ARCHIVESCU             ");
	}

	@Test
	void aeTitleWithNonAsciiCharacter() {
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(request("STORESCP", "SCÜ")))
			.withMessage("Invalid Calling AE title 'SCÜ': it contains the character U+00DC at position 3; "
					+ "only printable ASCII is allowed");
	}

	@Test
	void aeTitleWithBackslash() {
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(request("A\\B", "SCU")))
			.withMessageContaining("backslash at position 2");
	}

	@Test
	void blankAeTitle() {
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(request("   ", "SCU")))
			.withMessage("Invalid Called AE title '   ': it is empty or only spaces");
	}

	@Test
	void malformedUid() {
		AssociateRq rq = new AssociateRq(1, "SCP", "SCU", AssociateRq.DICOM_APPLICATION_CONTEXT_NAME,
				List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2 "))),
				USER_INFORMATION);
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(rq))
			.withMessage("Transfer syntax '1.2.840.10008.1.2 ' is not a UID: ' ' at index 17 is not a digit or dot");
	}

	@Test
	void uidLongerThan64Characters() {
		String uid = "1." + "2".repeat(63);
		AssociateRq rq = new AssociateRq(1, "SCP", "SCU", uid, VERIFICATION, USER_INFORMATION);
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(rq))
			.withMessage("Application context name '" + uid + "' is not a UID of 1 to 64 characters");
	}

	@Test
	void requestWithoutPresentationContext() {
		AssociateRq rq = new AssociateRq(1, "SCP", "SCU", AssociateRq.DICOM_APPLICATION_CONTEXT_NAME, List.of(),
				USER_INFORMATION);
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(rq))
			.withMessage("An A-ASSOCIATE-RQ proposes at least one presentation context");
	}

	@Test
	void presentationContextWithoutTransferSyntax() {
		AssociateRq rq = new AssociateRq(1, "SCP", "SCU", AssociateRq.DICOM_APPLICATION_CONTEXT_NAME,
				List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of())), USER_INFORMATION);
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(rq))
			.withMessage("Presentation context 1 proposes no transfer syntax");
	}

	@Test
	void presentationContextIdUsedTwice() {
		AssociateRq rq = new AssociateRq(1, "SCP", "SCU", AssociateRq.DICOM_APPLICATION_CONTEXT_NAME,
				List.of(VERIFICATION.get(0), VERIFICATION.get(0)), USER_INFORMATION);
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(rq))
			.withMessage("Presentation context id 1 is used twice");
	}

	@Test
	void userInformationWithoutImplementationClassUid() {
		AssociateRq rq = new AssociateRq(1, "SCP", "SCU", AssociateRq.DICOM_APPLICATION_CONTEXT_NAME, VERIFICATION,
				UserInformation.of(0, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(rq))
			.withMessage("The user information of an A-ASSOCIATE-RQ requires an implementation class UID");
	}

	@Test
	void implementationVersionNameOfSeventeenCharacters() {
		AssociateRq rq = new AssociateRq(1, "SCP", "SCU", AssociateRq.DICOM_APPLICATION_CONTEXT_NAME, VERIFICATION,
				UserInformation.of(0, "1.2.3", "DICOMSCU_0.1.0_RC"));
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(rq))
			.withMessage("Implementation version name 'DICOMSCU_0.1.0_RC' is not 1 to 16 characters long");
	}

	@Test
	void itemLongerThanAnItemLengthCanExpress() {
		UserInformation information = UserInformation.builder()
			.implementationClassUid("1.2.3")
			.extendedNegotiation(new SopClassExtendedNegotiation("1.2.3", new byte[70_000]))
			.build();
		AssociateRq rq = new AssociateRq(1, "SCP", "SCU", AssociateRq.DICOM_APPLICATION_CONTEXT_NAME, VERIFICATION,
				information);
		assertThatIllegalArgumentException().isThrownBy(() -> PduEncoder.encode(rq))
			.withMessage("SOP class extended negotiation sub-item (0x56) is 70007 bytes long, "
					+ "more than the 65535 a 16-bit length can express");
	}

	@Test
	void writePDataTfHeaderStartsASingleValuePdu() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PduEncoder.writePDataTfHeader(out, 5, false, true, 256);
		assertThat(out.toByteArray()).isEqualTo(HexFixture.bytes("""
				04 00 | 00 00 01 06                      # P-DATA-TF, reserved, PDU length 262
				00 00 01 02 | 05 | 02                    # PDV item length 258, context id 5, data set + last
				"""));
		byte[] fragment = new byte[256];
		Arrays.fill(fragment, (byte) 7);
		out.write(fragment);
		assertThat(new PduDecoder(new ByteArrayInputStream(out.toByteArray()), 16382).read())
			.isEqualTo(new PDataTf(List.of(new PresentationDataValue(5, false, true, fragment))));
	}

	@Test
	void writePDataTfHeaderRejectsEvenContextId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PduEncoder.writePDataTfHeader(OutputStream.nullOutputStream(), 4, true, true, 10))
			.withMessage("Presentation context id 4 is not an odd number between 1 and 255");
	}

	@Test
	void writeHandsFragmentsToTheStreamWithoutCopying() throws IOException {
		List<byte[]> arrays = new ArrayList<>();
		OutputStream out = new OutputStream() {

			@Override
			public void write(int b) {
				throw new AssertionError("single byte write");
			}

			@Override
			public void write(byte[] b, int off, int len) {
				arrays.add(b);
			}

		};
		PduEncoder.write(PduFixtures.P_DATA_TF_PDU, out);
		List<PresentationDataValue> values = PduFixtures.P_DATA_TF_PDU.values();
		assertThat(arrays).hasSize(5);
		assertThat(arrays.get(2)).isSameAs(values.get(0).data());
		assertThat(arrays.get(4)).isSameAs(values.get(1).data());
	}

	private static AssociateRq request(String calledAeTitle, String callingAeTitle) {
		return new AssociateRq(AssociateRq.PROTOCOL_VERSION, calledAeTitle, callingAeTitle,
				AssociateRq.DICOM_APPLICATION_CONTEXT_NAME, VERIFICATION, USER_INFORMATION);
	}

}
