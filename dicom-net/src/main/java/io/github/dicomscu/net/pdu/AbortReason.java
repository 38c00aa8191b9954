package io.github.dicomscu.net.pdu;

import java.util.Objects;

/**
 * Reason/Diag field of an A-ABORT PDU (PS3.8 Table 9-26), significant when the source is
 * the service-provider.
 */
public enum AbortReason implements PduCode {

	/** Reason not specified. */
	NOT_SPECIFIED(0, "reason-not-specified"),

	/** Unrecognized PDU. */
	UNRECOGNIZED_PDU(1, "unrecognized-PDU"),

	/** Unexpected PDU. */
	UNEXPECTED_PDU(2, "unexpected-PDU"),

	/** Unrecognized PDU parameter. */
	UNRECOGNIZED_PDU_PARAMETER(4, "unrecognized-PDU parameter"),

	/** Unexpected PDU parameter. */
	UNEXPECTED_PDU_PARAMETER(5, "unexpected-PDU parameter"),

	/** Invalid PDU parameter value. */
	INVALID_PDU_PARAMETER_VALUE(6, "invalid-PDU-parameter value");

	private static final PduCodeTable<AbortReason> CODES = new PduCodeTable<>(values());

	private final int code;

	private final String text;

	AbortReason(int code, String text) {
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
	 * Return the reason for a code; reserved or unknown codes map to
	 * {@link #NOT_SPECIFIED}.
	 * @param code the field value
	 * @return the reason
	 */
	public static AbortReason of(int code) {
		return Objects.requireNonNullElse(CODES.find(code), NOT_SPECIFIED);
	}

}
