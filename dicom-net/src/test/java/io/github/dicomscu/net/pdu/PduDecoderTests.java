package io.github.dicomscu.net.pdu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link PduDecoder} on streams and on hostile input: every violation is a
 * {@link DicomProtocolException} with a precise message and the A-ABORT reason that
 * answers it.
 */
class PduDecoderTests {

	private static final long MAXIMUM_RECEIVE_LENGTH = 16382;

	/** Application context item: type, reserved, length 21, name; 25 bytes. */
	private static final String APPLICATION_CONTEXT = "10 00 | 00 15 | '1.2.840.10008.3.1.1.1'";

	/**
	 * Presentation context item: length 46, id 1, Verification, Implicit VR LE; 50 bytes.
	 */
	private static final String PRESENTATION_CONTEXT = """
			20 00 | 00 2E | 01 00 00 00
			  30 00 | 00 11 | '1.2.840.10008.1.1'
			  40 00 | 00 11 | '1.2.840.10008.1.2'
			""";

	/** User information item with the implementation class UID '1.2.3'; 13 bytes. */
	private static final String USER_INFORMATION = "50 00 | 00 09 | 52 00 00 05 '1.2.3'";

	@Test
	void readReturnsPdusBackToBackThenNull() throws IOException {
		PduDecoder decoder = decoder(concat(PduFixtures.P_DATA_TF, PduFixtures.RELEASE_RQ));
		assertThat(decoder.read()).isEqualTo(PduFixtures.P_DATA_TF_PDU);
		assertThat(decoder.read()).isEqualTo(new ReleaseRq());
		assertThat(decoder.read()).isNull();
	}

	@Test
	void readConsumesNothingBeyondThePdu() throws IOException {
		ByteArrayInputStream in = new ByteArrayInputStream(concat(PduFixtures.ASSOCIATE_AC, new byte[] { 0x42 }));
		assertThat(new PduDecoder(in, MAXIMUM_RECEIVE_LENGTH).read()).isEqualTo(PduFixtures.ASSOCIATE_AC_PDU);
		assertThat(in.read()).isEqualTo(0x42);
	}

	@Test
	void readPresentationDataValuesStreamsEachFragmentAndSkipsWhatTheHandlerLeaves() throws IOException {
		PduDecoder decoder = decoder(concat(PduFixtures.P_DATA_TF, PduFixtures.RELEASE_RP));
		assertThat(decoder.nextType()).isEqualTo(PduType.P_DATA_TF);
		assertThat(decoder.nextType()).isEqualTo(PduType.P_DATA_TF);
		List<String> seen = new ArrayList<>();
		decoder.readPresentationDataValues((contextId, command, last, fragment, length) -> {
			byte[] first = new byte[1];
			assertThat(fragment.read(first)).isEqualTo(1);
			seen.add(contextId + " " + command + " " + last + " " + length + " " + Arrays.toString(first));
		});
		assertThat(seen).containsExactly("1 true true 4 [1]", "3 false false 3 [-86]");
		assertThat(decoder.nextType()).isEqualTo(PduType.A_RELEASE_RP);
		assertThat(decoder.read()).isEqualTo(new ReleaseRp());
		assertThat(decoder.nextType()).isNull();
	}

	@Test
	void readPresentationDataValuesFragmentEndsAtItsLength() throws IOException {
		PduDecoder decoder = decoder(PduFixtures.P_DATA_TF);
		decoder.nextType();
		List<byte[]> fragments = new ArrayList<>();
		decoder.readPresentationDataValues(
				(contextId, command, last, fragment, length) -> fragments.add(fragment.readAllBytes()));
		assertThat(fragments).containsExactly(new byte[] { 1, 2, 3, 4 },
				new byte[] { (byte) 0xAA, (byte) 0xBB, (byte) 0xCC });
	}

	@Test
	void readPresentationDataValuesWhenNextPduIsNotPDataTf() throws IOException {
		PduDecoder decoder = decoder(PduFixtures.RELEASE_RQ);
		assertThatIllegalStateException().isThrownBy(() -> decoder.readPresentationDataValues((a, b, c, d, e) -> {
		})).withMessage("The next PDU is not read, not a P-DATA-TF");
		decoder.nextType();
		assertThatIllegalStateException().isThrownBy(() -> decoder.readPresentationDataValues((a, b, c, d, e) -> {
		})).withMessage("The next PDU is A-RELEASE-RQ, not a P-DATA-TF");
	}

