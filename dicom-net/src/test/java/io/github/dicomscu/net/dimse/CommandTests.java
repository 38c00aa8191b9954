package io.github.dicomscu.net.dimse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.AbortReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link Command}. Fixtures are written by hand from the Implicit VR Little
 * Endian element layout of PS3.5 section 7.1.3 (tag group LE, tag element LE, 32-bit
 * length LE, value) and the C-ECHO message fields of PS3.7 section 9.3.5.
 */
class CommandTests {

	private static final String VERIFICATION = "1.2.840.10008.1.1";

	/*
	 * C-ECHO-RQ, Message ID 1. Command Group Length counts every byte after its own
	 * element: (0000,0002) 8 header + 18 value ("1.2.840.10008.1.1" is 17 characters, one
	 * 0x00 pad) = 26 (0000,0100) 8 header + 2 value = 10 (0000,0110) 8 header + 2 value =
	 * 10 (0000,0800) 8 header + 2 value = 10 total = 56 = 0x38
	 */
	private static final byte[] ECHO_RQ = hex(
			// (0000,0000) UL CommandGroupLength, length 4, value 56
			"0000 0000 04000000 38000000",
			// (0000,0002) UI AffectedSOPClassUID, length 18, "1.2.840.10008.1.1" + 0x00
			"0000 0200 12000000 312E322E3834302E31303030382E312E31 00",
			// (0000,0100) US CommandField, length 2, 0x0030 C-ECHO-RQ
			"0000 0001 02000000 3000",
			// (0000,0110) US MessageID, length 2, 1
			"0000 1001 02000000 0100",
			// (0000,0800) US CommandDataSetType, length 2, 0x0101 no data set
			"0000 0008 02000000 0101");

	/*
	 * C-ECHO-RSP, Message ID Being Responded To 1, Status 0x0000: (0000,0002) 26 +
	 * (0000,0100) 10 + (0000,0120) 10 + (0000,0800) 10 + (0000,0900) 10 = 66 = 0x42
	 */
	private static final byte[] ECHO_RSP = hex(
			// (0000,0000) UL CommandGroupLength, length 4, value 66
			"0000 0000 04000000 42000000",
			// (0000,0002) UI AffectedSOPClassUID, length 18, "1.2.840.10008.1.1" + 0x00
			"0000 0200 12000000 312E322E3834302E31303030382E312E31 00",
			// (0000,0100) US CommandField, length 2, 0x8030 C-ECHO-RSP
			"0000 0001 02000000 3080",
			// (0000,0120) US MessageIDBeingRespondedTo, length 2, 1
			"0000 2001 02000000 0100",
			// (0000,0800) US CommandDataSetType, length 2, 0x0101 no data set
			"0000 0008 02000000 0101",
			// (0000,0900) US Status, length 2, 0x0000 success
			"0000 0009 02000000 0000");

	@Test
	void echoRqEncodesByteExact() {
		assertThat(Command.echoRq(1).encode()).isEqualTo(ECHO_RQ).hasSize(68);
	}

	@Test
	void echoRspEncodesByteExact() {
		assertThat(Command.echoRsp(1, Status.SUCCESS).encode()).isEqualTo(ECHO_RSP).hasSize(78);
	}

	@Test
	void decodeEchoRq() throws DicomProtocolException {
		Command command = Command.decode(ECHO_RQ);
		assertThat(command.commandField()).isEqualTo(CommandField.C_ECHO_RQ);
		assertThat(command.messageId()).isEqualTo(1);
		assertThat(command.affectedSopClassUid()).isEqualTo(VERIFICATION);
		assertThat(command.hasDataSet()).isFalse();
		assertThat(command.getInt(CommandTag.COMMAND_GROUP_LENGTH, -1)).isEqualTo(56);
		assertThat(command.encode()).isEqualTo(ECHO_RQ);
	}

	@Test
	void decodeEchoRsp() throws DicomProtocolException {
		Command command = Command.decode(ECHO_RSP);
		assertThat(command.commandField()).isEqualTo(CommandField.C_ECHO_RSP);
		assertThat(command.messageIdBeingRespondedTo()).isEqualTo(1);
		assertThat(command.status()).isEqualTo(Status.SUCCESS);
		assertThat(command.encode()).isEqualTo(ECHO_RSP);
	}

