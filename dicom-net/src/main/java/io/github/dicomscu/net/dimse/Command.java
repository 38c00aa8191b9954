package io.github.dicomscu.net.dimse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.AbortReason;

/**
 * The command set of a DIMSE message (PS3.7 section 6.3 and 9.3): the elements of group
 * 0000, kept in ascending tag order, encoded and decoded with the Implicit VR Little
 * Endian transfer syntax that PS3.7 mandates for every command set.
 * <p>
 * Values are stored in their encoded form, padded to even length as PS3.5 requires (UIDs
 * with 0x00, text with 0x20). Command Group Length (0000,0000) is never stored: it is
 * derived from the other elements, so {@link #encode()} always writes the right value. An
 * element of the {@link CommandTag command dictionary} only takes a value of its own VR;
 * an element outside it takes the VR of the method that sets it, and when decoded is kept
 * as raw bytes (VR UN) and written back unchanged. Elements outside group 0000, which
 * some peers put into a command set against PS3.7 (Orthanc adds Failed SOP Instance UID
 * List (0008,0058) to its C-GET and C-MOVE responses), are kept apart when decoded, can
 * be read with {@link #getNonCommandStrings(int)}, and are never encoded.
 * <p>
 * A command is mutable and not thread-safe; build it on one thread, then share it only
 * for reading.
 */
public final class Command {

	private static final Logger logger = LoggerFactory.getLogger(Command.class);

	/**
	 * Command Data Set Type (0000,0800) value meaning that no data set follows the
	 * command.
	 */
	public static final int NO_DATA_SET = 0x0101;

	/**
	 * Command Data Set Type value this engine writes when a data set follows the command.
	 */
	public static final int DATA_SET_PRESENT = 0x0001;

	private static final String VERIFICATION_SOP_CLASS_UID = "1.2.840.10008.1.1";

	private static final int ELEMENT_HEADER_LENGTH = 8;

	private static final int GROUP_LENGTH_ELEMENT_LENGTH = ELEMENT_HEADER_LENGTH + 4;

	private static final int MAX_US = 0xFFFF;

	private static final long MAX_UL = 0xFFFFFFFFL;

	private static final int MAX_UID_LENGTH = 64;

	private static final Map<String, Integer> MAX_TEXT_LENGTH = Map.of("AE", 16, "LO", 64);

	private static final byte UID_PADDING = 0x00;

	private static final byte TEXT_PADDING = 0x20;

	private static final String UNKNOWN_VR = "UN";

	private final SortedMap<Integer, Element> elements = new TreeMap<>();

	private final SortedMap<Integer, byte[]> nonCommandElements = new TreeMap<>();

	/**
	 * Create an empty command set.
	 */
	public Command() {
	}