	@Test
	void fragmentStreamReportsConnectionClosedInsteadOfEndOfStream() throws IOException {
		byte[] truncated = Arrays.copyOf(PduFixtures.P_DATA_TF, 13);
		PduDecoder decoder = decoder(truncated);
		decoder.nextType();
		assertProtocolError(() -> decoder.readPresentationDataValues((a, b, c, fragment, e) -> fragment.readAllBytes()),
				"connection closed after 7 of 19 bytes of P-DATA-TF", AbortReason.NOT_SPECIFIED);
	}

	@Test
	void unknownPduType() {
		assertProtocolError(() -> decoder(hex("09 00 00 00 00 04 00 00 00 00")).read(), "unknown PDU type 0x09",
				AbortReason.UNRECOGNIZED_PDU);
	}

	@ParameterizedTest
	@ValueSource(strings = { "01", "02" })
	void associatePduLengthOfFourGibibytes(String type) {
		String name = type.equals("01") ? "A-ASSOCIATE-RQ" : "A-ASSOCIATE-AC";
		assertProtocolError(() -> decoder(hex(type + " 00 FF FF FF FF")).read(),
				name + " PDU length 4294967295 exceeds the limit of 1048576 bytes",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "03", "05", "06", "07" })
	void fixedPduLengthOfFourGibibytes(String type) {
		assertProtocolError(() -> decoder(hex(type + " 00 FF FF FF FF 00 00 00 00")).read(),
				"PDU length 4294967295 is invalid, it must be 4", AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void pDataTfLengthOfFourGibibytesWithMaximumReceiveLength() {
		assertProtocolError(() -> decoder(hex("04 00 FF FF FF FF 00 00 00 06 01 03")).read(),
				"P-DATA-TF PDU length 4294967295 exceeds the maximum receive length 16382",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void pDataTfLengthOfFourGibibytesWithoutLimitAllocatesOnlyWhatArrives() {
		byte[] tenBytes = hex("04 00 | FF FF FF FF | 00 00 04 00");
		assertCheapFailure(tenBytes, "connection closed after 4 of 4294967295 bytes of P-DATA-TF");
	}

	@Test
	void pdvLengthOfTwoGibibytesWithoutLimitAllocatesOnlyWhatArrives() {
		byte[] header = hex("04 00 | FF FF FF FF | 7F FF FF F0 | 01 | 02");
		assertCheapFailure(concat(header, new byte[100]),
				"connection closed after 106 of 4294967295 bytes of P-DATA-TF");
	}

	@Test
	void rjWithLengthFive() {
		assertProtocolError(() -> decoder(hex("03 00 00 00 00 05 00 01 01 01 00")).read(),
				"A-ASSOCIATE-RJ PDU length 5 is invalid, it must be 4", AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void rjWithUndefinedResult() {
		assertProtocolError(() -> decoder(hex("03 00 00 00 00 04 00 03 01 01")).read(),
				"invalid A-ASSOCIATE-RJ: Unknown A-ASSOCIATE-RJ result 3", AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void abortWithUndefinedSourceAndReasonStillDecodes() throws IOException {
		assertThat(decoder(hex("07 00 00 00 00 04 00 00 09 09")).read())
			.isEqualTo(new Abort(AbortSource.RESERVED, AbortReason.NOT_SPECIFIED));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void pdvLengthShorterThanItsHeader(int itemLength) {
		assertProtocolError(() -> decoder(hex("04 00 00 00 00 06 00 00 00 0" + itemLength + " 01 03")).read(),
				"PDV item length " + itemLength + " is shorter than its 2-byte header",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void pdvLengthBeyondThePdu() {
		assertProtocolError(() -> decoder(hex("04 00 00 00 00 07 00 00 00 04 01 03 AA")).read(),
				"PDV item length 4 exceeds the 3 bytes remaining in the P-DATA-TF PDU",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void pDataTfWithoutPdv() {
		assertProtocolError(() -> decoder(hex("04 00 00 00 00 00")).read(),
				"P-DATA-TF PDU contains no presentation data value item", AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void pDataTfEndingInsideAPdvHeader() {
		assertProtocolError(() -> decoder(hex("04 00 00 00 00 0A | 00 00 00 02 01 03 | 00 00 00 02")).read(),
				"PDV item needs at least 6 bytes but only 4 remain in the P-DATA-TF PDU",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "00", "02", "FE" })
	void pdvWithEvenContextId(String contextId) {
		int id = Integer.parseInt(contextId, 16);
		assertProtocolError(() -> decoder(hex("04 00 00 00 00 07 00 00 00 03 " + contextId + " 02 AA")).read(),
				"PDV presentation context id " + id + " is not an odd number between 1 and 255",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void connectionClosedInsideHeader() {
		assertProtocolError(() -> decoder(hex("07 00 00")).read(),
				"connection closed after 3 of 6 bytes of A-ABORT header", AbortReason.NOT_SPECIFIED);
	}

	@Test
	void connectionClosedInsideBody() {
		assertProtocolError(() -> decoder(Arrays.copyOf(PduFixtures.ASSOCIATE_RQ, 100)).read(),
				"connection closed after 94 of 463 bytes of A-ASSOCIATE-RQ", AbortReason.NOT_SPECIFIED);
	}

	@Test
	void connectionClosedInsideFragment() {
		assertProtocolError(() -> decoder(Arrays.copyOf(PduFixtures.P_DATA_TF, 20)).read(),
				"connection closed after 14 of 19 bytes of P-DATA-TF", AbortReason.NOT_SPECIFIED);
	}

	@Test
	void decodeRejectsTrailingBytes() {
		assertProtocolError(() -> PduDecoder.decode(concat(PduFixtures.RELEASE_RQ, new byte[] { 0 }), 0),
				"1 trailing byte after the A-RELEASE-RQ PDU", AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void decodeRejectsEmptyInput() {
		assertProtocolError(() -> PduDecoder.decode(new byte[0], 0), "no PDU in an empty input",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void associateShorterThanItsFixedFields() {
		assertProtocolError(() -> decoder(hex("01 00 00 00 00 10")).read(),
				"A-ASSOCIATE-RQ PDU length 16 is shorter than its 68 bytes of fixed fields",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void itemLengthLargerThanWhatRemains() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + " 20 00 | 00 C8 | 01 00 00 00 | 30 00 00 04 '1.2.'");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"presentation context item (0x20) declares length 200 but only 12 bytes remain in the A-ASSOCIATE-RQ",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void subItemLengthLargerThanItsItem() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + " 20 00 | 00 0C | 01 00 00 00 | 30 00 00 40 '1.2.'");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"abstract syntax sub-item (0x30) declares length 64 but only 4 bytes remain in the presentation context item (0x20)",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void truncatedItemHeader() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + " 20 00 00");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"an item header needs 4 bytes but only 3 remain in the A-ASSOCIATE-RQ",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void truncatedRoleSelection() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + PRESENTATION_CONTEXT
				+ "50 00 | 00 10 | 52 00 00 05 '1.2.3' | 54 00 00 03 | 00 01 '1'");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"SCU role needs 1 byte but only 0 remain in the SCP/SCU role selection sub-item (0x54)",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void missingApplicationContext() {
		byte[] pdu = associateRq(PRESENTATION_CONTEXT + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"A-ASSOCIATE-RQ contains no application context item (0x10)", AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void missingUserInformation() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + PRESENTATION_CONTEXT);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0), "A-ASSOCIATE-RQ contains no user information item (0x50)",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void missingPresentationContext() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"A-ASSOCIATE-RQ contains no presentation context item (0x20)", AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void missingAbstractSyntax() {
		byte[] pdu = associateRq(
				APPLICATION_CONTEXT + "20 00 00 19 01 00 00 00 40 00 00 11 '1.2.840.10008.1.2'" + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"presentation context item (0x20) with id 1 contains no abstract syntax sub-item (0x30)",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void twoAbstractSyntaxes() {
		byte[] pdu = associateRq(
				APPLICATION_CONTEXT + "20 00 00 10 01 00 00 00 30 00 00 00 30 00 00 00 40 00 00 00" + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"presentation context item (0x20) contains more than one abstract syntax sub-item (0x30)",
				AbortReason.UNEXPECTED_PDU_PARAMETER);
	}

	@Test
	void missingTransferSyntax() {
		byte[] pdu = associateRq(
				APPLICATION_CONTEXT + "20 00 00 19 01 00 00 00 30 00 00 11 '1.2.840.10008.1.1'" + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"presentation context item (0x20) with id 1 contains no transfer syntax sub-item (0x40)",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void evenPresentationContextId() {
		byte[] pdu = associateRq(
				APPLICATION_CONTEXT + PRESENTATION_CONTEXT.replace("01 00 00 00", "02 00 00 00") + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"invalid A-ASSOCIATE-RQ: Presentation context id 2 is not an odd number between 1 and 255",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void duplicatePresentationContextId() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + PRESENTATION_CONTEXT + PRESENTATION_CONTEXT + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"A-ASSOCIATE-RQ contains two presentation context items with id 1",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void acceptancePresentationContextItemInARequest() {
		byte[] pdu = associateRq(
				APPLICATION_CONTEXT + PRESENTATION_CONTEXT + "21 00 00 08 03 00 00 00 40 00 00 00" + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"unexpected presentation context item (0x21) in the A-ASSOCIATE-RQ",
				AbortReason.UNEXPECTED_PDU_PARAMETER);
	}

	@Test
	void undefinedItemTypesAreSkippedAsPs38Requires() throws IOException {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + """
				77 00 00 02 AB CD
				20 00 00 33 01 00 00 00
				  30 00 00 11 '1.2.840.10008.1.1'
				  7F 00 00 01 FF
				  40 00 00 11 '1.2.840.10008.1.2'
				""" + USER_INFORMATION + "FF 00 00 00");
		AssociateRq rq = (AssociateRq) PduDecoder.decode(pdu, 0);
		assertThat(rq.presentationContexts())
			.containsExactly(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2")));
	}

	@Test
	void unknownUserInformationSubItemsArePreserved() throws IOException {
		byte[] pdu = associateRq(
				APPLICATION_CONTEXT + PRESENTATION_CONTEXT + "50 00 | 00 0F | 52 00 00 05 '1.2.3' | 5F 00 00 02 CA FE");
		UserInformation information = ((AssociateRq) PduDecoder.decode(pdu, 0)).userInformation();
		assertThat(information.unknownItems())
			.containsExactly(new UnknownItem(0x5F, new byte[] { (byte) 0xCA, (byte) 0xFE }));
		assertThat(information.maximumLength()).isEqualTo(UserInformation.NO_MAXIMUM_LENGTH_ITEM);
		assertThat(PduEncoder.encode(PduDecoder.decode(pdu, 0))).isEqualTo(pdu);
	}

	@Test
	void maximumLengthSubItemOfWrongLength() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + PRESENTATION_CONTEXT + "50 00 | 00 07 | 51 00 00 03 00 40 00");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"maximum length sub-item (0x51) has length 3, it must be 4", AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void repeatedMaximumLengthSubItem() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + PRESENTATION_CONTEXT
				+ "50 00 | 00 10 | 51 00 00 04 00 00 40 00 | 51 00 00 04 00 00 40 00");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"user information item (0x50) contains more than one maximum length sub-item (0x51)",
				AbortReason.UNEXPECTED_PDU_PARAMETER);
	}

	@Test
	void roleSelectionWithUndefinedRoleValue() {
		byte[] pdu = associateRq(
				APPLICATION_CONTEXT + PRESENTATION_CONTEXT + "50 00 | 00 09 | 54 00 00 05 | 00 01 '1' | 02 01");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"SCU role 2 in the SCP/SCU role selection sub-item (0x54) is neither 0 nor 1",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void userIdentityWithFieldLengthBeyondItsItem() {
		byte[] pdu = associateRq(APPLICATION_CONTEXT + PRESENTATION_CONTEXT
				+ "50 00 | 00 0D | 58 00 00 09 | 01 00 | 00 10 'abc' | 00 00");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"primary field declares length 16 but only 5 bytes remain in the user identity sub-item (0x58)",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void userIdentityOfUndefinedType() {
		byte[] pdu = associateRq(
				APPLICATION_CONTEXT + PRESENTATION_CONTEXT + "50 00 | 00 0A | 58 00 00 06 | 09 00 | 00 00 | 00 00");
		assertProtocolError(() -> PduDecoder.decode(pdu, 0), "invalid A-ASSOCIATE-RQ: Unknown user identity type 9",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void acceptedPresentationContextWithoutTransferSyntax() {
		byte[] pdu = associate("02", APPLICATION_CONTEXT + "21 00 00 04 01 00 00 00" + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"accepted presentation context item (0x21) with id 1 contains 0 transfer syntax sub-items (0x40), it must contain exactly one",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void rejectedPresentationContextKeepsWhateverTransferSyntaxItCarries() throws IOException {
		byte[] pdu = associate("02", APPLICATION_CONTEXT + "21 00 00 04 01 00 03 00"
				+ "21 00 00 0D 03 00 04 00 40 00 00 05 '1.2  '" + USER_INFORMATION);
		AssociateAc ac = (AssociateAc) PduDecoder.decode(pdu, 0);
		assertThat(ac.presentationContexts()).containsExactly(
				new PresentationContextAc(1, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, ""),
				new PresentationContextAc(3, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, "1.2"));
	}

	@Test
	void undefinedPresentationContextResult() {
		byte[] pdu = associate("02", APPLICATION_CONTEXT + "21 00 00 08 01 00 05 00 40 00 00 00" + USER_INFORMATION);
		assertProtocolError(() -> PduDecoder.decode(pdu, 0),
				"invalid A-ASSOCIATE-AC: Unknown presentation context result/reason 5",
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	@Test
	void paddingIsStrippedFromReceivedNamesAndUids() throws IOException {
		byte[] pdu = HexFixture.bytes("""
				01 00 00 00 00 9E | 00 01 00 00
				'  STORESCP      ' | 'STORESCU        '
				00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
				10 00 00 16 '1.2.840.10008.3.1.1.1' 00
				20 00 00 2E 01 00 00 00 30 00 00 11 '1.2.840.10008.1.1' 40 00 00 11 '1.2.840.10008.1.2'
				50 00 00 0A 52 00 00 06 '1.2.3' 00
				""");
		AssociateRq rq = (AssociateRq) PduDecoder.decode(pdu, 0);
		assertThat(rq.calledAeTitle()).isEqualTo("STORESCP");
		assertThat(rq.applicationContextName()).isEqualTo(AssociateRq.DICOM_APPLICATION_CONTEXT_NAME);
		assertThat(rq.userInformation().implementationClassUid()).isEqualTo("1.2.3");
	}

	private static void assertCheapFailure(byte[] input, String message) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocated = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			long before = threads.getCurrentThreadAllocatedBytes();
			assertProtocolError(() -> new PduDecoder(new ByteArrayInputStream(input), 0).read(), message,
					AbortReason.NOT_SPECIFIED);
			return threads.getCurrentThreadAllocatedBytes() - before;
		});
		assertThat(allocated).isLessThan(1024 * 1024);
	}

	private static void assertProtocolError(ThrowingCallable call, String message, AbortReason reason) {
		assertThatExceptionOfType(DicomProtocolException.class).isThrownBy(call)
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getAbortReason()).isEqualTo(reason));
	}

	/**
	 * Wrap items in an A-ASSOCIATE-RQ with the AE titles STORESCP and STORESCU.
	 */
	private static byte[] associateRq(String items) {
		return associate("01", items);
	}

	private static byte[] associate(String type, String items) {
		byte[] variable = HexFixture.bytes(items);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(hex(type + " 00"));
		int length = 68 + variable.length;
		out.writeBytes(new byte[] { 0, 0, (byte) (length >> 8), (byte) length });
		out.writeBytes(hex("00 01 00 00 'STORESCP        ' 'STORESCU        '"));
		out.writeBytes(new byte[32]);
		out.writeBytes(variable);
		return out.toByteArray();
	}

	private static PduDecoder decoder(byte[] bytes) {
		return new PduDecoder(new ByteArrayInputStream(bytes), MAXIMUM_RECEIVE_LENGTH);
	}

	private static byte[] hex(String listing) {
		return HexFixture.bytes(listing);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] bytes = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, bytes, first.length, second.length);
		return bytes;
	}

}
