package io.github.dicomscu.net.dimse;

import java.util.List;
import java.util.Map;

/**
 * DIMSE status codes, the value of Status (0000,0900) in a response, with their status
 * class (PS3.7 Annex C) and meaning (PS3.7 Annex C for the general codes, PS3.4 for the
 * codes a service defines). Every code from 0x0000 to 0xFFFF has a category and a
 * readable meaning; a code the standard does not assign is a
 * {@link StatusCategory#FAILURE failure}, so that it is never mistaken for success.
 */
public final class Status {

	/** Success. */
	public static final int SUCCESS = 0x0000;

	/** Warning: requested optional attributes are not supported (N-GET, N-CREATE). */
	public static final int OPTIONAL_ATTRIBUTES_NOT_SUPPORTED = 0x0001;

	/** Failure: no such attribute. */
	public static final int NO_SUCH_ATTRIBUTE = 0x0105;

	/** Failure: invalid attribute value. */
	public static final int INVALID_ATTRIBUTE_VALUE = 0x0106;

	/** Warning: attribute list error. */
	public static final int ATTRIBUTE_LIST_ERROR = 0x0107;

	/** Failure: processing failure. */
	public static final int PROCESSING_FAILURE = 0x0110;

	/** Failure: duplicate SOP Instance. */
	public static final int DUPLICATE_SOP_INSTANCE = 0x0111;

	/** Failure: no such SOP Instance. */
	public static final int NO_SUCH_SOP_INSTANCE = 0x0112;

	/** Failure: no such event type. */
	public static final int NO_SUCH_EVENT_TYPE = 0x0113;

	/** Failure: no such argument. */
	public static final int NO_SUCH_ARGUMENT = 0x0114;

	/** Failure: invalid argument value. */
	public static final int INVALID_ARGUMENT_VALUE = 0x0115;

	/** Warning: attribute value out of range. */
	public static final int ATTRIBUTE_VALUE_OUT_OF_RANGE = 0x0116;

	/** Failure: invalid object instance. */
	public static final int INVALID_OBJECT_INSTANCE = 0x0117;

	/** Failure: no such SOP Class. */
	public static final int NO_SUCH_SOP_CLASS = 0x0118;

	/** Failure: class-instance conflict. */
	public static final int CLASS_INSTANCE_CONFLICT = 0x0119;

	/** Failure: missing attribute. */
	public static final int MISSING_ATTRIBUTE = 0x0120;

	/** Failure: missing attribute value. */
	public static final int MISSING_ATTRIBUTE_VALUE = 0x0121;

	/** Failure: refused, SOP Class not supported. */
	public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;

	/** Failure: no such action. */
	public static final int NO_SUCH_ACTION = 0x0123;

	/** Failure: refused, not authorized. */
	public static final int NOT_AUTHORIZED = 0x0124;

	/** Failure: duplicate invocation. */
	public static final int DUPLICATE_INVOCATION = 0x0210;

	/** Failure: unrecognized operation. */
	public static final int UNRECOGNIZED_OPERATION = 0x0211;

	/** Failure: mistyped argument. */
	public static final int MISTYPED_ARGUMENT = 0x0212;

	/** Failure: resource limitation. */
	public static final int RESOURCE_LIMITATION = 0x0213;

	/** Failure: refused, out of resources (C-STORE uses the whole range A7xx). */
	public static final int OUT_OF_RESOURCES = 0xA700;

	/**
	 * Failure (C-MOVE, C-GET): refused, out of resources, unable to calculate number of
	 * matches.
	 */
	public static final int OUT_OF_RESOURCES_NUMBER_OF_MATCHES = 0xA701;

	/**
	 * Failure (C-MOVE, C-GET): refused, out of resources, unable to perform
	 * sub-operations.
	 */
	public static final int OUT_OF_RESOURCES_SUB_OPERATIONS = 0xA702;

	/** Failure (C-MOVE): refused, Move Destination unknown. */
	public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;

	/**
	 * Failure: the data set (C-STORE, range A9xx) or the identifier (C-FIND, C-MOVE,
	 * C-GET) does not match the SOP Class.
	 */
	public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;

	/**
	 * Warning: coercion of data elements (C-STORE), or sub-operations complete with one
	 * or more failures or warnings (C-MOVE, C-GET).
	 */
	public static final int COERCION_OF_DATA_ELEMENTS = 0xB000;

	/** Warning (C-STORE): elements discarded. */
	public static final int ELEMENTS_DISCARDED = 0xB006;

	/** Warning (C-STORE): data set does not match SOP Class. */
	public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = 0xB007;

	/**
	 * Failure: error, cannot understand (C-STORE), or unable to process (C-FIND, C-MOVE,
	 * C-GET); implementations use any code of the range Cxxx.
	 */
	public static final int CANNOT_UNDERSTAND = 0xC000;

	/** Cancel: the operation was stopped by a C-CANCEL request. */
	public static final int CANCEL = 0xFE00;

