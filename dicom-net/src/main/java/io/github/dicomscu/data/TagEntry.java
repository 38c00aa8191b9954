package io.github.dicomscu.data;

/**
 * One entry of the DICOM data dictionary (PS3.6 Section 6 and 7, and PS3.7 Annex E for
 * command fields).
 * <p>
 * Entries of repeating groups such as {@code 60xx0010} (Overlay Rows) match every tag
 * whose hex digits equal the pattern outside the {@code x} positions:
 * {@code (tag & mask) == value}. A pattern with {@code x} in its group only matches even
 * (standard) groups.
 *
 * @param pattern the tag as the dictionary writes it, 8 upper-case hex digits with
 * {@code x} for repeating digits, for example {@code "00080016"} or {@code "60xx0010"}
 * @param mask the bits of a tag that must match, {@code 0xFFFFFFFF} for a plain tag
 * @param value the pattern with {@code x} digits as zero
 * @param vrs the value representation(s) as the dictionary writes them, for example
 * {@code "US"} or {@code "US or SS"}; {@code "NONE"} for items and delimiters
 * @param vm the value multiplicity, for example {@code "1"} or {@code "1-n"}
 * @param keyword the keyword, for example {@code "SOPClassUID"}; empty for a few retired
 * entries
 * @param name the name, for example {@code "SOP Class UID"}; may be empty for retired
 * entries
 * @param retired whether the attribute is retired
 */
public record TagEntry(String pattern, int mask, int value, String vrs, String vm, String keyword, String name,
		boolean retired) {

	private static final int GROUP_MASK = 0xFFFF0000;

	/**
	 * Create an entry from its dictionary pattern, deriving {@code mask} and
	 * {@code value}.
	 * @param pattern 8 hex digits, {@code x} for repeating digits
	 * @param vrs the value representation(s) as the dictionary writes them
	 * @param vm the value multiplicity
	 * @param keyword the keyword
	 * @param name the name
	 * @param retired whether the attribute is retired
	 * @return the entry
	 * @throws IllegalArgumentException if the pattern is not 8 hex digits or {@code x}
	 */
	public static TagEntry of(String pattern, String vrs, String vm, String keyword, String name, boolean retired) {
		if (pattern.length() != 8) {
			throw new IllegalArgumentException("Invalid tag pattern '" + pattern + "'");
		}
		int mask = 0;
		int value = 0;
		for (int i = 0; i < 8; i++) {
			char c = pattern.charAt(i);
			mask <<= 4;
			value <<= 4;
			if (c != 'x' && c != 'X') {
				int digit = Character.digit(c, 16);
				if (digit < 0) {
					throw new IllegalArgumentException("Invalid tag pattern '" + pattern + "'");
				}
				mask |= 0xF;
				value |= digit;
			}
		}
		return new TagEntry(pattern, mask, value, vrs, vm, keyword, name, retired);
	}

	/**
	 * Return the preferred value representation: the first one the dictionary lists.
	 * @return the VR, or {@code null} for items and delimiters ({@code FFFE} group),
	 * which have none
	 */
	public VR vr() {
		int end = this.vrs.indexOf(' ');
		String first = (end < 0) ? this.vrs : this.vrs.substring(0, end);
		return (first.length() == 2) ? VR.of(first) : null;
	}

	/**
	 * Return whether this entry is a repeating-group pattern rather than a single tag.
	 * @return {@code true} if the pattern contains {@code x}
	 */
	public boolean isRepeating() {
		return this.mask != -1;
	}

	/**
	 * Return whether this entry describes the given tag.
	 * @param tag the tag
	 * @return {@code true} if the tag matches the pattern
	 */
	public boolean matches(int tag) {
		if ((tag & this.mask) != this.value) {
			return false;
		}
		return (this.mask & GROUP_MASK) == GROUP_MASK || !Tag.isPrivate(tag);
	}

}
