package io.github.dicomscu.net.association;

/**
 * The states of the DICOM upper layer protocol machine (PS3.8 Table 9-9).
 */
public enum AssociationState {

	/** Sta1: idle. */
	STA1("Idle"),

	/** Sta2: transport connection open, awaiting A-ASSOCIATE-RQ PDU. */
	STA2("Transport connection open (awaiting A-ASSOCIATE-RQ PDU)"),

	/** Sta3: awaiting local A-ASSOCIATE response primitive. */
	STA3("Awaiting local A-ASSOCIATE response primitive"),

	/** Sta4: awaiting transport connection opening to complete. */
	STA4("Awaiting transport connection opening to complete"),

	/** Sta5: awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU. */
	STA5("Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU"),

	/** Sta6: association established and ready for data transfer. */
	STA6("Association established and ready for data transfer"),

	/** Sta7: awaiting A-RELEASE-RP PDU. */
	STA7("Awaiting A-RELEASE-RP PDU"),

	/** Sta8: awaiting local A-RELEASE response primitive. */
	STA8("Awaiting local A-RELEASE response primitive"),

	/** Sta9: release collision requestor side; awaiting A-RELEASE response primitive. */
	STA9("Release collision requestor side; awaiting A-RELEASE response primitive"),

	/** Sta10: release collision acceptor side; awaiting A-RELEASE-RP PDU. */
	STA10("Release collision acceptor side; awaiting A-RELEASE-RP PDU"),

	/** Sta11: release collision requestor side; awaiting A-RELEASE-RP PDU. */
	STA11("Release collision requestor side; awaiting A-RELEASE-RP PDU"),

	/** Sta12: release collision acceptor side; awaiting A-RELEASE response primitive. */
	STA12("Release collision acceptor side; awaiting A-RELEASE response primitive"),

	/** Sta13: awaiting transport connection close indication. */
	STA13("Awaiting Transport Connection Close Indication");

	private final String description;

	AssociationState(String description) {
		this.description = description;
	}

	/**
	 * Return the standard's description of this state.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

}