	/** Pending: the operation continues. */
	public static final int PENDING = 0xFF00;

	/**
	 * Pending (C-FIND): matches continue, one or more optional keys were not supported.
	 */
	public static final int PENDING_WARNING = 0xFF01;

	private static final int MAX_CODE = 0xFFFF;

	private static final String OUT_OF_RESOURCES_TEXT = "Refused: Out of resources";

	private static final String IDENTIFIER_DOES_NOT_MATCH_TEXT = "Identifier does not match SOP Class";

	private static final String UNABLE_TO_PROCESS_TEXT = "Unable to process";

	private static final List<Meaning> GENERAL = List.of(Meaning.of(SUCCESS, "Success"),
			Meaning.of(OPTIONAL_ATTRIBUTES_NOT_SUPPORTED, "Requested optional attributes are not supported"),
			Meaning.of(NO_SUCH_ATTRIBUTE, "No such attribute"),
			Meaning.of(INVALID_ATTRIBUTE_VALUE, "Invalid attribute value"),
			Meaning.of(ATTRIBUTE_LIST_ERROR, "Attribute list error"),
			Meaning.of(PROCESSING_FAILURE, "Processing failure"),
			Meaning.of(DUPLICATE_SOP_INSTANCE, "Duplicate SOP Instance"),
			Meaning.of(NO_SUCH_SOP_INSTANCE, "No such SOP Instance"),
			Meaning.of(NO_SUCH_EVENT_TYPE, "No such event type"), Meaning.of(NO_SUCH_ARGUMENT, "No such argument"),
			Meaning.of(INVALID_ARGUMENT_VALUE, "Invalid argument value"),
			Meaning.of(ATTRIBUTE_VALUE_OUT_OF_RANGE, "Attribute value out of range"),
			Meaning.of(INVALID_OBJECT_INSTANCE, "Invalid object instance"),
			Meaning.of(NO_SUCH_SOP_CLASS, "No such SOP Class"),
			Meaning.of(CLASS_INSTANCE_CONFLICT, "Class-instance conflict"),
			Meaning.of(MISSING_ATTRIBUTE, "Missing attribute"),
			Meaning.of(MISSING_ATTRIBUTE_VALUE, "Missing attribute value"),
			Meaning.of(SOP_CLASS_NOT_SUPPORTED, "Refused: SOP Class not supported"),
			Meaning.of(NO_SUCH_ACTION, "No such action"), Meaning.of(NOT_AUTHORIZED, "Refused: Not authorized"),
			Meaning.of(DUPLICATE_INVOCATION, "Duplicate invocation"),
			Meaning.of(UNRECOGNIZED_OPERATION, "Unrecognized operation"),
			Meaning.of(MISTYPED_ARGUMENT, "Mistyped argument"), Meaning.of(RESOURCE_LIMITATION, "Resource limitation"),
			Meaning.of(OUT_OF_RESOURCES_NUMBER_OF_MATCHES,
					"Refused: Out of resources, unable to calculate number of matches"),
			Meaning.of(OUT_OF_RESOURCES_SUB_OPERATIONS, "Refused: Out of resources, unable to perform sub-operations"),
			Meaning.of(MOVE_DESTINATION_UNKNOWN, "Refused: Move Destination unknown"),
			Meaning.of(COERCION_OF_DATA_ELEMENTS,
					"Coercion of data elements / sub-operations complete with failures or warnings"),
			Meaning.of(ELEMENTS_DISCARDED, "Elements discarded"),
			Meaning.of(DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING, "Data set does not match SOP Class"),
			Meaning.of(CANCEL, "Cancel"), Meaning.of(PENDING, "Pending"),
			Meaning.of(PENDING_WARNING, "Pending, one or more optional keys were not supported"),
			Meaning.range(0xA700, 0xA7FF, OUT_OF_RESOURCES_TEXT),
			Meaning.range(0xA900, 0xA9FF, "Error: Data set does not match SOP Class"),
			Meaning.range(0xC000, 0xCFFF, "Error: Cannot understand"));

	private static final List<Meaning> C_STORE = List.of(
			Meaning.of(COERCION_OF_DATA_ELEMENTS, "Coercion of data elements"),
			Meaning.range(0xA700, 0xA7FF, OUT_OF_RESOURCES_TEXT));

	private static final List<Meaning> C_FIND = List.of(Meaning.of(SUCCESS, "Matching is complete"),
			Meaning.of(DATA_SET_DOES_NOT_MATCH_SOP_CLASS, IDENTIFIER_DOES_NOT_MATCH_TEXT),
			Meaning.of(CANCEL, "Matching terminated due to Cancel request"),
			Meaning.of(PENDING, "Matches are continuing"),
			Meaning.of(PENDING_WARNING, "Matches are continuing, one or more optional keys were not supported"),
			Meaning.range(0xC000, 0xCFFF, UNABLE_TO_PROCESS_TEXT));

