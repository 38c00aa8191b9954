package io.github.dicomscu.net.pdu;

/**
 * An A-RELEASE-RP PDU (PS3.8 section 9.3.7): the confirmation that the association is
 * released.
 */
public record ReleaseRp() implements Pdu {

	@Override
	public PduType type() {
		return PduType.A_RELEASE_RP;
	}

}
