package io.github.dicomscu.net.pdu;

import io.github.dicomscu.data.PrintableText;

/**
 * The rules for Application Entity titles (PS3.5 AE value representation): 1 to 16
 * characters of the default repertoire, no backslash, no control characters; leading and
 * trailing spaces are not significant.
 */
public final class AeTitle {

	/** Maximum length of an AE title. */
	public static final int MAXIMUM_LENGTH = 16;

	private AeTitle() {
	}

	/**
	 * Return why a value is not a valid AE title, or {@code null} if it is valid.
	 * @param value the value
	 * @return the problem, or {@code null}
	 */
	public static String problemWith(String value) {
		if (value == null) {
			return "it is missing";
		}
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			return "it is empty or only spaces";
		}
		if (trimmed.length() > MAXIMUM_LENGTH) {
			return "it has " + trimmed.length() + " characters, at most " + MAXIMUM_LENGTH + " are allowed";
		}
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c == '\\') {
				return "it contains a backslash at position " + (i + 1);
			}
			if (c < 0x20 || c > 0x7E) {
				return String.format("it contains the character U+%04X at position %d; only printable ASCII is allowed",
						(int) c, i + 1);
			}
		}
		return null;
	}

	/**
	 * Check an AE title and return it without leading and trailing spaces.
	 * @param what what the title is, for the message (e.g. "calling AE title")
	 * @param value the value
	 * @return the trimmed title
	 * @throws IllegalArgumentException if the value is not a valid AE title
	 */
	public static String check(String what, String value) {
		String problem = problemWith(value);
		if (problem != null) {
			throw new IllegalArgumentException(
					"Invalid " + what + " '" + PrintableText.escapeControls(value) + "': " + problem);
		}
		return value.strip();
	}

}
