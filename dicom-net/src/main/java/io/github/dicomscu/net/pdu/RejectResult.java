package io.github.dicomscu.net.pdu;

/**
 * Result field of an A-ASSOCIATE-RJ PDU (PS3.8 Table 9-21): whether retrying later may
 * succeed.
 */
public enum RejectResult implements PduCode {

	/** The rejection is permanent. */
	PERMANENT(1, "rejected-permanent"),

	/** The rejection is transient; a later attempt may succeed. */
	TRANSIENT(2, "rejected-transient");

	private static final PduCodeTable<RejectResult> CODES = new PduCodeTable<>(values());

	private final int code;

	private final String text;

	RejectResult(int code, String text) {
		this.code = code;
		this.text = text;
	}

	@Override
	public int code() {
		return this.code;
	}

	@Override
	public String text() {
		return this.text;
	}

	/**
	 * Return the result for a Result field value.
	 * @param code the field value
	 * @return the result
	 * @throws IllegalArgumentException if the code is not defined
	 */
	public static RejectResult of(int code) {
		return CODES.of(code, "Unknown A-ASSOCIATE-RJ result %d");
	}

}
