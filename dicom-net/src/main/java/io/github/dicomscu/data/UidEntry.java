package io.github.dicomscu.data;

/**
 * One row of the DICOM UID registry (PS3.6 Table A-1).
 *
 * @param uid the UID, never empty
 * @param keyword the keyword, for example {@code CTImageStorage}; empty for some retired
 * UIDs that have none
 * @param name the name, for example {@code CT Image Storage}; may be empty for retired
 * UIDs
 * @param type the kind of UID
 * @param retired whether the UID is retired
 * @param info extra information from the registry, empty if there is none
 */
public record UidEntry(String uid, String keyword, String name, UidType type, boolean retired, String info) {

	/**
	 * Return the name if the registry has one, otherwise the UID.
	 * @return a non-empty display name
	 */
	public String displayName() {
		return this.name.isEmpty() ? this.uid : this.name;
	}

}
