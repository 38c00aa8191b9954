package io.github.dicomscu.data;

/**
 * Thrown when a string is not a valid UID (PS3.5 Section 9.1): its message says what is
 * wrong and where, quoting the value with its control characters escaped
 * ({@link PrintableText#escapeControls(String)}), since it may come from the wire.
 */
public class InvalidUidException extends IllegalArgumentException {

	private final String uid;

	/**
	 * Create a new exception.
	 * @param uid the rejected value (may be {@code null})
	 * @param problem what is wrong with it
	 */
	public InvalidUidException(String uid, String problem) {
		super(((uid != null) ? "Invalid UID '" + PrintableText.escapeControls(uid) + "': " : "Invalid UID: ")
				+ problem);
		this.uid = uid;
	}

	/**
	 * Return the rejected value.
	 * @return the value, possibly {@code null}
	 */
	public String getUid() {
		return this.uid;
	}

}
