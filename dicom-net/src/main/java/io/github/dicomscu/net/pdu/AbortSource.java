package io.github.dicomscu.net.pdu;

/**
 * Source field of an A-ABORT PDU (PS3.8 Table 9-26).
 */
public enum AbortSource implements PduCode {

	/** The DICOM UL service-user initiated the abort. */
	SERVICE_USER(0, "service-user"),

	/** Reserved value. */
	RESERVED(1, "reserved"),

	/** The DICOM UL service-provider initiated the abort. */
	SERVICE_PROVIDER(2, "service-provider");

	private static final PduCodeTable<AbortSource> CODES = new PduCodeTable<>(values());

	private final int code;

	private final String text;

	AbortSource(int code, String text) {
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
	 * Return the source for a code.
	 * @param code the field value
	 * @return the source
	 * @throws IllegalArgumentException if the code is not defined
	 */
	public static AbortSource of(int code) {
		return CODES.of(code, "Unknown A-ABORT source %d");
	}

	/**
	 * Return the source for a code, if the standard defines one.
	 * @param code the field value
	 * @return the source, or {@code null} if the code is not defined
	 */
	static AbortSource find(int code) {
		return CODES.find(code);
	}

}
