package io.github.dicomscu.net.pdu;

/**
 * PDU-type field of the seven DICOM upper layer PDUs (PS3.8 section 9.3.1).
 */
public enum PduType implements PduCode {

	/** Association request, 01H. */
	A_ASSOCIATE_RQ(0x01, "A-ASSOCIATE-RQ"),

	/** Association acceptance, 02H. */
	A_ASSOCIATE_AC(0x02, "A-ASSOCIATE-AC"),

	/** Association rejection, 03H. */
	A_ASSOCIATE_RJ(0x03, "A-ASSOCIATE-RJ"),

	/** Data transfer, 04H. */
	P_DATA_TF(0x04, "P-DATA-TF"),

	/** Release request, 05H. */
	A_RELEASE_RQ(0x05, "A-RELEASE-RQ"),

	/** Release response, 06H. */
	A_RELEASE_RP(0x06, "A-RELEASE-RP"),

	/** Abort, 07H. */
	A_ABORT(0x07, "A-ABORT");

	private static final PduCodeTable<PduType> CODES = new PduCodeTable<>(values());

	private final int code;

	private final String text;

	PduType(int code, String text) {
		this.code = code;
		this.text = text;
	}

	@Override
	public int code() {
		return this.code;
	}

	/**
	 * Return the name the standard uses for the PDU, such as {@code A-ASSOCIATE-RQ}.
	 * @return the PDU name
	 */
	@Override
	public String text() {
		return this.text;
	}

	/**
	 * Return the PDU type for a PDU-type field value.
	 * @param code the field value
	 * @return the PDU type
	 * @throws IllegalArgumentException if the code is not one of the seven PDU types
	 */
	public static PduType of(int code) {
		return CODES.of(code, "Unknown PDU type 0x%02X");
	}

	/**
	 * Return the PDU type for a PDU-type field value, if there is one.
	 * @param code the field value
	 * @return the PDU type, or {@code null} if the code is not one of the seven PDU types
	 */
	static PduType find(int code) {
		return CODES.find(code);
	}

}
