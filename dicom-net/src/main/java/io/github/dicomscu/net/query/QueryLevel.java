package io.github.dicomscu.net.query;

/**
 * A level of the Query/Retrieve information models (PS3.4 C.3): the value of
 * Query/Retrieve Level (0008,0052) and the unique key that identifies an entity at that
 * level.
 */
public enum QueryLevel {

	/** Patient level, identified by Patient ID (0010,0020). */
	PATIENT("PATIENT", "PatientID"),

	/** Study level, identified by Study Instance UID (0020,000D). */
	STUDY("STUDY", "StudyInstanceUID"),

	/** Series level, identified by Series Instance UID (0020,000E). */
	SERIES("SERIES", "SeriesInstanceUID"),

	/** Composite object instance level, identified by SOP Instance UID (0008,0018). */
	IMAGE("IMAGE", "SOPInstanceUID");

	private final String code;

	private final String uniqueKey;

	QueryLevel(String code, String uniqueKey) {
		this.code = code;
		this.uniqueKey = uniqueKey;
	}

	/**
	 * Return the value of Query/Retrieve Level (0008,0052) for this level.
	 * @return the code string, for example {@code "STUDY"}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Return the keyword of the unique key of this level.
	 * @return the keyword, for example {@code "StudyInstanceUID"}
	 */
	public String uniqueKey() {
		return this.uniqueKey;
	}

}
