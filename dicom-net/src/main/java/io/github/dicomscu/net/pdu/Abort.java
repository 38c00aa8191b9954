package io.github.dicomscu.net.pdu;

import java.util.Objects;

/**
 * An A-ABORT PDU (PS3.8 section 9.3.8): the abrupt end of an association. Immutable. The
 * reason is only significant when the source is the service-provider; a user abort
 * carries {@link AbortReason#NOT_SPECIFIED}. Built with {@link #byServiceUser()} or
 * {@link #byServiceProvider(AbortReason)}; the canonical constructor is for the decoder,
 * which must represent any source received.
 *
 * @param source who aborted
 * @param reason why the service-provider aborted
 */
public record Abort(AbortSource source, AbortReason reason) implements Pdu {

	public Abort {
		Objects.requireNonNull(source, "'source' must not be null");
		Objects.requireNonNull(reason, "'reason' must not be null");
	}

	private static final Abort SERVICE_USER = new Abort(AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED);

	/**
	 * Return the abort a DICOM UL service-user initiates; its reason is not significant
	 * and is sent as 0 (PS3.8 section 9.3.8).
	 * @return the PDU
	 */
	public static Abort byServiceUser() {
		return SERVICE_USER;
	}

	/**
	 * Create the abort the DICOM UL service-provider initiates, for a reason.
	 * @param reason why the provider aborts
	 * @return the PDU
	 */
	public static Abort byServiceProvider(AbortReason reason) {
		return new Abort(AbortSource.SERVICE_PROVIDER, reason);
	}

	@Override
	public PduType type() {
		return PduType.A_ABORT;
	}

}
