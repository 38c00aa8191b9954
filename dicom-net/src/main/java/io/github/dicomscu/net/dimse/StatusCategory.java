package io.github.dicomscu.net.dimse;

/**
 * Status class of a DIMSE status code (PS3.7 Annex C): whether the operation succeeded,
 * is still going on, was cancelled, completed with a deviation, or failed.
 *
 * @see Status#categoryOf(int)
 */
public enum StatusCategory {

	/** The operation completed successfully (0000). */
	SUCCESS("Success"),

	/** The operation continues and more responses follow (FF00, FF01). */
	PENDING("Pending"),

	/** The operation was stopped by a C-CANCEL request (FE00). */
	CANCEL("Cancel"),

	/** The operation completed, but a deviation was detected (0001, 0107, 0116, Bxxx). */
	WARNING("Warning"),

	/**
	 * The operation failed and was not performed (Axxx, Cxxx, 01xx, 02xx and unassigned
	 * codes).
	 */
	FAILURE("Failure");

	private final String text;

	StatusCategory(String text) {
		this.text = text;
	}

	/**
	 * Return the name the standard gives this status class.
	 * @return the text, for example {@code "Failure"}
	 */
	public String text() {
		return this.text;
	}

}
