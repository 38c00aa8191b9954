package io.github.dicomscu.net.dimse;

/**
 * Value of the Command Field (0000,0100) element: which DIMSE operation or notification a
 * message carries and whether it is the request or the response (PS3.7 section 9.3 and
 * 10.3). Every response code is its request code with bit 15 set; C-CANCEL-RQ has no
 * response.
 */
public enum CommandField {

	/** C-STORE request. */
	C_STORE_RQ(0x0001),

	/** C-STORE response. */
	C_STORE_RSP(0x8001),

	/** C-GET request. */
	C_GET_RQ(0x0010),

	/** C-GET response. */
	C_GET_RSP(0x8010),

	/** C-FIND request. */
	C_FIND_RQ(0x0020),

	/** C-FIND response. */
	C_FIND_RSP(0x8020),

	/** C-MOVE request. */
	C_MOVE_RQ(0x0021),

	/** C-MOVE response. */
	C_MOVE_RSP(0x8021),

	/** C-ECHO request. */
	C_ECHO_RQ(0x0030),

	/** C-ECHO response. */
	C_ECHO_RSP(0x8030),

	/** N-EVENT-REPORT request. */
	N_EVENT_REPORT_RQ(0x0100),

	/** N-EVENT-REPORT response. */
	N_EVENT_REPORT_RSP(0x8100),

	/** N-GET request. */
	N_GET_RQ(0x0110),

	/** N-GET response. */
	N_GET_RSP(0x8110),

	/** N-SET request. */
	N_SET_RQ(0x0120),

	/** N-SET response. */
	N_SET_RSP(0x8120),

	/** N-ACTION request. */
	N_ACTION_RQ(0x0130),

	/** N-ACTION response. */
	N_ACTION_RSP(0x8130),

	/** N-CREATE request. */
	N_CREATE_RQ(0x0140),

	/** N-CREATE response. */
	N_CREATE_RSP(0x8140),

	/** N-DELETE request. */
	N_DELETE_RQ(0x0150),

	/** N-DELETE response. */
	N_DELETE_RSP(0x8150),

	/** C-CANCEL request, sent to stop a pending C-FIND, C-GET or C-MOVE. */
	C_CANCEL_RQ(0x0FFF);

	private static final int RESPONSE_BIT = 0x8000;

	private final int code;

	CommandField(int code) {
		this.code = code;
	}

	/**
	 * Return the value carried in Command Field (0000,0100).
	 * @return the code, 0x0000 to 0xFFFF
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Return whether this field identifies a response message.
	 * @return {@code true} for the {@code -RSP} fields
	 */
	public boolean isResponse() {
		return (this.code & RESPONSE_BIT) != 0;
	}

	/**
	 * Return the request this field belongs to: itself for a request, the matching
	 * request for a response.
	 * @return the request field of the same service
	 */
	public CommandField request() {
		return isResponse() ? of(this.code & ~RESPONSE_BIT) : this;
	}

	/**
	 * Return the name the standard uses for this message.
	 * @return the text, for example {@code "C-ECHO-RQ"}
	 */
	public String text() {
		return name().replace('_', '-');
	}

	/**
	 * Return the field for a Command Field value.
	 * @param code the value of (0000,0100)
	 * @return the field
	 * @throws IllegalArgumentException if the standard defines no message with that code
	 */
	public static CommandField of(int code) {
		for (CommandField field : values()) {
			if (field.code == code) {
				return field;
			}
		}
		throw new IllegalArgumentException(String.format("Unknown DIMSE command field 0x%04X", code));
	}

}
