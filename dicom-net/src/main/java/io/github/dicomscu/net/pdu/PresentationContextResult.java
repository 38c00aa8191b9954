package io.github.dicomscu.net.pdu;

/**
 * Result/Reason field of a presentation context item in an A-ASSOCIATE-AC PDU (PS3.8
 * Table 9-18).
 */
public enum PresentationContextResult implements PduCode {

	/** The presentation context was accepted. */
	ACCEPTANCE(0, "acceptance"),

	/** The called application rejected the presentation context. */
	USER_REJECTION(1, "user-rejection"),

	/** The service provider rejected the presentation context without a reason. */
	NO_REASON(2, "no-reason (provider rejection)"),

	/** The service provider does not support the abstract syntax. */
	ABSTRACT_SYNTAX_NOT_SUPPORTED(3, "abstract-syntax-not-supported (provider rejection)"),

	/** The service provider supports none of the proposed transfer syntaxes. */
	TRANSFER_SYNTAXES_NOT_SUPPORTED(4, "transfer-syntaxes-not-supported (provider rejection)");

	private static final PduCodeTable<PresentationContextResult> CODES = new PduCodeTable<>(values());

	private final int code;

	private final String text;

	PresentationContextResult(int code, String text) {
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
	 * Return the result for a Result/Reason field value.
	 * @param code the field value
	 * @return the result
	 * @throws IllegalArgumentException if the code is not defined
	 */
	public static PresentationContextResult of(int code) {
		return CODES.of(code, "Unknown presentation context result/reason %d");
	}

}
