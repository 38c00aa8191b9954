package io.github.dicomscu.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The character repertoire named by Specific Character Set (0008,0005) (PS3.5 Section 6.1
 * and PS3.3 C.12.1.1.2), mapped to a Java {@link Charset}, with the rules for turning
 * string values into bytes and back.
 * <p>
 * Only SH, LO, ST, LT, UT, PN and UC values (and UN values read as text) use the
 * character set; AE, AS, CS, DA, DS, DT, IS, TM, UI and UR are always the default
 * repertoire. Supported terms: the default repertoire ({@code ISO_IR 6}, decoded
 * leniently as ISO-8859-1),
 * {@code ISO_IR 100, 101, 109, 110, 144, 127, 126, 138, 148, 203} (ISO-8859-1, -2, -3,
 * -4, -5, -6, -7, -8, -9, -15), {@code ISO_IR 13} (JIS X 0201), {@code ISO_IR 166}
 * (TIS-620), {@code ISO_IR 192} (UTF-8), {@code GB18030} and {@code GBK}, and the
 * {@code ISO 2022 IR} forms of the single-byte sets.
 * <p>
 * Limitation: ISO 2022 code extensions (several values, switched by escape sequences) are
 * decoded with the first value's character set only, so text in the other sets decodes
 * wrongly. Values in an unknown character set decode leniently as ISO-8859-1 but cannot
 * be encoded. Instances are immutable and thread-safe.
 */
public final class SpecificCharacterSet {

