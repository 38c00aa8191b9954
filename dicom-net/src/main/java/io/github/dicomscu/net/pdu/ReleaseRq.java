package io.github.dicomscu.net.pdu;

/**
 * An A-RELEASE-RQ PDU (PS3.8 section 9.3.6): a request to release the association.
 */
public record ReleaseRq() implements Pdu {

	@Override
	public PduType type() {
		return PduType.A_RELEASE_RQ;
	}

}