	@Test
	void roundTripKeepsEveryValueKind() throws DicomProtocolException {
		Command command = new Command().putUS(CommandTag.COMMAND_FIELD, CommandField.C_MOVE_RSP.code())
			.putUid(CommandTag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.2.2.2")
			.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, 65535)
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, 0x0000)
			.putUS(CommandTag.STATUS, Status.MOVE_DESTINATION_UNKNOWN)
			.putAT(CommandTag.OFFENDING_ELEMENT, 0x00100020, 0x7FE00010)
			.putString(CommandTag.ERROR_COMMENT, "Unknown AE")
			.putString(CommandTag.MOVE_DESTINATION, "STORESCP")
			.putUL(0x00000001, 0xFFFFFFF0L);
		byte[] encoded = command.encode();

		Command decoded = Command.decode(encoded);

		assertThat(decoded.encode()).isEqualTo(encoded);
		assertThat(decoded.commandField()).isEqualTo(CommandField.C_MOVE_RSP);
		assertThat(decoded.affectedSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.2.2");
		assertThat(decoded.messageIdBeingRespondedTo()).isEqualTo(65535);
		assertThat(decoded.hasDataSet()).isTrue();
		assertThat(decoded.status()).isEqualTo(0xA801);
		assertThat(decoded.getTags(CommandTag.OFFENDING_ELEMENT)).containsExactly(0x00100020, 0x7FE00010);
		assertThat(decoded.errorComment()).isEqualTo("Unknown AE");
		assertThat(decoded.getString(CommandTag.MOVE_DESTINATION)).isEqualTo("STORESCP");
		assertThat(decoded.getBytes(0x00000001)).containsExactly(0xF0, 0xFF, 0xFF, 0xFF);
		assertThat(command.toString())
			.startsWith("(0000,0000) UL 138 # CommandGroupLength\n(0000,0001) UL 4294967280\n");
		assertThat(decoded.toString()).contains("\n(0000,0001) UN F0 FF FF FF\n");
	}

	@Test
	void decodeKeepsUnknownElementAsRawBytes() throws DicomProtocolException {
		byte[] unknown = element(0x00005010, "AB".getBytes(StandardCharsets.US_ASCII));
		byte[] bytes = concat(us(CommandTag.COMMAND_FIELD, 0x0030), unknown);
		Command command = Command.decode(bytes);
		assertThat(command.contains(0x00005010)).isTrue();
		assertThat(command.getBytes(0x00005010)).containsExactly('A', 'B');
		assertThat(command.toString()).contains("(0000,5010) UN 41 42");
		assertThat(command.encode()).endsWith(bytes);
		assertThatIllegalArgumentException().isThrownBy(() -> command.getInt(0x00005010, 0))
			.withMessage("(0000,5010) has VR UN; expected US or UL");
	}

	@Test
	void decodeAcceptsOddLengthUidAndPadsIt() throws DicomProtocolException {
		byte[] uid = VERIFICATION.getBytes(StandardCharsets.US_ASCII);
		Command command = Command
			.decode(concat(element(CommandTag.AFFECTED_SOP_CLASS_UID, uid), us(CommandTag.COMMAND_FIELD, 0x0030)));
		assertThat(command.affectedSopClassUid()).isEqualTo(VERIFICATION);
		assertThat(command.getBytes(CommandTag.AFFECTED_SOP_CLASS_UID)).hasSize(18).endsWith(0);
	}

	@Test
	void decodeRejectsValueLengthPastEnd() {
		byte[] bytes = concat(us(CommandTag.COMMAND_FIELD, 0x0030), hex("0000 1001 64000000 0100"));
		assertInvalid(bytes, "Element (0000,0110) MessageID at offset 10 has value length 100 but only 2 bytes remain");
	}