	private static final List<Meaning> C_MOVE_AND_C_GET = List.of(
			Meaning.of(SUCCESS, "Sub-operations complete, no failures or warnings"),
			Meaning.of(DATA_SET_DOES_NOT_MATCH_SOP_CLASS, IDENTIFIER_DOES_NOT_MATCH_TEXT),
			Meaning.of(COERCION_OF_DATA_ELEMENTS, "Sub-operations complete, one or more failures or warnings"),
			Meaning.of(CANCEL, "Sub-operations terminated due to Cancel indication"),
			Meaning.of(PENDING, "Sub-operations are continuing"),
			Meaning.range(0xC000, 0xCFFF, UNABLE_TO_PROCESS_TEXT));

	private static final Map<CommandField, List<Meaning>> BY_SERVICE = Map.of(CommandField.C_STORE_RQ, C_STORE,
			CommandField.C_FIND_RQ, C_FIND, CommandField.C_MOVE_RQ, C_MOVE_AND_C_GET, CommandField.C_GET_RQ,
			C_MOVE_AND_C_GET);

	private Status() {
	}

	/**
	 * Return the status class of a code.
	 * @param code the status code
	 * @return the category; {@link StatusCategory#FAILURE} for codes the standard does
	 * not assign to another class
	 * @throws IllegalArgumentException if the code does not fit in 16 bits
	 */
	public static StatusCategory categoryOf(int code) {
		checkCode(code);
		if (code == SUCCESS) {
			return StatusCategory.SUCCESS;
		}
		if (code == PENDING || code == PENDING_WARNING) {
			return StatusCategory.PENDING;
		}
		if (code == CANCEL) {
			return StatusCategory.CANCEL;
		}
		if (code == OPTIONAL_ATTRIBUTES_NOT_SUPPORTED || code == ATTRIBUTE_LIST_ERROR
				|| code == ATTRIBUTE_VALUE_OUT_OF_RANGE || (code & 0xF000) == 0xB000) {
			return StatusCategory.WARNING;
		}
		return StatusCategory.FAILURE;
	}

	/**
	 * Return the general meaning of a code, for use when the service that returned it is
	 * not known; where services word the same code differently, this is the general
	 * wording.
	 * @param code the status code
	 * @return the meaning, for example {@code "Refused: SOP Class not supported"}; for a
	 * code without a meaning in the standard, the category and the code, for example
	 * {@code "Failure 0xD001"}
	 * @throws IllegalArgumentException if the code does not fit in 16 bits
	 */
	public static String meaningOf(int code) {
		return meaningOf(code, null);
	}

	/**
	 * Return the meaning of a code as defined by the service of a message.
	 * @param code the status code
	 * @param field the request or response field of the message, or {@code null} when the
	 * service is not known
	 * @return the meaning the service gives the code, else its general meaning
	 * @throws IllegalArgumentException if the code does not fit in 16 bits
	 * @see #meaningOf(int)
	 */
	public static String meaningOf(int code, CommandField field) {
		checkCode(code);
		if (field != null) {
			String meaning = find(BY_SERVICE.getOrDefault(field.request(), List.of()), code);
			if (meaning != null) {
				return meaning;
			}
		}
		String meaning = find(GENERAL, code);
		return (meaning != null) ? meaning : String.format("%s 0x%04X", categoryOf(code).text(), code);
	}

	/**
	 * Return a code with its category and general meaning.
	 * @param code the status code
	 * @return the text, for example
	 * {@code "0xA801 (Failure: Refused: Move Destination unknown)"}
	 * @throws IllegalArgumentException if the code does not fit in 16 bits
	 */
	public static String toString(int code) {
		return toString(code, null);
	}

	/**
	 * Return a code with its category and the meaning the service of a message gives it.
	 * @param code the status code
	 * @param field the request or response field of the message, or {@code null} when the
	 * service is not known
	 * @return the text, for example
	 * {@code "0xFF00 (Pending: Sub-operations are continuing)"}
	 * @throws IllegalArgumentException if the code does not fit in 16 bits
	 */
	public static String toString(int code, CommandField field) {
		return String.format("0x%04X (%s: %s)", code, categoryOf(code).text(), meaningOf(code, field));
	}

	private static String find(List<Meaning> meanings, int code) {
		for (Meaning meaning : meanings) {
			if (meaning.covers(code)) {
				return meaning.text();
			}
		}
		return null;
	}

	private static void checkCode(int code) {
		if (code < 0 || code > MAX_CODE) {
			throw new IllegalArgumentException("Status code " + code + " does not fit in 16 bits");
		}
	}

	/**
	 * Meaning of one code or of a range of codes; lists hold single codes before ranges
	 * so that the first match is the most specific.
	 */
	private record Meaning(int from, int to, String text) {

		static Meaning of(int code, String text) {
			return new Meaning(code, code, text);
		}

		static Meaning range(int from, int to, String text) {
			return new Meaning(from, to, text);
		}

		boolean covers(int code) {
			return code >= this.from && code <= this.to;
		}

	}

}
