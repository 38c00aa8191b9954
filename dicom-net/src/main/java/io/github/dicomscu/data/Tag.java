package io.github.dicomscu.data;

/**
 * Helpers for attribute tags held as an {@code int}: group number in the high 16 bits,
 * element number in the low 16 bits (so {@code 0x00080016} is SOP Class UID).
 */
public final class Tag {

	private Tag() {
	}

	/**
	 * Return the tag for a group and element number.
	 * @param group the group number, 0 to 0xFFFF
	 * @param element the element number, 0 to 0xFFFF
	 * @return the tag
	 */
	public static int of(int group, int element) {
		return (group << 16) | (element & 0xFFFF);
	}

	/**
	 * Return the group number of a tag.
	 * @param tag the tag
	 * @return the group number, 0 to 0xFFFF
	 */
	public static int group(int tag) {
		return tag >>> 16;
	}

	/**
	 * Return the element number of a tag.
	 * @param tag the tag
	 * @return the element number, 0 to 0xFFFF
	 */
	public static int element(int tag) {
		return tag & 0xFFFF;
	}

	/**
	 * Return whether the tag belongs to a private group (an odd group number).
	 * @param tag the tag
	 * @return {@code true} for private tags
	 */
	public static boolean isPrivate(int tag) {
		return (group(tag) & 1) != 0;
	}

	/**
	 * Format a tag as DICOM writes it, for example {@code "(0008,0016)"}.
	 * @param tag the tag
	 * @return the tag in parentheses, upper-case hex digits
	 */
	public static String toString(int tag) {
		return String.format("(%04X,%04X)", group(tag), element(tag));
	}

	/**
	 * Name a tag for a parse error: the item and delimitation tags by what they are, any
	 * other tag as {@link #toString(int)} formats it.
	 * @param tag the tag
	 * @return for example {@code "item delimitation (FFFE,E00D)"} or
	 * {@code "(0008,0016)"}
	 */
	public static String describe(int tag) {
		return switch (tag) {
			case 0xFFFEE000 -> "item tag (FFFE,E000)";
			case 0xFFFEE00D -> "item delimitation (FFFE,E00D)";
			case 0xFFFEE0DD -> "sequence delimitation (FFFE,E0DD)";
			default -> toString(tag);
		};
	}

	/**
	 * Parse a tag written as {@code "00080016"}, {@code "(0008,0016)"} or
	 * {@code "0008,0016"} (hex digits in either case, surrounding spaces ignored).
	 * @param text the tag text
	 * @return the tag
	 * @throws IllegalArgumentException if the text is not in one of these forms
	 */
	public static int parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("Tag text must not be null");
		}
		String value = text.strip();
		if (value.startsWith("(") && value.endsWith(")")) {
			value = value.substring(1, value.length() - 1);
		}
		if (value.length() == 9 && value.charAt(4) == ',') {
			value = value.substring(0, 4) + value.substring(5);
		}
		if (value.length() != 8) {
			throw invalid(text);
		}
		int tag = 0;
		for (int i = 0; i < 8; i++) {
			int digit = Character.digit(value.charAt(i), 16);
			if (digit < 0) {
				throw invalid(text);
			}
			tag = (tag << 4) | digit;
		}
		return tag;
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException(
				"Invalid tag '" + text + "': expected 8 hex digits as GGGGEEEE, (GGGG,EEEE) or GGGG,EEEE");
	}

}