	/** The default repertoire, used when a data set has no Specific Character Set. */
	public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0],
			StandardCharsets.US_ASCII, true);

	private static final Map<String, String> CHARSETS = Map.ofEntries(Map.entry("ISO_IR 6", "US-ASCII"),
			Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO_IR 101", "ISO-8859-2"),
			Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO_IR 110", "ISO-8859-4"),
			Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO_IR 127", "ISO-8859-6"),
			Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO_IR 138", "ISO-8859-8"),
			Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO_IR 203", "ISO-8859-15"),
			Map.entry("ISO_IR 13", Charset.isSupported("JIS_X0201") ? "JIS_X0201" : "Shift_JIS"),
			Map.entry("ISO_IR 166", "TIS-620"), Map.entry("ISO_IR 192", "UTF-8"), Map.entry("GB18030", "GB18030"),
			Map.entry("GBK", "GBK"));

	private static final String ISO_2022_PREFIX = "ISO 2022 IR ";

	private static final Set<VR> USES_CHARACTER_SET = EnumSet.of(VR.SH, VR.LO, VR.ST, VR.LT, VR.UT, VR.PN, VR.UC,
			VR.UN);

	private static final Set<VR> STRING_VRS = EnumSet.of(VR.AE, VR.AS, VR.CS, VR.DA, VR.DS, VR.DT, VR.IS, VR.LO, VR.LT,
			VR.PN, VR.SH, VR.ST, VR.TM, VR.UC, VR.UI, VR.UR, VR.UT);

	private static final Set<VR> SINGLE_VALUED = EnumSet.of(VR.LT, VR.ST, VR.UT, VR.UR);

	private static final Set<VR> LEADING_SPACES_INSIGNIFICANT = EnumSet.of(VR.AE, VR.CS, VR.DS, VR.IS, VR.LO, VR.SH);

	private static final byte BACKSLASH = 0x5C;

	private static final String[] NO_VALUES = new String[0];

	private final String[] definedTerms;

	private final Charset charset;

	private final boolean known;

	private SpecificCharacterSet(String[] definedTerms, Charset charset, boolean known) {
		this.definedTerms = definedTerms;
		this.charset = charset;
		this.known = known;
	}

	/**
	 * Return the character set for the values of Specific Character Set (0008,0005).
	 * @param definedTerms the values, for example {@code "ISO_IR 192"}; none or only
	 * empty values mean the default repertoire
	 * @return the character set
	 */
	public static SpecificCharacterSet of(String... definedTerms) {
		String[] terms = Arrays.stream(definedTerms)
			.map((term) -> (term != null) ? term.strip() : "")
			.toArray(String[]::new);
		if (terms.length == 0 || (terms.length == 1 && terms[0].isEmpty())) {
			return DEFAULT;
		}
		String first = terms[0].isEmpty() ? "ISO_IR 6" : terms[0];
		String name = CHARSETS
			.get(first.startsWith(ISO_2022_PREFIX) ? "ISO_IR " + first.substring(ISO_2022_PREFIX.length()) : first);
		if (name == null) {
			return new SpecificCharacterSet(terms, StandardCharsets.ISO_8859_1, false);
		}
		return new SpecificCharacterSet(terms, Charset.forName(name), true);
	}

	/**
	 * Return whether a VR holds character strings.
	 * @param vr the VR
	 * @return {@code true} for AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC,
	 * UI, UR and UT
	 */
	public static boolean isString(VR vr) {
		return STRING_VRS.contains(vr);
	}

	/**
	 * Return the defined terms this character set was created from.
	 * @return a copy of the terms, empty for {@link #DEFAULT}
	 */
	public String[] definedTerms() {
		return this.definedTerms.clone();
	}

	/**
	 * Return the Java charset used for the VRs that honour Specific Character Set.
	 * @return the charset, US-ASCII for the default repertoire
	 */
	public Charset charset() {
		return this.charset;
	}

	/**
	 * Decode a string value into its values: split at backslashes (except for LT, ST, UT
	 * and UR, which have one value), trailing spaces and NULs removed, and leading spaces
	 * removed where PS3.5 calls them insignificant (AE, CS, DS, IS, LO, SH). Decoding is
	 * lenient: bytes the character set does not define become U+FFFD, and the default
	 * repertoire accepts ISO-8859-1.
	 * @param vr the VR of the value
	 * @param value the value bytes
	 * @return the values, empty for an empty value
	 */
	public String[] decode(VR vr, byte[] value) {
		if (value.length == 0) {
			return NO_VALUES;
		}
		Charset decoder = decodingCharset(vr);
		boolean multiValued = !SINGLE_VALUED.contains(vr);
		String[] values;
		if (multiValued && splitsAfterDecoding(decoder)) {
			values = new String(value, decoder).split("\\\\", -1);
		}
		else if (multiValued) {
			values = splitAndDecode(value, decoder);
		}
		else {
			values = new String[] { new String(value, decoder) };
		}
		boolean stripLeading = LEADING_SPACES_INSIGNIFICANT.contains(vr);
		for (int i = 0; i < values.length; i++) {
			values[i] = trim(values[i], stripLeading);
		}
		return values;
	}

	/**
	 * Encode string values as one value of the given VR: each value encoded, joined with
	 * backslashes, padded to even length with the VR's padding byte.
	 * @param vr the VR, one of the string VRs
	 * @param values the values; {@code null} elements are written as empty values
	 * @return the encoded value
	 * @throws IllegalArgumentException if the VR is not a string VR, a single-valued VR
	 * gets several values, a value contains a backslash, or a character cannot be encoded
	 * (for example non-ASCII text before Specific Character Set is set)
	 */
	public byte[] encode(VR vr, String... values) {
		if (!isString(vr)) {
			throw new IllegalArgumentException("VR " + vr + " does not hold character strings");
		}
		if (values.length > 1 && SINGLE_VALUED.contains(vr)) {
			throw new IllegalArgumentException("VR " + vr + " holds a single value, got " + values.length);
		}
		boolean usesCharacterSet = USES_CHARACTER_SET.contains(vr);
		if (usesCharacterSet && !this.known) {
			throw new IllegalStateException("Cannot encode text in the unsupported Specific Character Set "
					+ String.join("\\", this.definedTerms));
		}
		Charset target = usesCharacterSet ? this.charset : StandardCharsets.US_ASCII;
		CharsetEncoder encoder = target.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < values.length; i++) {
			String value = (values[i] != null) ? values[i] : "";
			if (i > 0) {
				out.write(BACKSLASH);
			}
			if (!SINGLE_VALUED.contains(vr) && value.indexOf('\\') >= 0) {
				throw new IllegalArgumentException("Value '" + value + "' of VR " + vr
						+ " contains a backslash, which separates values; pass the values separately");
			}
			try {
				ByteBuffer encoded = encoder.reset().encode(CharBuffer.wrap(value));
				out.write(encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.remaining());
			}
			catch (CharacterCodingException ex) {
				throw new IllegalArgumentException("Value '" + value + "' of VR " + vr + " cannot be encoded in "
						+ describe(usesCharacterSet) + "; set Specific Character Set (0008,0005) first", ex);
			}
		}
		if ((out.size() & 1) != 0) {
			out.write(vr.paddingByte());
		}
		return out.toByteArray();
	}

	private String describe(boolean usesCharacterSet) {
		if (!usesCharacterSet || this.definedTerms.length == 0) {
			return "the default repertoire (ASCII)";
		}
		return String.join("\\", this.definedTerms) + " (" + this.charset.name() + ")";
	}

	private Charset decodingCharset(VR vr) {
		if (!USES_CHARACTER_SET.contains(vr) || this.charset.equals(StandardCharsets.US_ASCII)) {
			return StandardCharsets.ISO_8859_1;
		}
		return this.charset;
	}

	private static boolean splitsAfterDecoding(Charset charset) {
		String name = charset.name();
		return name.equals("GB18030") || name.equals("GBK");
	}

	private static String[] splitAndDecode(byte[] value, Charset charset) {
		List<String> values = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= value.length; i++) {
			if (i == value.length || value[i] == BACKSLASH) {
				values.add(new String(value, start, i - start, charset));
				start = i + 1;
			}
		}
		return values.toArray(NO_VALUES);
	}

	private static String trim(String value, boolean stripLeading) {
		int end = value.length();
		while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == 0)) {
			end--;
		}
		int start = 0;
		while (stripLeading && start < end && value.charAt(start) == ' ') {
			start++;
		}
		return value.substring(start, end);
	}

	@Override
	public boolean equals(Object other) {
		return (this == other)
				|| (other instanceof SpecificCharacterSet that && Arrays.equals(this.definedTerms, that.definedTerms));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.definedTerms);
	}

	@Override
	public String toString() {
		return (this.definedTerms.length == 0) ? "ISO_IR 6" : String.join("\\", this.definedTerms);
	}

}
