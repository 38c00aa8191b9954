package io.github.dicomscu.net.pdu;

/**
 * Reason/Diag. field of an A-ASSOCIATE-RJ PDU (PS3.8 Table 9-21). A code only has a
 * meaning together with the {@link RejectSource}; every code the standard leaves
 * reserved, or does not define for that source, maps to {@link #RESERVED}.
 */
public enum RejectReason {

	/** The service-user gave no reason. */
	NO_REASON_GIVEN(RejectSource.SERVICE_USER, 1, "no-reason-given"),

	/** The service-user does not support the application context name. */
	APPLICATION_CONTEXT_NAME_NOT_SUPPORTED(RejectSource.SERVICE_USER, 2, "application-context-name-not-supported"),

	/** The service-user does not recognize the calling AE title. */
	CALLING_AE_TITLE_NOT_RECOGNIZED(RejectSource.SERVICE_USER, 3, "calling-AE-title-not-recognized"),

	/** The service-user does not recognize the called AE title. */
	CALLED_AE_TITLE_NOT_RECOGNIZED(RejectSource.SERVICE_USER, 7, "called-AE-title-not-recognized"),

	/** The ACSE related function of the service-provider gave no reason. */
	ACSE_NO_REASON_GIVEN(RejectSource.SERVICE_PROVIDER_ACSE, 1, "no-reason-given"),

	/** The service-provider does not support the proposed protocol version. */
	PROTOCOL_VERSION_NOT_SUPPORTED(RejectSource.SERVICE_PROVIDER_ACSE, 2, "protocol-version-not-supported"),

	/** The service-provider is temporarily congested. */
	TEMPORARY_CONGESTION(RejectSource.SERVICE_PROVIDER_PRESENTATION, 1, "temporary-congestion"),

	/** The service-provider reached a local limit, such as its number of associations. */
	LOCAL_LIMIT_EXCEEDED(RejectSource.SERVICE_PROVIDER_PRESENTATION, 2, "local-limit-exceeded"),

	/**
	 * A code that is reserved, or not defined for its source; {@link #source()} is
	 * {@code null}.
	 */
	RESERVED(null, -1, "reserved");

	private final RejectSource source;

	private final int code;

	private final String text;

	RejectReason(RejectSource source, int code, String text) {
		this.source = source;
		this.code = code;
		this.text = text;
	}

	/**
	 * Return the source this reason belongs to.
	 * @return the source, or {@code null} for {@link #RESERVED}
	 */
	public RejectSource source() {
		return this.source;
	}

	/**
	 * Return the Reason/Diag. field value.
	 * @return the code, or {@code -1} for {@link #RESERVED} which stands for many codes
	 */
	public int code() {
		return this.code;
	}

	public String text() {
		return this.text;
	}

	/**
	 * Return the reason that a source and a Reason/Diag. field value denote.
	 * @param source the source of the rejection
	 * @param code the field value
	 * @return the reason, {@link #RESERVED} if the code is not defined for the source
	 */
	public static RejectReason of(RejectSource source, int code) {
		for (RejectReason reason : values()) {
			if (reason.source == source && reason.code == code) {
				return reason;
			}
		}
		return RESERVED;
	}

}
