package io.github.dicomscu.net.pdu;

/**
 * A protocol data unit of the DICOM upper layer protocol (PS3.8 section 9.3): one of
 * exactly seven immutable types that {@link PduEncoder} writes and {@link PduDecoder}
 * reads.
 */
public sealed interface Pdu permits AssociateRq, AssociateAc, AssociateRj, PDataTf, ReleaseRq, ReleaseRp, Abort {

	/**
	 * Return the PDU type, whose {@link PduType#code() code} is the PDU-type field.
	 * @return the PDU type
	 */
	PduType type();

}
