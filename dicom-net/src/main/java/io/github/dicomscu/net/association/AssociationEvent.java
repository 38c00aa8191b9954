package io.github.dicomscu.net.association;

import io.github.dicomscu.net.pdu.Abort;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRj;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.Pdu;
import io.github.dicomscu.net.pdu.ReleaseRp;
import io.github.dicomscu.net.pdu.ReleaseRq;

/**
 * The events of the DICOM upper layer protocol machine (PS3.8 Table 9-10): local service
 * primitives, received PDUs, transport indications and the ARTIM timer.
 */
public enum AssociationEvent {

	/** Evt1: A-ASSOCIATE request (local user). */
	EVT1("A-ASSOCIATE request (local user)", null),

	/** Evt2: transport connect confirmation (local transport service). */
	EVT2("Transport connect confirmation (local transport service)", null),

	/** Evt3: A-ASSOCIATE-AC PDU received on the transport connection. */
	EVT3("A-ASSOCIATE-AC PDU (received on transport connection)", "A-ASSOCIATE-AC"),

	/** Evt4: A-ASSOCIATE-RJ PDU received on the transport connection. */
	EVT4("A-ASSOCIATE-RJ PDU (received on transport connection)", "A-ASSOCIATE-RJ"),

	/** Evt5: transport connection indication (local transport service). */
	EVT5("Transport connection indication (local transport service)", null),

	/** Evt6: A-ASSOCIATE-RQ PDU received on the transport connection. */
	EVT6("A-ASSOCIATE-RQ PDU (on transport connection)", "A-ASSOCIATE-RQ"),

	/** Evt7: A-ASSOCIATE response primitive (accept). */
	EVT7("A-ASSOCIATE response primitive (accept)", null),

	/** Evt8: A-ASSOCIATE response primitive (reject). */
	EVT8("A-ASSOCIATE response primitive (reject)", null),

	/** Evt9: P-DATA request primitive. */
	EVT9("P-DATA request primitive", null),

	/** Evt10: P-DATA-TF PDU received. */
	EVT10("P-DATA-TF PDU", "P-DATA-TF"),

	/** Evt11: A-RELEASE request primitive. */
	EVT11("A-RELEASE request primitive", null),

	/** Evt12: A-RELEASE-RQ PDU received. */
	EVT12("A-RELEASE-RQ PDU (on transport)", "A-RELEASE-RQ"),

	/** Evt13: A-RELEASE-RP PDU received. */
	EVT13("A-RELEASE-RP PDU (on transport)", "A-RELEASE-RP"),

	/** Evt14: A-RELEASE response primitive. */
	EVT14("A-RELEASE response primitive", null),

	/** Evt15: A-ABORT request primitive. */
	EVT15("A-ABORT request primitive", null),

	/** Evt16: A-ABORT PDU received. */
	EVT16("A-ABORT PDU (on transport)", "A-ABORT"),

	/** Evt17: transport connection closed indication (local transport service). */
	EVT17("Transport connection closed indication (local transport service)", null),

	/** Evt18: ARTIM timer expired (association reject/release timer). */
	EVT18("ARTIM timer expired (Association reject/release timer)", null),

	/** Evt19: unrecognized or invalid PDU received. */
	EVT19("Unrecognized or invalid PDU received", null);

	private final String description;

	private final String pduName;

	AssociationEvent(String description, String pduName) {
		this.description = description;
		this.pduName = pduName;
	}

	/**
	 * Return the standard's description of this event.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Return the name of the PDU whose arrival is this event, such as
	 * {@code A-RELEASE-RQ}.
	 * @return the PDU name, or {@code null} if the event is not the arrival of a PDU
	 */
	public String pduName() {
		return this.pduName;
	}

	/**
	 * Return the event that the arrival of a PDU is, or the closing of the connection
	 * when there is no PDU.
	 * @param pdu the PDU received, or {@code null} if the peer closed the connection
	 * @return the event
	 */
	public static AssociationEvent received(Pdu pdu) {
		if (pdu instanceof PDataTf) {
			return EVT10;
		}
		if (pdu instanceof AssociateAc) {
			return EVT3;
		}
		if (pdu instanceof AssociateRj) {
			return EVT4;
		}
		if (pdu instanceof AssociateRq) {
			return EVT6;
		}
		if (pdu instanceof ReleaseRq) {
			return EVT12;
		}
		if (pdu instanceof ReleaseRp) {
			return EVT13;
		}
		if (pdu instanceof Abort) {
			return EVT16;
		}
		return EVT17;
	}

	@Override
	public String toString() {
		return "Evt" + (ordinal() + 1);
	}

}
