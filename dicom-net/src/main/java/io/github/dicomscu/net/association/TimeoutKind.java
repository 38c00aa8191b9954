package io.github.dicomscu.net.association;

/**
 * The timers of the engine, each bounding one kind of wait.
 */
public enum TimeoutKind {

	/** Establishing the TCP connection to the peer. */
	CONNECT("connect timeout", "establishing the TCP connection"),

	/** Waiting for an A-ASSOCIATE or A-RELEASE response. */
	ACSE("ACSE timeout", "waiting for an association or release response"),

	/**
	 * Waiting for a DIMSE message: a response from the start of its wait until it is
	 * complete, or a request from its first PDU on (each PDU of a data set streamed to a
	 * sink).
	 */
	DIMSE("DIMSE timeout", "waiting for a DIMSE message"),

	/** Network idle: no traffic on an established association. */
	IDLE("network idle timeout", "waiting on an idle association"),

	/**
	 * The PS3.8 ARTIM timer: waiting for an A-ASSOCIATE-RQ or for the peer to close the
	 * connection.
	 */
	ARTIM("ARTIM timeout", "waiting for the peer (ARTIM timer)"),

	/**
	 * The grace period a peer has to end an operation after a C-CANCEL-RQ, however many
	 * pending responses it still sends.
	 */
	CANCEL("cancel grace period", "waiting for the final response after a C-CANCEL-RQ"),

	/**
	 * The overall budget of a requested association: every wait from the connect to the
	 * end of the release ends by it, whichever timer of the phase would end later.
	 */
	OPERATION("operation timeout", "for the association as a whole");

	private final String text;

	private final String activity;

	TimeoutKind(String text, String activity) {
		this.text = text;
		this.activity = activity;
	}

	/**
	 * Return a short readable name, such as "DIMSE timeout".
	 * @return the name
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Return what the engine was doing when this timer expired.
	 * @return the activity
	 */
	public String activity() {
		return this.activity;
	}

}
