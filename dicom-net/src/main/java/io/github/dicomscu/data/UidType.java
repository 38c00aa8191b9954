package io.github.dicomscu.data;

/**
 * Kind of a UID in the DICOM UID registry (PS3.6 Table A-1, "UID Type" column).
 * <p>
 * Every type that occurs in the bundled registry has a constant; {@link #OTHER} stands
 * for any type text this version does not know.
 */
public enum UidType {

	/** A SOP Class, for example CT Image Storage. */
	SOP_CLASS("SOP Class"),

	/** A Meta SOP Class grouping several SOP Classes. */
	META_SOP_CLASS("Meta SOP Class"),

	/** A Transfer Syntax. */
	TRANSFER_SYNTAX("Transfer Syntax"),

	/** The DICOM Application Context Name. */
	APPLICATION_CONTEXT_NAME("Application Context Name"),

	/** A Service Class. */
	SERVICE_CLASS("Service Class"),

	/** A well-known SOP Instance, for example a printer. */
	WELL_KNOWN_SOP_INSTANCE("Well-known SOP Instance"),

	/** A well-known frame of reference. */
	WELL_KNOWN_FRAME_OF_REFERENCE("Well-known frame of reference"),

	/** The Synchronization Frame of Reference. */
	SYNCHRONIZATION_FRAME_OF_REFERENCE("Synchronization Frame of Reference"),

	/** A coding scheme. */
	CODING_SCHEME("Coding Scheme"),

	/** DICOM UIDs used as a coding scheme. */
	DICOM_UIDS_AS_A_CODING_SCHEME("DICOM UIDs as a Coding Scheme"),

	/** An LDAP object identifier. */
	LDAP_OID("LDAP OID"),

	/** A mapping resource. */
	MAPPING_RESOURCE("Mapping Resource"),

	/** An application hosting model. */
	APPLICATION_HOSTING_MODEL("Application Hosting Model"),

	/** A type this version of the registry does not know. */
	OTHER("");

	private final String label;

	UidType(String label) {
		this.label = label;
	}

	/**
	 * Return the type as the registry writes it, for example {@code "SOP Class"}; empty
	 * for {@link #OTHER}.
	 * @return the registry text
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the type for the registry text, ignoring case.
	 * @param label the registry text, for example {@code "Transfer Syntax"}
	 * @return the matching type, or {@link #OTHER} if none matches
	 */
	public static UidType ofLabel(String label) {
		for (UidType type : values()) {
			if (type != OTHER && type.label.equalsIgnoreCase(label)) {
				return type;
			}
		}
		return OTHER;
	}

}
