package io.github.dicomscu.net.pdu;

/**
 * Source field of an A-ASSOCIATE-RJ PDU (PS3.8 Table 9-21): who rejected the association.
 */
public enum RejectSource implements PduCode {

	/** The called application (DICOM UL service-user) rejected the association. */
	SERVICE_USER(1, "DICOM UL service-user"),

	/**
	 * The ACSE related function of the DICOM UL service-provider rejected the
	 * association.
	 */
	SERVICE_PROVIDER_ACSE(2, "DICOM UL service-provider (ACSE related function)"),

	/**
	 * The presentation related function of the DICOM UL service-provider rejected the
	 * association.
	 */
	SERVICE_PROVIDER_PRESENTATION(3, "DICOM UL service-provider (presentation related function)");

	private static final PduCodeTable<RejectSource> CODES = new PduCodeTable<>(values());

	private final int code;

	private final String text;

	RejectSource(int code, String text) {
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
	 * Return the source for a Source field value.
	 * @param code the field value
	 * @return the source
	 * @throws IllegalArgumentException if the code is not defined
	 */
	public static RejectSource of(int code) {
		return CODES.of(code, "Unknown A-ASSOCIATE-RJ source %d");
	}

}
