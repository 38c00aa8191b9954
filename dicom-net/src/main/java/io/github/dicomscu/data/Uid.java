package io.github.dicomscu.data;

/**
 * Well-known UIDs and the UID syntax check of PS3.5 Section 9.1: 1 to 64 characters,
 * components of digits separated by single dots, no component empty and none starting
 * with {@code 0} unless it is {@code 0} itself.
 */
public final class Uid {

	/** Verification SOP Class, used by C-ECHO. */
	public static final String VERIFICATION = "1.2.840.10008.1.1";

	/** Implicit VR Little Endian, the default transfer syntax for DICOM. */
	public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";

	/** Explicit VR Little Endian. */
	public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

	/** Deflated Explicit VR Little Endian. */
	public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";

	/** Explicit VR Big Endian (retired, still widely proposed). */
	public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";

	/** DICOM Application Context Name, the only application context of DICOM. */
	public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

	/** Maximum length of a UID in characters. */
	public static final int MAX_LENGTH = 64;

	private Uid() {
	}

	/**
	 * Return whether the string is a syntactically valid UID.
	 * @param uid the string to check (may be {@code null})
	 * @return {@code true} if it is a valid UID
	 */
	public static boolean isValid(String uid) {
		return problemWith(uid) == null;
	}

	/**
	 * Check that the string is a syntactically valid UID.
	 * @param uid the string to check
	 * @return the UID, unchanged
	 * @throws InvalidUidException if it is not valid; the message says what is wrong and
	 * where (character positions and components count from 1)
	 */
	public static String checkValid(String uid) {
		String problem = problemWith(uid);
		if (problem != null) {
			throw new InvalidUidException(uid, problem);
		}
		return uid;
	}

	private static String problemWith(String uid) {
		if (uid == null) {
			return "it is null";
		}
		if (uid.isEmpty()) {
			return "it is empty";
		}
		if (uid.length() > MAX_LENGTH) {
			return "it is " + uid.length() + " characters long, at most " + MAX_LENGTH + " are allowed";
		}
		for (int i = 0; i < uid.length(); i++) {
			char c = uid.charAt(i);
			if (c != '.' && (c < '0' || c > '9')) {
				return "character " + describe(c) + " at position " + (i + 1) + " is neither a digit nor '.'";
			}
		}
		int component = 1;
		int start = 0;
		while (start <= uid.length()) {
			int end = uid.indexOf('.', start);
			if (end < 0) {
				end = uid.length();
			}
			if (end == start) {
				return "component " + component + " is empty" + emptyComponentHint(uid, start);
			}
			if (uid.charAt(start) == '0' && end - start > 1) {
				return "component " + component + " ('" + uid.substring(start, end) + "') has a leading zero";
			}
			component++;
			start = end + 1;
		}
		return null;
	}

	private static String emptyComponentHint(String uid, int start) {
		if (start == 0) {
			return " (it starts with '.')";
		}
		if (start == uid.length()) {
			return " (it ends with '.')";
		}
		return " (two consecutive dots)";
	}

	private static String describe(char c) {
		if (c > ' ' && c < 0x7F) {
			return "'" + c + "'";
		}
		return String.format("U+%04X", (int) c) + ((c == ' ') ? " (space)" : (c == 0) ? " (NUL)" : "");
	}

}
