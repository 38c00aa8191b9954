package io.github.dicomscu.net.pdu;

/**
 * Source field of an A-ABORT PDU (PS3.8 Table 9-26).
 */
public enum AbortSource {

	/** The DICOM UL service-user initiated the abort. */
	SERVICE_USER(0, "service-user"),

	/** Reserved value. */
	RESERVED(1, "reserved"),

	/** The DICOM UL service-provider initiated the abort. */
	SERVICE_PROVIDER(2, "service-provider");

	private final int code;

	private final String text;

	AbortSource(int code, String text) {
		this.code = code;
		this.text = text;
	}

	public int code() {
		return this.code;
	}

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
		for (AbortSource source : values()) {
			if (source.code == code) {
				return source;
			}
		}
		throw new IllegalArgumentException("Unknown A-ABORT source " + code);
	}

}