	@Test
	void decodeKeepsElementsOutsideCommandGroupApartAndNeverEncodesThem() throws DicomProtocolException {
		byte[] commandGroup = concat(us(CommandTag.COMMAND_FIELD, 0x8010), us(CommandTag.STATUS, 0xB000));
		byte[] failed = element(0x00080058, "1.2.3.2\\1.2.3.5 ".getBytes(StandardCharsets.US_ASCII));
		byte[] bytes = concat(ul(CommandTag.COMMAND_GROUP_LENGTH, commandGroup.length), commandGroup, failed);
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(Command.class);
		Level level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		logger.addAppender(log);
		log.start();
		Command command;
		try {
			command = Command.decode(bytes);
		}
		finally {
			logger.detachAppender(log);
			logger.setLevel(level);
		}
		assertThat(log.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
			assertThat(event.getFormattedMessage())
				.isEqualTo("Command set carries elements outside group 0000, read as they are: (0008,0058)");
		});
		assertThat(command.status()).isEqualTo(0xB000);
		assertThat(command.getNonCommandStrings(0x00080058)).containsExactly("1.2.3.2", "1.2.3.5");
		assertThat(command.getNonCommandStrings(0x00080016)).isEmpty();
		assertThat(command.contains(0x00080058)).isFalse();
		assertThat(command.encode())
			.isEqualTo(concat(ul(CommandTag.COMMAND_GROUP_LENGTH, commandGroup.length), commandGroup));
	}

	@Test
	void decodeAcceptsGroupLengthCoveringElementsOutsideCommandGroup() throws DicomProtocolException {
		byte[] following = concat(us(CommandTag.COMMAND_FIELD, 0x8021),
				element(0x00080058, "1.2.3.2\0".getBytes(StandardCharsets.US_ASCII)));
		Command command = Command.decode(concat(ul(CommandTag.COMMAND_GROUP_LENGTH, following.length), following));
		assertThat(command.getNonCommandStrings(0x00080058)).containsExactly("1.2.3.2");
	}

	@Test
	void decodeRejectsGroupLengthMatchingNeitherExtent() {
		byte[] following = concat(us(CommandTag.COMMAND_FIELD, 0x8021), element(0x00080058, new byte[2]));
		assertInvalid(concat(ul(CommandTag.COMMAND_GROUP_LENGTH, 12), following),
				"(0000,0000) CommandGroupLength at offset 0 is 12 but 10 bytes follow it");
	}

	@Test
	void decodeRejectsElementOutsideCommandGroupOutOfOrder() {
		byte[] bytes = concat(us(CommandTag.COMMAND_FIELD, 0x0030), element(0x00080058, new byte[2]),
				element(0x00080016, new byte[2]));
		assertInvalid(bytes, "Element (0008,0016) at offset 20 is out of ascending order: it follows (0008,0058)");
	}

	@Test
	void decodeRejectsDescendingTags() {
		byte[] bytes = concat(us(CommandTag.MESSAGE_ID, 1), us(CommandTag.COMMAND_FIELD, 0x0030));
		assertInvalid(bytes, "Element (0000,0100) CommandField at offset 10 is out of ascending order: "
				+ "it follows (0000,0110) MessageID");
	}

	@Test
	void decodeRejectsRepeatedTag() {
		byte[] bytes = concat(us(CommandTag.COMMAND_FIELD, 0x0030), us(CommandTag.COMMAND_FIELD, 0x0030));
		assertInvalid(bytes, "Element (0000,0100) CommandField at offset 10 is repeated");
	}

	@Test
	void decodeRejectsWrongGroupLength() {
		byte[] bytes = ECHO_RQ.clone();
		bytes[8] = 0x3A;
		assertInvalid(bytes, "(0000,0000) CommandGroupLength at offset 0 is 58 but 56 bytes follow it");
	}

	@Test
	void decodeRejectsTruncatedHeader() {
		byte[] bytes = concat(us(CommandTag.COMMAND_FIELD, 0x0030), hex("0000 0009"));
		assertInvalid(bytes, "Truncated element header at offset 10: 4 of 8 bytes present");
	}

	@Test
	void decodeRejectsValueLengthThatDoesNotFitVr() {
		byte[] bytes = element(CommandTag.COMMAND_FIELD, new byte[4]);
		assertInvalid(bytes, "Element (0000,0100) CommandField at offset 0 has value length 4, US requires 2");
	}

	@Test
	void decodeRejectsUnknownCommandField() {
		assertInvalid(us(CommandTag.COMMAND_FIELD, 0x1234),
				"Element (0000,0100) CommandField at offset 0 has unknown value 0x1234");
	}

	@Test
	void decodeRejectsMissingCommandField() {
		assertInvalid(us(CommandTag.MESSAGE_ID, 1), "Command set has no (0000,0100) CommandField");
	}

	@Test
	void stringsArePaddedToEvenLengthAndReadBackTrimmed() {
		Command command = new Command().putString(CommandTag.MOVE_DESTINATION, "ODD")
			.putString(CommandTag.AFFECTED_SOP_INSTANCE_UID, "1.2.3");
		assertThat(command.getBytes(CommandTag.MOVE_DESTINATION)).containsExactly('O', 'D', 'D', ' ');
		assertThat(command.getBytes(CommandTag.AFFECTED_SOP_INSTANCE_UID)).containsExactly('1', '.', '2', '.', '3', 0);
		assertThat(command.getString(CommandTag.MOVE_DESTINATION)).isEqualTo("ODD");
		assertThat(command.affectedSopInstanceUid()).isEqualTo("1.2.3");
		assertThat(command.getString(CommandTag.REQUESTED_SOP_INSTANCE_UID)).isNull();
	}

	@Test
	void putRejectsValuesThatDoNotFit() {
		Command command = new Command();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> command.putString(CommandTag.MOVE_DESTINATION, "A".repeat(17)))
			.withMessageContaining("at most 16");
		assertThatIllegalArgumentException().isThrownBy(() -> command.putString(CommandTag.ERROR_COMMENT, "a\\b"))
			.withMessageContaining("without backslash");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> command.putUid(CommandTag.AFFECTED_SOP_CLASS_UID, "1.2.x"))
			.withMessage("Invalid UID '1.2.x' for (0000,0002) AffectedSOPClassUID: 1 to 64 digits and dots expected");
		assertThatIllegalArgumentException().isThrownBy(() -> command.putUS(CommandTag.MESSAGE_ID, 65536))
			.withMessage("Value 65536 of (0000,0110) MessageID is not an unsigned 16-bit value");
		assertThatIllegalArgumentException().isThrownBy(() -> command.putUS(CommandTag.AFFECTED_SOP_CLASS_UID, 1))
			.withMessage("(0000,0002) AffectedSOPClassUID has VR UI, not US");
		assertThatIllegalArgumentException().isThrownBy(() -> command.putUL(CommandTag.COMMAND_GROUP_LENGTH, 4))
			.withMessage("(0000,0000) CommandGroupLength is not a settable command element; encode() computes it");
		assertThatIllegalArgumentException().isThrownBy(() -> command.putUS(0x00080060, 1))
			.withMessage("(0008,0060) is not a settable command element");
	}

	@Test
	void requiredAccessorNamesMissingElement() {
		assertThatIllegalStateException().isThrownBy(() -> Command.echoRq(7).status())
			.withMessage("C-ECHO-RQ has no (0000,0900) Status");
		assertThatIllegalStateException().isThrownBy(() -> new Command().commandField())
			.withMessage("Command has no (0000,0100) CommandField");
	}

	@Test
	void toStringListsElementsWithKeywords() {
		Command command = Command.echoRsp(1, Status.SUCCESS);
		assertThat(command).hasToString("""
				(0000,0000) UL 66 # CommandGroupLength
				(0000,0002) UI 1.2.840.10008.1.1 # AffectedSOPClassUID
				(0000,0100) US C-ECHO-RSP # CommandField
				(0000,0120) US 1 # MessageIDBeingRespondedTo
				(0000,0800) US 0x0101 (no data set) # CommandDataSetType
				(0000,0900) US 0x0000 (Success: Success) # Status""");
	}

	@Test
	void toStringUsesServiceSpecificStatusMeaning() {
		Command command = new Command().putUS(CommandTag.COMMAND_FIELD, CommandField.C_MOVE_RSP.code())
			.putUS(CommandTag.STATUS, Status.COERCION_OF_DATA_ELEMENTS)
			.putAT(CommandTag.OFFENDING_ELEMENT, 0x00100010, 0x00100020);
		assertThat(command.toString()).contains(
				"(0000,0900) US 0xB000 (Warning: Sub-operations complete, one or more failures or warnings) # Status",
				"(0000,0901) AT (0010,0010)\\(0010,0020) # OffendingElement");
	}

	private static void assertInvalid(byte[] bytes, String message) {
		assertThatExceptionOfType(DicomProtocolException.class).isThrownBy(() -> Command.decode(bytes))
			.withMessage("Invalid DIMSE command set: " + message)
			.satisfies((ex) -> assertThat(ex.getAbortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE));
	}

	private static byte[] ul(int tag, int value) {
		return element(tag,
				new byte[] { (byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24) });
	}

	private static byte[] us(int tag, int value) {
		return element(tag, new byte[] { (byte) value, (byte) (value >>> 8) });
	}

	private static byte[] element(int tag, byte[] value) {
		int length = value.length;
		byte[] header = { (byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8), (byte) length,
				(byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24) };
		return concat(header, value);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] hex(String... parts) {
		return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
	}

}
