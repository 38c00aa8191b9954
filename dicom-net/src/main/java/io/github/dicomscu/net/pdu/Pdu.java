package io.github.dicomscu.net.pdu;

/**
 * A protocol data unit of the DICOM upper layer protocol (PS3.8 section 9.3): one of exactly
 * seven immutable types that {@link PduEncoder} writes and {@link PduDecoder} reads.
 */
public sealed interface Pdu permits AssociateRq, AssociateAc, AssociateRj, PDataTf, ReleaseRq, ReleaseRp, Abort {

	/**
	 * Return the PDU-type field, 0x01 to 0x07 (see {@link PduType}).
	 * @return the PDU type code
	 */
	int type();

}
