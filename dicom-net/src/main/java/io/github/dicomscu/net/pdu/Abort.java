package io.github.dicomscu.net.pdu;

import java.util.Objects;

/**
 * An A-ABORT PDU (PS3.8 section 9.3.8): the abrupt end of an association. Immutable. The
 * reason is only significant when the source is the service-provider; a user abort carries
 * {@link AbortReason#NOT_SPECIFIED}.
 *
 * @param source who aborted
 * @param reason why the service-provider aborted
 */
public record Abort(AbortSource source, AbortReason reason) implements Pdu {

	public Abort {
		Objects.requireNonNull(source, "'source' must not be null");
		Objects.requireNonNull(reason, "'reason' must not be null");
	}

	@Override
	public PduType type() {
		return PduType.A_ABORT;
	}

}
