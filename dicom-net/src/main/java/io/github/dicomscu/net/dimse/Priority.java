package io.github.dicomscu.net.dimse;

/**
 * Priority of a C-STORE, C-FIND, C-MOVE or C-GET request (PS3.7 Annex E, (0000,0700)).
 */
public enum Priority {

	/** Low priority. */
	LOW(0x0002),

	/** Medium priority, the usual choice. */
	MEDIUM(0x0000),

	/** High priority. */
	HIGH(0x0001);

	private final int code;

	Priority(int code) {
		this.code = code;
	}

	/**
	 * Return the value of the Priority element.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

}