	/**
	 * Create a C-ECHO-RQ (PS3.7 section 9.3.5.1) for the Verification SOP Class.
	 * @param messageId the Message ID, 0 to 65535
	 * @return the command, without a data set
	 */
	public static Command echoRq(int messageId) {
		return new Command().putUid(CommandTag.AFFECTED_SOP_CLASS_UID, VERIFICATION_SOP_CLASS_UID)
			.putUS(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RQ.code())
			.putUS(CommandTag.MESSAGE_ID, messageId)
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, NO_DATA_SET);
	}

	/**
	 * Create a C-ECHO-RSP (PS3.7 section 9.3.5.2) for the Verification SOP Class.
	 * @param messageIdBeingRespondedTo the Message ID of the C-ECHO-RQ answered
	 * @param status the status code, see {@link Status}
	 * @return the command, without a data set
	 */
	public static Command echoRsp(int messageIdBeingRespondedTo, int status) {
		return new Command().putUid(CommandTag.AFFECTED_SOP_CLASS_UID, VERIFICATION_SOP_CLASS_UID)
			.putUS(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RSP.code())
			.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, messageIdBeingRespondedTo)
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, NO_DATA_SET)
			.putUS(CommandTag.STATUS, status);
	}

	/**
	 * Create a C-STORE-RQ (PS3.7 section 9.3.1.1).
	 * @param messageId the Message ID
	 * @param sopClassUid the Affected SOP Class UID
	 * @param sopInstanceUid the Affected SOP Instance UID
	 * @param priority the priority
	 * @return the command, announcing a data set
	 */
	public static Command storeRq(int messageId, String sopClassUid, String sopInstanceUid, Priority priority) {
		return new Command().putUid(CommandTag.AFFECTED_SOP_CLASS_UID, sopClassUid)
			.putUS(CommandTag.COMMAND_FIELD, CommandField.C_STORE_RQ.code())
			.putUS(CommandTag.MESSAGE_ID, messageId)
			.putUS(CommandTag.PRIORITY, priority.code())
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, DATA_SET_PRESENT)
			.putUid(CommandTag.AFFECTED_SOP_INSTANCE_UID, sopInstanceUid);
	}

	/**
	 * Create a C-STORE-RSP (PS3.7 section 9.3.1.2).
	 * @param request the C-STORE-RQ answered
	 * @param status the status code
	 * @return the command, without a data set
	 */
	public static Command storeRsp(Command request, int status) {
		return new Command().putUid(CommandTag.AFFECTED_SOP_CLASS_UID, request.affectedSopClassUid())
			.putUS(CommandTag.COMMAND_FIELD, CommandField.C_STORE_RSP.code())
			.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, request.messageId())
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, NO_DATA_SET)
			.putUS(CommandTag.STATUS, status)
			.putUid(CommandTag.AFFECTED_SOP_INSTANCE_UID, request.affectedSopInstanceUid());
	}

	/**
	 * Create a C-FIND-RQ (PS3.7 section 9.3.2.1); the identifier follows as its data set.
	 * @param messageId the Message ID
	 * @param sopClassUid the Affected SOP Class UID (the information model)
	 * @param priority the priority
	 * @return the command, announcing a data set
	 */
	public static Command findRq(int messageId, String sopClassUid, Priority priority) {
		return queryRetrieveRq(CommandField.C_FIND_RQ, messageId, sopClassUid, priority);
	}

	/**
	 * Create a C-GET-RQ (PS3.7 section 9.3.3.1); the identifier follows as its data set.
	 * @param messageId the Message ID
	 * @param sopClassUid the Affected SOP Class UID (the information model)
	 * @param priority the priority
	 * @return the command, announcing a data set
	 */
	public static Command getRq(int messageId, String sopClassUid, Priority priority) {
		return queryRetrieveRq(CommandField.C_GET_RQ, messageId, sopClassUid, priority);
	}

	/**
	 * Create a C-MOVE-RQ (PS3.7 section 9.3.4.1); the identifier follows as its data set.
	 * @param messageId the Message ID
	 * @param sopClassUid the Affected SOP Class UID (the information model)
	 * @param priority the priority
	 * @param moveDestination the AE title to move the instances to
	 * @return the command, announcing a data set
	 */
	public static Command moveRq(int messageId, String sopClassUid, Priority priority, String moveDestination) {
		return queryRetrieveRq(CommandField.C_MOVE_RQ, messageId, sopClassUid, priority)
			.putString(CommandTag.MOVE_DESTINATION, moveDestination);
	}

	/**
	 * Create a C-CANCEL-RQ (PS3.7 section 9.3.2.3) for an outstanding request.
	 * @param messageIdBeingRespondedTo the Message ID of the request to cancel
	 * @return the command, without a data set
	 */
	public static Command cancelRq(int messageIdBeingRespondedTo) {
		return new Command().putUS(CommandTag.COMMAND_FIELD, CommandField.C_CANCEL_RQ.code())
			.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, messageIdBeingRespondedTo)
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, NO_DATA_SET);
	}

	private static Command queryRetrieveRq(CommandField field, int messageId, String sopClassUid, Priority priority) {
		return new Command().putUid(CommandTag.AFFECTED_SOP_CLASS_UID, sopClassUid)
			.putUS(CommandTag.COMMAND_FIELD, field.code())
			.putUS(CommandTag.MESSAGE_ID, messageId)
			.putUS(CommandTag.PRIORITY, priority.code())
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, DATA_SET_PRESENT);
	}

	/**
	 * Set a UI element.
	 * @param tag a group 0000 tag whose VR is UI or not in the command dictionary
	 * @param uid the UID: 1 to 64 characters, digits and dots only
	 * @return this command
	 * @throws IllegalArgumentException if the tag does not take a UI value or the UID is
	 * invalid
	 */
	public Command putUid(int tag, String uid) {
		Objects.requireNonNull(uid, "UID must not be null");
		boolean digitsAndDots = uid.chars().allMatch((c) -> c == '.' || (c >= '0' && c <= '9'));
		if (uid.isEmpty() || uid.length() > MAX_UID_LENGTH || !digitsAndDots) {
			throw new IllegalArgumentException(String.format(
					"Invalid UID '%s' for %s: 1 to %d digits and dots expected", uid, describe(tag), MAX_UID_LENGTH));
		}
		put(tag, "UI", padded(uid.getBytes(StandardCharsets.US_ASCII), UID_PADDING));
		return this;
	}

	/**
	 * Set a US element.
	 * @param tag a group 0000 tag whose VR is US or not in the command dictionary
	 * @param value the value, 0 to 65535
	 * @return this command
	 * @throws IllegalArgumentException if the tag does not take a US value or the value
	 * is out of range
	 */
	public Command putUS(int tag, int value) {
		if (value < 0 || value > MAX_US) {
			throw new IllegalArgumentException(
					String.format("Value %d of %s is not an unsigned 16-bit value", value, describe(tag)));
		}
		put(tag, "US", littleEndian(2).putShort((short) value).array());
		return this;
	}

	/**
	 * Set a UL element. The command dictionary has no settable UL element (Command Group
	 * Length is computed by {@link #encode()}), so this serves elements outside it, such
	 * as the retired Command Length to End (0000,0001).
	 * @param tag a group 0000 tag not in the command dictionary
	 * @param value the value, 0 to 4294967295
	 * @return this command
	 * @throws IllegalArgumentException if the tag does not take a UL value or the value
	 * is out of range
	 */
	public Command putUL(int tag, long value) {
		if (value < 0 || value > MAX_UL) {
			throw new IllegalArgumentException(
					String.format("Value %d of %s is not an unsigned 32-bit value", value, describe(tag)));
		}
		put(tag, "UL", littleEndian(4).putInt((int) value).array());
		return this;
	}

	/**
	 * Set a string element: a UID (see {@link #putUid(int, String)}), or text (AE, LO)
	 * from the default character repertoire, padded with a trailing space to even length.
	 * @param tag a command tag whose VR is UI, AE or LO
	 * @param value the value; at most 16 characters for AE, 64 for LO, without backslash
	 * @return this command
	 * @throws IllegalArgumentException if the tag is not a string element of the command
	 * dictionary or the value does not fit its VR
	 */
	public Command putString(int tag, String value) {
		String vr = CommandTag.vrOf(tag);
		if ("UI".equals(vr)) {
			return putUid(tag, value);
		}
		Objects.requireNonNull(value, "Value must not be null");
		Integer maxLength = MAX_TEXT_LENGTH.get(vr);
		if (maxLength == null) {
			throw new IllegalArgumentException(String.format("%s has VR %s; expected UI, AE or LO", describe(tag), vr));
		}
		if (value.length() > maxLength || !value.chars().allMatch((c) -> c >= 0x20 && c < 0x7F && c != '\\')) {
			throw new IllegalArgumentException(String.format(
					"Invalid %s value '%s' for %s: at most %d printable ASCII characters without backslash expected",
					vr, value, describe(tag), maxLength));
		}
		put(tag, vr, padded(value.getBytes(StandardCharsets.US_ASCII), TEXT_PADDING));
		return this;
	}

	/**
	 * Set an AT element, a list of attribute tags.
	 * @param tag a group 0000 tag whose VR is AT or not in the command dictionary
	 * @param tags the attribute tags, each with the group in the high 16 bits
	 * @return this command
	 * @throws IllegalArgumentException if the tag does not take an AT value
	 */
	public Command putAT(int tag, int... tags) {
		ByteBuffer buffer = littleEndian(4 * tags.length);
		for (int value : tags) {
			buffer.putShort((short) (value >>> 16)).putShort((short) value);
		}
		put(tag, "AT", buffer.array());
		return this;
	}

	/**
	 * Return whether an element is present. Command Group Length is always present.
	 * @param tag the tag
	 * @return {@code true} if the command has the element
	 */
	public boolean contains(int tag) {
		return tag == CommandTag.COMMAND_GROUP_LENGTH || this.elements.containsKey(tag);
	}

	/**
	 * Return the value of a string element without its padding: trailing 0x00 or spaces
	 * of a UID, leading and trailing spaces of text.
	 * @param tag a tag whose VR is UI, AE or LO
	 * @return the value, or {@code null} if absent
	 * @throws IllegalArgumentException if the element is not a string element
	 */
	public String getString(int tag) {
		String vr = checkReadable(tag, "UI", "AE", "LO");
		Element element = this.elements.get(tag);
		if (element == null) {
			return null;
		}
		String text = new String(element.value(), StandardCharsets.ISO_8859_1);
		return "UI".equals(vr) ? stripTrailing(text) : stripTrailing(text).stripLeading();
	}

	/**
	 * Return the value of a US or UL element. Command Group Length is the length the
	 * command encodes to after that element.
	 * @param tag a tag whose VR is US or UL
	 * @param defaultValue the value to return if the element is absent
	 * @return the value, unsigned
	 * @throws IllegalArgumentException if the element is not a US or UL element
	 * @throws IllegalStateException if a UL value exceeds {@link Integer#MAX_VALUE}
	 */
	public int getInt(int tag, int defaultValue) {
		String vr = checkReadable(tag, "US", "UL");
		if (tag == CommandTag.COMMAND_GROUP_LENGTH) {
			return groupLength();
		}
		Element element = this.elements.get(tag);
		if (element == null) {
			return defaultValue;
		}
		if ("US".equals(vr)) {
			return unsignedShort(element.value());
		}
		long unsigned = unsignedInt(element.value());
		if (unsigned > Integer.MAX_VALUE) {
			throw new IllegalStateException(
					String.format("Value %d of %s does not fit in an int", unsigned, describe(tag)));
		}
		return (int) unsigned;
	}

	/**
	 * Return the attribute tags of an AT element.
	 * @param tag a tag whose VR is AT
	 * @return the tags in their encoded order, empty if the element is absent
	 * @throws IllegalArgumentException if the element is not an AT element
	 */
	public int[] getTags(int tag) {
		checkReadable(tag, "AT");
		Element element = this.elements.get(tag);
		byte[] value = (element != null) ? element.value() : new byte[0];
		ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
		int[] tags = new int[value.length / 4];
		for (int i = 0; i < tags.length; i++) {
			tags[i] = (Short.toUnsignedInt(buffer.getShort()) << 16) | Short.toUnsignedInt(buffer.getShort());
		}
		return tags;
	}

	/**
	 * Return the encoded value of any element, including elements outside the command
	 * dictionary.
	 * @param tag the tag
	 * @return a copy of the value bytes, padding included, or {@code null} if absent
	 */
	public byte[] getBytes(int tag) {
		if (tag == CommandTag.COMMAND_GROUP_LENGTH) {
			return littleEndian(4).putInt(groupLength()).array();
		}
		Element element = this.elements.get(tag);
		return (element != null) ? element.value().clone() : null;
	}

	/**
	 * Return the Command Field (0000,0100).
	 * @return the field
	 * @throws IllegalStateException if the element is absent
	 * @throws IllegalArgumentException if its value is not a known command field
	 */
	public CommandField commandField() {
		return CommandField.of(required(CommandTag.COMMAND_FIELD));
	}

	/**
	 * Return the Message ID (0000,0110) of a request.
	 * @return the message ID
	 * @throws IllegalStateException if the element is absent
	 */
	public int messageId() {
		return required(CommandTag.MESSAGE_ID);
	}

	/**
	 * Return the Message ID Being Responded To (0000,0120) of a response.
	 * @return the message ID of the request
	 * @throws IllegalStateException if the element is absent
	 */
	public int messageIdBeingRespondedTo() {
		return required(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO);
	}

	/**
	 * Return the Status (0000,0900) of a response.
	 * @return the status code, see {@link Status}
	 * @throws IllegalStateException if the element is absent
	 */
	public int status() {
		return required(CommandTag.STATUS);
	}

	/**
	 * Return whether a data set follows this command, as Command Data Set Type
	 * (0000,0800) says.
	 * @return {@code false} if the type is {@link #NO_DATA_SET}
	 * @throws IllegalStateException if the element is absent
	 */
	public boolean hasDataSet() {
		return required(CommandTag.COMMAND_DATA_SET_TYPE) != NO_DATA_SET;
	}

	/**
	 * Return the Affected SOP Class UID (0000,0002).
	 * @return the UID, or {@code null} if absent
	 */
	public String affectedSopClassUid() {
		return getString(CommandTag.AFFECTED_SOP_CLASS_UID);
	}

	/**
	 * Return the Requested SOP Class UID (0000,0003).
	 * @return the UID, or {@code null} if absent
	 */
	public String requestedSopClassUid() {
		return getString(CommandTag.REQUESTED_SOP_CLASS_UID);
	}

	/**
	 * Return the Affected SOP Instance UID (0000,1000).
	 * @return the UID, or {@code null} if absent
	 */
	public String affectedSopInstanceUid() {
		return getString(CommandTag.AFFECTED_SOP_INSTANCE_UID);
	}

	/**
	 * Return the Requested SOP Instance UID (0000,1001).
	 * @return the UID, or {@code null} if absent
	 */
	public String requestedSopInstanceUid() {
		return getString(CommandTag.REQUESTED_SOP_INSTANCE_UID);
	}

	/**
	 * Return the Error Comment (0000,0902) of a response.
	 * @return the comment, or {@code null} if absent
	 */
	public String errorComment() {
		return getString(CommandTag.ERROR_COMMENT);
	}

	/**
	 * Encode this command set with Implicit VR Little Endian: Command Group Length first,
	 * then every element in ascending tag order.
	 * @return the encoded command set
	 */
	public byte[] encode() {
		ByteBuffer buffer = littleEndian(GROUP_LENGTH_ELEMENT_LENGTH + groupLength());
		writeHeader(buffer, CommandTag.COMMAND_GROUP_LENGTH, 4);
		buffer.putInt(groupLength());
		this.elements.forEach((tag, element) -> {
			writeHeader(buffer, tag, element.value().length);
			buffer.put(element.value());
		});
		return buffer.array();
	}

	/**
	 * Decode a command set encoded with Implicit VR Little Endian. Decoding is strict
	 * about group 0000: tags must ascend, each value must fit in the bytes and in its VR,
	 * a Command Group Length must equal the bytes of the group 0000 elements that follow
	 * it (or all bytes that follow it), and Command Field must be present and known. An
	 * odd-length string value is accepted and padded. Elements outside group 0000 are
	 * tolerated, as non-conformant peers send them: they are kept for
	 * {@link #getNonCommandStrings(int)} and named in one DEBUG line.
	 * @param bytes the encoded command set
	 * @return the command
	 * @throws DicomProtocolException with reason
	 * {@link AbortReason#INVALID_PDU_PARAMETER_VALUE} if the bytes violate any of these
	 * rules; the message names the element and its offset
	 */
	public static Command decode(byte[] bytes) throws DicomProtocolException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		Command command = new Command();
		int previousTag = -1;
		int commandGroupEnd = bytes.length;
		int groupLengthOffset = -1;
		while (buffer.hasRemaining()) {
			int offset = buffer.position();
			if (buffer.remaining() < ELEMENT_HEADER_LENGTH) {
				throw invalid("Truncated element header at offset %d: %d of %d bytes present", offset,
						buffer.remaining(), ELEMENT_HEADER_LENGTH);
			}
			int tag = (Short.toUnsignedInt(buffer.getShort()) << 16) | Short.toUnsignedInt(buffer.getShort());
			long length = Integer.toUnsignedLong(buffer.getInt());
			if (tag == previousTag) {
				throw invalid("Element %s at offset %d is repeated", describe(tag), offset);
			}
			if (Integer.compareUnsigned(tag, previousTag) < 0 && previousTag != -1) {
				throw invalid("Element %s at offset %d is out of ascending order: it follows %s", describe(tag), offset,
						describe(previousTag));
			}
			if (length > buffer.remaining()) {
				throw invalid("Element %s at offset %d has value length %d but only %d bytes remain", describe(tag),
						offset, length, buffer.remaining());
			}
			byte[] value = new byte[(int) length];
			buffer.get(value);
			if ((tag >>> 16) != 0) {
				commandGroupEnd = Math.min(commandGroupEnd, offset);
				command.nonCommandElements.put(tag, value);
			}
			else {
				command.putDecoded(tag, value, offset);
				groupLengthOffset = (tag == CommandTag.COMMAND_GROUP_LENGTH) ? offset : groupLengthOffset;
			}
			previousTag = tag;
		}
		if (groupLengthOffset != -1) {
			checkGroupLength(bytes, groupLengthOffset, commandGroupEnd);
		}
		if (!command.elements.containsKey(CommandTag.COMMAND_FIELD)) {
			throw invalid("Command set has no %s", describe(CommandTag.COMMAND_FIELD));
		}
		if (!command.nonCommandElements.isEmpty() && logger.isDebugEnabled()) {
			StringJoiner tags = new StringJoiner(", ");
			command.nonCommandElements.keySet().forEach((tag) -> tags.add(CommandTag.toString(tag)));
			logger.debug("Command set carries elements outside group 0000, read as they are: {}", tags);
		}
		return command;
	}

	/**
	 * Return the text values of an element outside group 0000 that the peer put into the
	 * decoded command set, such as Failed SOP Instance UID List (0008,0058): the value
	 * read as ASCII, split at backslashes, each without leading and trailing spaces and
	 * trailing 0x00 padding.
	 * @param tag the tag, outside group 0000
	 * @return the values, empty if the command set has no such element
	 */
	public String[] getNonCommandStrings(int tag) {
		byte[] value = this.nonCommandElements.get(tag);
		if (value == null) {
			return new String[0];
		}
		String text = stripTrailing(new String(value, StandardCharsets.US_ASCII)).strip();
		return text.isEmpty() ? new String[0]
				: Arrays.stream(text.split("\\\\", -1))
					.map((part) -> stripTrailing(part).strip())
					.toArray(String[]::new);
	}

	/**
	 * Return a readable dump, one element per line in tag order: tag, VR, value and
	 * keyword, for example {@code (0000,0100) US C-ECHO-RQ # CommandField}.
	 * @return the dump, Command Group Length included
	 */
	@Override
	public String toString() {
		StringJoiner lines = new StringJoiner("\n");
		lines.add(line(CommandTag.COMMAND_GROUP_LENGTH, "UL", Integer.toString(groupLength())));
		this.elements.forEach((tag, element) -> lines.add(line(tag, element.vr(), valueText(tag, element))));
		return lines.toString();
	}

	private static void checkGroupLength(byte[] bytes, int offset, int commandGroupEnd) throws DicomProtocolException {
		long groupLength = unsignedInt(
				Arrays.copyOfRange(bytes, offset + ELEMENT_HEADER_LENGTH, offset + GROUP_LENGTH_ELEMENT_LENGTH));
		int following = bytes.length - offset - GROUP_LENGTH_ELEMENT_LENGTH;
		int followingInGroup = commandGroupEnd - offset - GROUP_LENGTH_ELEMENT_LENGTH;
		if (groupLength != following && groupLength != followingInGroup) {
			throw invalid("%s at offset %d is %d but %d bytes follow it", describe(CommandTag.COMMAND_GROUP_LENGTH),
					offset, groupLength, followingInGroup);
		}
	}

	private void putDecoded(int tag, byte[] value, int offset) throws DicomProtocolException {
		String vr = CommandTag.vrOf(tag);
		int expectedLength = switch (vr) {
			case "US" -> 2;
			case "UL" -> 4;
			default -> -1;
		};
		if (expectedLength != -1 && value.length != expectedLength) {
			throw invalid("Element %s at offset %d has value length %d, %s requires %d", describe(tag), offset,
					value.length, vr, expectedLength);
		}
		if ("AT".equals(vr) && value.length % 4 != 0) {
			throw invalid("Element %s at offset %d has value length %d, AT requires a multiple of 4", describe(tag),
					offset, value.length);
		}
		if (tag == CommandTag.COMMAND_GROUP_LENGTH) {
			return;
		}
		if (tag == CommandTag.COMMAND_FIELD) {
			int code = unsignedShort(value);
			try {
				CommandField.of(code);
			}
			catch (IllegalArgumentException ex) {
				throw invalid("Element %s at offset %d has unknown value 0x%04X", describe(tag), offset, code);
			}
		}
		byte padding = MAX_TEXT_LENGTH.containsKey(vr) ? TEXT_PADDING : UID_PADDING;
		this.elements.put(tag, new Element(vr, padded(value, padding)));
	}

	private String valueText(int tag, Element element) {
		if (tag == CommandTag.COMMAND_FIELD) {
			CommandField field = knownCommandField();
			return (field != null) ? field.text() : String.format("0x%04X", getInt(tag, 0));
		}
		if (tag == CommandTag.STATUS) {
			return Status.toString(getInt(tag, 0), knownCommandField());
		}
		if (tag == CommandTag.COMMAND_DATA_SET_TYPE) {
			int type = getInt(tag, 0);
			return String.format("0x%04X (%s)", type, (type == NO_DATA_SET) ? "no data set" : "data set present");
		}
		if (tag == CommandTag.PRIORITY) {
			int priority = getInt(tag, 0);
			return String.format("0x%04X (%s)", priority, switch (priority) {
				case 0x0000 -> "medium";
				case 0x0001 -> "high";
				case 0x0002 -> "low";
				default -> "invalid";
			});
		}
		return switch (element.vr()) {
			case "US" -> Integer.toString(getInt(tag, 0));
			case "UL" -> Long.toString(unsignedInt(element.value()));
			case "UI", "AE", "LO" -> getString(tag);
			case "AT" -> {
				StringJoiner tags = new StringJoiner("\\");
				Arrays.stream(getTags(tag)).forEach((attribute) -> tags.add(CommandTag.toString(attribute)));
				yield tags.toString();
			}
			default -> {
				StringJoiner hex = new StringJoiner(" ");
				for (byte b : element.value()) {
					hex.add(String.format("%02X", b));
				}
				yield hex.toString();
			}
		};
	}

	private int required(int tag) {
		int value = getInt(tag, -1);
		if (value == -1) {
			CommandField field = knownCommandField();
			throw new IllegalStateException(
					String.format("%s has no %s", (field != null) ? field.text() : "Command", describe(tag)));
		}
		return value;
	}

	private int groupLength() {
		return this.elements.values()
			.stream()
			.mapToInt((element) -> ELEMENT_HEADER_LENGTH + element.value().length)
			.sum();
	}

	private CommandField knownCommandField() {
		int code = getInt(CommandTag.COMMAND_FIELD, -1);
		return Arrays.stream(CommandField.values()).filter((field) -> field.code() == code).findFirst().orElse(null);
	}

	private void put(int tag, String vr, byte[] value) {
		if ((tag >>> 16) != 0 || tag == CommandTag.COMMAND_GROUP_LENGTH) {
			throw new IllegalArgumentException(String.format("%s is not a settable command element%s", describe(tag),
					(tag == CommandTag.COMMAND_GROUP_LENGTH) ? "; encode() computes it" : ""));
		}
		String dictionaryVr = CommandTag.vrOf(tag);
		if (!dictionaryVr.equals(vr) && !dictionaryVr.equals(UNKNOWN_VR)) {
			throw new IllegalArgumentException(String.format("%s has VR %s, not %s", describe(tag), dictionaryVr, vr));
		}
		this.elements.put(tag, new Element(vr, value));
	}

	private String checkReadable(int tag, String... allowed) {
		Element element = this.elements.get(tag);
		String vr = (element != null) ? element.vr() : CommandTag.vrOf(tag);
		if (!Arrays.asList(allowed).contains(vr) && !(element == null && vr.equals(UNKNOWN_VR))) {
			throw new IllegalArgumentException(
					String.format("%s has VR %s; expected %s", describe(tag), vr, String.join(" or ", allowed)));
		}
		return vr;
	}

	private static String line(int tag, String vr, String value) {
		String keyword = CommandTag.keywordOf(tag);
		String line = CommandTag.toString(tag) + " " + vr + " " + value;
		return (keyword != null) ? line + " # " + keyword : line;
	}

	private static String describe(int tag) {
		String keyword = CommandTag.keywordOf(tag);
		return (keyword != null) ? CommandTag.toString(tag) + " " + keyword : CommandTag.toString(tag);
	}

	private static String stripTrailing(String text) {
		int end = text.length();
		while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
			end--;
		}
		return text.substring(0, end);
	}

	private static byte[] padded(byte[] value, byte padding) {
		if (value.length % 2 == 0) {
			return value;
		}
		byte[] even = Arrays.copyOf(value, value.length + 1);
		even[value.length] = padding;
		return even;
	}

	private static int unsignedShort(byte[] value) {
		return Short.toUnsignedInt(ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getShort());
	}

	private static long unsignedInt(byte[] value) {
		return Integer.toUnsignedLong(ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt());
	}

	private static ByteBuffer littleEndian(int capacity) {
		return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static void writeHeader(ByteBuffer buffer, int tag, int length) {
		buffer.putShort((short) (tag >>> 16)).putShort((short) tag).putInt(length);
	}

	private static DicomProtocolException invalid(String format, Object... args) {
		return new DicomProtocolException("Invalid DIMSE command set: " + String.format(format, args),
				AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

	/**
	 * An element's VR and its value as encoded, padding included.
	 */
	private record Element(String vr, byte[] value) {
	}

}
