package io.github.dicomscu.net.association;

/**
 * The actions of the DICOM upper layer protocol machine (PS3.8 Table 9-6 to Table 9-9):
 * association establishment (AE), data transfer (DT), association release (AR) and
 * association abort (AA).
 */
public enum AssociationAction {

	/** AE-1: issue TRANSPORT CONNECT request primitive to local transport service. */
	AE_1("Issue TRANSPORT CONNECT request primitive to local transport service", AssociationState.STA4),

	/** AE-2: send A-ASSOCIATE-RQ PDU. */
	AE_2("Send A-ASSOCIATE-RQ-PDU", AssociationState.STA5),

	/** AE-3: issue A-ASSOCIATE confirmation (accept) primitive. */
	AE_3("Issue A-ASSOCIATE confirmation (accept) primitive", AssociationState.STA6),

	/**
	 * AE-4: issue A-ASSOCIATE confirmation (reject) primitive and close transport
	 * connection.
	 */
	AE_4("Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection", AssociationState.STA1),

	/** AE-5: issue transport connection response primitive; start ARTIM timer. */
	AE_5("Issue Transport connection response primitive; start ARTIM timer", AssociationState.STA2),

	/**
	 * AE-6: stop ARTIM timer and, if the A-ASSOCIATE-RQ is acceptable by the
	 * service-provider, issue A-ASSOCIATE indication primitive (Sta3); otherwise send
	 * A-ASSOCIATE-RJ PDU and start ARTIM timer (Sta13).
	 */
	AE_6("Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider issue A-ASSOCIATE indication "
			+ "primitive, otherwise issue A-ASSOCIATE-RJ-PDU and start ARTIM timer", AssociationState.STA3,
			AssociationState.STA13),

	/** AE-7: send A-ASSOCIATE-AC PDU. */
	AE_7("Send A-ASSOCIATE-AC PDU", AssociationState.STA6),

	/** AE-8: send A-ASSOCIATE-RJ PDU and start ARTIM timer. */
	AE_8("Send A-ASSOCIATE-RJ PDU and start ARTIM timer", AssociationState.STA13),

	/** DT-1: send P-DATA-TF PDU. */
	DT_1("Send P-DATA-TF PDU", AssociationState.STA6),

	/** DT-2: send P-DATA indication primitive. */
	DT_2("Send P-DATA indication primitive", AssociationState.STA6),

	/** AR-1: send A-RELEASE-RQ PDU. */
	AR_1("Send A-RELEASE-RQ PDU", AssociationState.STA7),

	/** AR-2: issue A-RELEASE indication primitive. */
	AR_2("Issue A-RELEASE indication primitive", AssociationState.STA8),

	/** AR-3: issue A-RELEASE confirmation primitive and close transport connection. */
	AR_3("Issue A-RELEASE confirmation primitive, and close transport connection", AssociationState.STA1),

	/** AR-4: issue A-RELEASE-RP PDU and start ARTIM timer. */
	AR_4("Issue A-RELEASE-RP PDU and start ARTIM timer", AssociationState.STA13),

	/** AR-5: stop ARTIM timer. */
	AR_5("Stop ARTIM timer", AssociationState.STA1),

	/** AR-6: issue P-DATA indication. */
	AR_6("Issue P-DATA indication", AssociationState.STA7),

	/** AR-7: issue P-DATA-TF PDU. */
	AR_7("Issue P-DATA-TF PDU", AssociationState.STA8),

	/**
	 * AR-8: issue A-RELEASE indication (release collision); the association-requestor
	 * goes to Sta9, the acceptor to Sta10.
	 */
	AR_8("Issue A-RELEASE indication (release collision)", AssociationState.STA9, AssociationState.STA10),

	/** AR-9: send A-RELEASE-RP PDU. */
	AR_9("Send A-RELEASE-RP PDU", AssociationState.STA11),

	/** AR-10: issue A-RELEASE confirmation primitive. */
	AR_10("Issue A-RELEASE confirmation primitive", AssociationState.STA12),

	/** AA-1: send A-ABORT PDU and start (or restart) ARTIM timer. */
	AA_1("Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer",
			AssociationState.STA13),

	/** AA-2: stop ARTIM timer if running; close transport connection. */
	AA_2("Stop ARTIM timer if running. Close transport connection", AssociationState.STA1),

	/**
	 * AA-3: issue A-ABORT (service-user) or A-P-ABORT (service-provider) indication and
	 * close transport connection.
	 */
	AA_3("If (service-user initiated abort) issue A-ABORT indication and close transport connection, otherwise "
			+ "(service-provider initiated abort) issue A-P-ABORT indication and close transport connection",
			AssociationState.STA1),

	/** AA-4: issue A-P-ABORT indication primitive. */
	AA_4("Issue A-P-ABORT indication primitive", AssociationState.STA1),

	/** AA-5: stop ARTIM timer. */
	AA_5("Stop ARTIM timer", AssociationState.STA1),

	/** AA-6: ignore PDU. */
	AA_6("Ignore PDU", AssociationState.STA13),

	/** AA-7: send A-ABORT PDU. */
	AA_7("Send A-ABORT PDU", AssociationState.STA13),

	/**
	 * AA-8: send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication and
	 * start ARTIM timer.
	 */
	AA_8("Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer",
			AssociationState.STA13);

	private final String description;

	private final AssociationState next;

	private final AssociationState otherwise;

	AssociationAction(String description, AssociationState next) {
		this(description, next, next);
	}

	AssociationAction(String description, AssociationState next, AssociationState otherwise) {
		this.description = description;
		this.next = next;
		this.otherwise = otherwise;
	}

	/**
	 * Return the standard's description of this action.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Return the state this action leads to. Two actions lead to one of two states: AE-6
	 * to Sta3 if the A-ASSOCIATE-RQ is acceptable by the service-provider (else Sta13),
	 * AR-8 to Sta9 on the association-requestor (else Sta10); for every other action the
	 * condition does not matter.
	 * @param condition whether the A-ASSOCIATE-RQ is acceptable (AE-6) or the machine is
	 * the association-requestor (AR-8)
	 * @return the next state
	 */
	public AssociationState nextState(boolean condition) {
		return condition ? this.next : this.otherwise;
	}

	@Override
	public String toString() {
		return name().replace('_', '-');
	}

}
