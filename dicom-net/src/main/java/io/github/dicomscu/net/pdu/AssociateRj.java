package io.github.dicomscu.net.pdu;

/**
 * An A-ASSOCIATE-RJ PDU (PS3.8 section 9.3.4): the rejection of an association.
 * Immutable; the result and source are always defined values, the reason code may be any
 * byte and is interpreted by {@link #reason()}.
 *
 * @param result the Result field, see {@link RejectResult}
 * @param source the Source field, see {@link RejectSource}
 * @param reasonCode the Reason/Diag. field, see {@link RejectReason}
 */
public record AssociateRj(int result, int source, int reasonCode) implements Pdu {

	public AssociateRj {
		RejectResult.of(result);
		RejectSource.of(source);
		if (reasonCode < 0 || reasonCode > 0xFF) {
			throw new IllegalArgumentException("A-ASSOCIATE-RJ reason " + reasonCode + " does not fit in a byte");
		}
	}

	/**
	 * Create a rejection from its typed fields.
	 * @param result the result
	 * @param reason the reason, which also determines the source; not
	 * {@link RejectReason#RESERVED}
	 * @return the PDU
	 */
	public static AssociateRj of(RejectResult result, RejectReason reason) {
		if (reason.source() == null) {
			throw new IllegalArgumentException("A reserved reason does not name a source");
		}
		return new AssociateRj(result.code(), reason.source().code(), reason.code());
	}

	/**
	 * Create the rejection of an acceptor that is at its capacity: rejected-transient,
	 * local-limit-exceeded (source: service-provider, presentation related function).
	 * @return the PDU
	 */
	public static AssociateRj localLimitExceeded() {
		return of(RejectResult.TRANSIENT, RejectReason.LOCAL_LIMIT_EXCEEDED);
	}

	@Override
	public PduType type() {
		return PduType.A_ASSOCIATE_RJ;
	}

	public RejectResult resultEnum() {
		return RejectResult.of(this.result);
	}

	public RejectSource sourceEnum() {
		return RejectSource.of(this.source);
	}

	/**
	 * Return the reason, interpreted for the source.
	 * @return the reason, {@link RejectReason#RESERVED} if the code is reserved for the
	 * source
	 */
	public RejectReason reason() {
		return RejectReason.of(sourceEnum(), this.reasonCode);
	}

}
