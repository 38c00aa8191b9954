package io.github.dicomscu.net.dimse;

import java.util.Map;

/**
 * Tags of the command elements of group 0000 with their VR and keyword, as listed in the
 * command dictionary of PS3.7 Annex E (retired command elements are not included). A tag
 * is an {@code int} holding the group in its high and the element number in its low 16
 * bits.
 */
public final class CommandTag {

	/**
	 * Command Group Length (0000,0000), UL: bytes that follow this element in the command
	 * set.
	 */
	public static final int COMMAND_GROUP_LENGTH = 0x00000000;

	/** Affected SOP Class UID (0000,0002), UI. */
	public static final int AFFECTED_SOP_CLASS_UID = 0x00000002;

	/** Requested SOP Class UID (0000,0003), UI. */
	public static final int REQUESTED_SOP_CLASS_UID = 0x00000003;

	/** Command Field (0000,0100), US: see {@link CommandField}. */
	public static final int COMMAND_FIELD = 0x00000100;

	/** Message ID (0000,0110), US. */
	public static final int MESSAGE_ID = 0x00000110;

	/** Message ID Being Responded To (0000,0120), US. */
	public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;

	/** Move Destination (0000,0600), AE. */
	public static final int MOVE_DESTINATION = 0x00000600;

	/** Priority (0000,0700), US: 0x0002 low, 0x0000 medium, 0x0001 high. */
	public static final int PRIORITY = 0x00000700;

	/**
	 * Command Data Set Type (0000,0800), US: {@link Command#NO_DATA_SET} or any other
	 * value.
	 */
	public static final int COMMAND_DATA_SET_TYPE = 0x00000800;

	/** Status (0000,0900), US: see {@link Status}. */
	public static final int STATUS = 0x00000900;

	/** Offending Element (0000,0901), AT. */
	public static final int OFFENDING_ELEMENT = 0x00000901;

	/** Error Comment (0000,0902), LO. */
	public static final int ERROR_COMMENT = 0x00000902;

	/** Error ID (0000,0903), US. */
	public static final int ERROR_ID = 0x00000903;

	/** Affected SOP Instance UID (0000,1000), UI. */
	public static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;

	/** Requested SOP Instance UID (0000,1001), UI. */
	public static final int REQUESTED_SOP_INSTANCE_UID = 0x00001001;

	/** Event Type ID (0000,1002), US. */
	public static final int EVENT_TYPE_ID = 0x00001002;

	/** Attribute Identifier List (0000,1005), AT. */
	public static final int ATTRIBUTE_IDENTIFIER_LIST = 0x00001005;

	/** Action Type ID (0000,1008), US. */
	public static final int ACTION_TYPE_ID = 0x00001008;

	/** Number of Remaining Sub-operations (0000,1020), US. */
	public static final int NUMBER_OF_REMAINING_SUBOPERATIONS = 0x00001020;

	/** Number of Completed Sub-operations (0000,1021), US. */
	public static final int NUMBER_OF_COMPLETED_SUBOPERATIONS = 0x00001021;

	/** Number of Failed Sub-operations (0000,1022), US. */
	public static final int NUMBER_OF_FAILED_SUBOPERATIONS = 0x00001022;

	/** Number of Warning Sub-operations (0000,1023), US. */
	public static final int NUMBER_OF_WARNING_SUBOPERATIONS = 0x00001023;

	/** Move Originator Application Entity Title (0000,1030), AE. */
	public static final int MOVE_ORIGINATOR_APPLICATION_ENTITY_TITLE = 0x00001030;

	/** Move Originator Message ID (0000,1031), US. */
	public static final int MOVE_ORIGINATOR_MESSAGE_ID = 0x00001031;

	private static final String UNKNOWN_VR = "UN";

	private static final Map<Integer, Entry> DICTIONARY = Map.ofEntries(
			entry(COMMAND_GROUP_LENGTH, "UL", "CommandGroupLength"),
			entry(AFFECTED_SOP_CLASS_UID, "UI", "AffectedSOPClassUID"),
			entry(REQUESTED_SOP_CLASS_UID, "UI", "RequestedSOPClassUID"), entry(COMMAND_FIELD, "US", "CommandField"),
			entry(MESSAGE_ID, "US", "MessageID"),
			entry(MESSAGE_ID_BEING_RESPONDED_TO, "US", "MessageIDBeingRespondedTo"),
			entry(MOVE_DESTINATION, "AE", "MoveDestination"), entry(PRIORITY, "US", "Priority"),
			entry(COMMAND_DATA_SET_TYPE, "US", "CommandDataSetType"), entry(STATUS, "US", "Status"),
			entry(OFFENDING_ELEMENT, "AT", "OffendingElement"), entry(ERROR_COMMENT, "LO", "ErrorComment"),
			entry(ERROR_ID, "US", "ErrorID"), entry(AFFECTED_SOP_INSTANCE_UID, "UI", "AffectedSOPInstanceUID"),
			entry(REQUESTED_SOP_INSTANCE_UID, "UI", "RequestedSOPInstanceUID"),
			entry(EVENT_TYPE_ID, "US", "EventTypeID"),
			entry(ATTRIBUTE_IDENTIFIER_LIST, "AT", "AttributeIdentifierList"),
			entry(ACTION_TYPE_ID, "US", "ActionTypeID"),
			entry(NUMBER_OF_REMAINING_SUBOPERATIONS, "US", "NumberOfRemainingSuboperations"),
			entry(NUMBER_OF_COMPLETED_SUBOPERATIONS, "US", "NumberOfCompletedSuboperations"),
			entry(NUMBER_OF_FAILED_SUBOPERATIONS, "US", "NumberOfFailedSuboperations"),
			entry(NUMBER_OF_WARNING_SUBOPERATIONS, "US", "NumberOfWarningSuboperations"),
			entry(MOVE_ORIGINATOR_APPLICATION_ENTITY_TITLE, "AE", "MoveOriginatorApplicationEntityTitle"),
			entry(MOVE_ORIGINATOR_MESSAGE_ID, "US", "MoveOriginatorMessageID"));

	private CommandTag() {
	}

	/**
	 * Return the value representation of a command element; the command set is always
	 * encoded with implicit VR, so this dictionary is how a decoder knows each value's
	 * type.
	 * @param tag the tag
	 * @return the two-letter VR, or {@code "UN"} for a tag not in the command dictionary
	 */
	public static String vrOf(int tag) {
		Entry entry = DICTIONARY.get(tag);
		return (entry != null) ? entry.vr() : UNKNOWN_VR;
	}

	/**
	 * Return the keyword the standard gives a command element.
	 * @param tag the tag
	 * @return the keyword, for example {@code "CommandField"}, or {@code null} for a tag
	 * not in the command dictionary
	 */
	public static String keywordOf(int tag) {
		Entry entry = DICTIONARY.get(tag);
		return (entry != null) ? entry.keyword() : null;
	}

	/**
	 * Return a tag in the notation of the standard.
	 * @param tag the tag
	 * @return the tag as {@code "(gggg,eeee)"} in upper-case hexadecimal
	 */
	public static String toString(int tag) {
		return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
	}

	private static Map.Entry<Integer, Entry> entry(int tag, String vr, String keyword) {
		return Map.entry(tag, new Entry(vr, keyword));
	}

	private record Entry(String vr, String keyword) {
	}

}
