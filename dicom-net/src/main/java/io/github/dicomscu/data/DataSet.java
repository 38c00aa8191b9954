package io.github.dicomscu.data;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A DICOM data set (PS3.5 Section 7): attributes ordered by tag, with typed access by tag
 * or by dictionary keyword.
 * <p>
 * Values are stored encoded, as described in {@link Attribute}: bytes in memory are
 * little endian whatever transfer syntax they came from, so a data set read in one
 * transfer syntax can be written in another. String setters encode with the Specific
 * Character Set in force when they are called, so set Specific Character Set (0008,0005)
 * first; string getters decode with the one in force when they are called. An item of a
 * sequence inherits the Specific Character Set of the data set that holds the sequence
 * unless it has its own. Setters pad values to even length; getters trim the padding.
 * Private and unknown attributes are kept as read (VR UN when the VR is not known).
 * <p>
 * A data set is mutable and not thread-safe: build it on one thread, then share it only
 * for reading. Arrays passed to setters or returned by {@link #getBytes(int)} are not
 * copied.
 */
public final class DataSet {

	private static final int SPECIFIC_CHARACTER_SET = 0x00080005;

	private static final int MAX_SHOWN_VALUE = 64;

	private static final String[] NO_STRINGS = new String[0];

	private static final Set<VR> NUMBERS_AS_TEXT = EnumSet.of(VR.AT, VR.US, VR.SS, VR.UL, VR.SL, VR.SV, VR.UV, VR.FL,
			VR.FD);

	private final NavigableMap<Integer, Attribute> attributes = new TreeMap<>(Integer::compareUnsigned);

	private DataSet parent;

	private DecodedCharacterSet characterSet;

	/**
	 * Create an empty data set.
	 */
	public DataSet() {
	}

	/**
	 * Return the number of attributes (sequence items count as part of their sequence).
	 * @return the number of attributes
	 */
	public int size() {
		return this.attributes.size();
	}

	/**
	 * Return whether the data set has no attributes.
	 * @return {@code true} if it is empty
	 */
	public boolean isEmpty() {
		return this.attributes.isEmpty();
	}

	/**
	 * Return the attributes in ascending tag order (unsigned, so private group FFFx
	 * last).
	 * @return an unmodifiable view
	 */
	public Collection<Attribute> attributes() {
		return Collections.unmodifiableCollection(this.attributes.values());
	}

	/**
	 * Return whether an attribute is present, with or without a value.
	 * @param tag the tag
	 * @return {@code true} if present
	 */
	public boolean contains(int tag) {
		return this.attributes.containsKey(tag);
	}

	/**
	 * Return whether an attribute is present, with or without a value.
	 * @param keyword the dictionary keyword, for example {@code PatientName}
	 * @return {@code true} if present
	 * @throws UnknownTagKeywordException if the dictionary has no such keyword
	 */
	public boolean contains(String keyword) {
		return contains(TagDictionary.tagOf(keyword));
	}

	/**
	 * Return an attribute.
	 * @param tag the tag
	 * @return the attribute, or {@code null} if absent
	 */
	public Attribute get(int tag) {
		return this.attributes.get(tag);
	}

	/**
	 * Return an attribute.
	 * @param keyword the dictionary keyword
	 * @return the attribute, or {@code null} if absent
	 * @throws UnknownTagKeywordException if the dictionary has no such keyword
	 */
	public Attribute get(String keyword) {
		return get(TagDictionary.tagOf(keyword));
	}

	/**
	 * Add an attribute, replacing one with the same tag. The items of a sequence inherit
	 * this data set's Specific Character Set from now on.
	 * @param attribute the attribute
	 * @return this data set
	 */
	public DataSet set(Attribute attribute) {
		List<DataSet> items = attribute.items();
		if (items != null) {
			for (DataSet item : items) {
				item.parent = this;
			}
		}
		this.attributes.put(attribute.tag(), attribute);
		return this;
	}

	/**
	 * Remove an attribute.
	 * @param tag the tag
	 * @return the removed attribute, or {@code null} if it was absent
	 */
	public Attribute remove(int tag) {
		return this.attributes.remove(tag);
	}

	/**
	 * Remove an attribute.
	 * @param keyword the dictionary keyword
	 * @return the removed attribute, or {@code null} if it was absent
	 * @throws UnknownTagKeywordException if the dictionary has no such keyword
	 */
	public Attribute remove(String keyword) {
		return remove(TagDictionary.tagOf(keyword));
	}

	/**
	 * Return the character set of this data set's text: its own Specific Character Set
	 * (0008,0005), else that of the data set holding it as a sequence item, else the
	 * default repertoire.
	 * @return the character set
	 */
	public SpecificCharacterSet specificCharacterSet() {
		Attribute own = this.attributes.get(SPECIFIC_CHARACTER_SET);
		if (own == null || own.bytes() == null) {
			return (this.parent != null) ? this.parent.specificCharacterSet() : SpecificCharacterSet.DEFAULT;
		}
		DecodedCharacterSet decoded = this.characterSet;
		if (decoded == null || decoded.source() != own) {
			decoded = new DecodedCharacterSet(own,
					SpecificCharacterSet.of(SpecificCharacterSet.DEFAULT.decode(VR.CS, own.bytes())));
			this.characterSet = decoded;
		}
		return decoded.characterSet();
	}

	/**
	 * Return the first value of an attribute as a string: text decoded with the Specific
	 * Character Set and trimmed of padding, or a binary number (US, SS, UL, SL, SV, UV,
	 * FL, FD) in decimal, or a tag (AT) as {@code (gggg,eeee)}.
	 * @param tag the tag
	 * @return the first value, or {@code null} if the attribute is absent or empty
	 * @throws IllegalStateException if the value is not text or a number (for example OB,
	 * a sequence or bulk data)
	 */
	public String getString(int tag) {
		String[] values = getStrings(tag);
		return (values.length > 0) ? values[0] : null;
	}

	/**
	 * Return the first value of an attribute as a string; see {@link #getString(int)}.
	 * @param keyword the dictionary keyword
	 * @return the first value, or {@code null} if the attribute is absent or empty
	 */
	public String getString(String keyword) {
		return getString(TagDictionary.tagOf(keyword));
	}

	/**
	 * Return all values of an attribute as strings; see {@link #getString(int)}.
	 * @param tag the tag
	 * @return the values, empty if the attribute is absent or empty
	 */
	public String[] getStrings(int tag) {
		Attribute attribute = get(tag);
		if (attribute == null) {
			return NO_STRINGS;
		}
		VR vr = attribute.vr();
		byte[] value = requireBytes(attribute);
		if (SpecificCharacterSet.isString(vr) || vr == VR.UN) {
			return specificCharacterSet().decode(vr, value);
		}
		if (!NUMBERS_AS_TEXT.contains(vr)) {
			throw new IllegalStateException(
					Tag.toString(tag) + " has VR " + vr + ", which holds neither text nor numbers");
		}
		return NumericValue.toStrings(vr, value);
	}

	/**
	 * Return all values of an attribute as strings; see {@link #getString(int)}.
	 * @param keyword the dictionary keyword
	 * @return the values, empty if the attribute is absent or empty
	 */
	public String[] getStrings(String keyword) {
		return getStrings(TagDictionary.tagOf(keyword));
	}

	/**
	 * Return the first value of an integer attribute: a binary integer VR (US, SS, UL,
	 * SL, SV, UV, AT, or OB/OW/OL/OV read per byte, word, long word or very long word),
	 * IS, or a DS with an integral value.
	 * @param tag the tag
	 * @param defaultValue the value to return if the attribute is absent or empty
	 * @return the value
	 * @throws ArithmeticException if the value does not fit an int
	 * @throws NumberFormatException if an IS or DS value is not an integer
	 * @throws IllegalStateException if the VR does not hold integers
	 */
	public int getInt(int tag, int defaultValue) {
		long[] values = longs(tag);
		return (values.length > 0) ? toInt(tag, values[0]) : defaultValue;
	}

	/**
	 * Return the first value of an integer attribute; see {@link #getInt(int, int)}.
	 * @param keyword the dictionary keyword
	 * @param defaultValue the value to return if the attribute is absent or empty
	 * @return the value
	 */
	public int getInt(String keyword, int defaultValue) {
		return getInt(TagDictionary.tagOf(keyword), defaultValue);
	}

	/**
	 * Return all values of an integer attribute; see {@link #getInt(int, int)}.
	 * @param tag the tag
	 * @return the values, empty if the attribute is absent or empty
	 */
	public int[] getInts(int tag) {
		long[] values = longs(tag);
		int[] ints = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			ints[i] = toInt(tag, values[i]);
		}
		return ints;
	}

	/**
	 * Return all values of an integer attribute; see {@link #getInt(int, int)}.
	 * @param keyword the dictionary keyword
	 * @return the values, empty if the attribute is absent or empty
	 */
	public int[] getInts(String keyword) {
		return getInts(TagDictionary.tagOf(keyword));
	}

	/**
	 * Return the first value of an integer attribute as a long, for UL, SV and UV values
	 * beyond the int range; see {@link #getInt(int, int)}.
	 * @param tag the tag
	 * @param defaultValue the value to return if the attribute is absent or empty
	 * @return the value
	 */
	public long getLong(int tag, long defaultValue) {
		long[] values = longs(tag);
		return (values.length > 0) ? values[0] : defaultValue;
	}

	/**
	 * Return the first value of an integer attribute as a long; see
	 * {@link #getLong(int, long)}.
	 * @param keyword the dictionary keyword
	 * @param defaultValue the value to return if the attribute is absent or empty
	 * @return the value
	 */
	public long getLong(String keyword, long defaultValue) {
		return getLong(TagDictionary.tagOf(keyword), defaultValue);
	}

	/**
	 * Return the first value of a numeric attribute: FL, FD, OF, OD, DS, IS or any
	 * integer VR.
	 * @param tag the tag
	 * @param defaultValue the value to return if the attribute is absent or empty
	 * @return the value
	 * @throws NumberFormatException if a DS or IS value is not a number
	 * @throws IllegalStateException if the VR does not hold numbers
	 */
	public double getDouble(int tag, double defaultValue) {
		double[] values = getDoubles(tag);
		return (values.length > 0) ? values[0] : defaultValue;
	}

	/**
	 * Return the first value of a numeric attribute; see {@link #getDouble(int, double)}.
	 * @param keyword the dictionary keyword
	 * @param defaultValue the value to return if the attribute is absent or empty
	 * @return the value
	 */
	public double getDouble(String keyword, double defaultValue) {
		return getDouble(TagDictionary.tagOf(keyword), defaultValue);
	}

	/**
	 * Return all values of a numeric attribute; see {@link #getDouble(int, double)}.
	 * @param tag the tag
	 * @return the values, empty if the attribute is absent or empty
	 */
	public double[] getDoubles(int tag) {
		Attribute attribute = get(tag);
		if (attribute == null) {
			return new double[0];
		}
		VR vr = attribute.vr();
		if (vr == VR.DS || vr == VR.IS) {
			String[] texts = getStrings(tag);
			double[] values = new double[texts.length];
			for (int i = 0; i < texts.length; i++) {
				values[i] = parse(tag, vr, texts[i]).doubleValue();
			}
			return values;
		}
		if (!NumericValue.isNumber(vr)) {
			throw new IllegalStateException(Tag.toString(tag) + " has VR " + vr + ", which does not hold numbers");
		}
		return NumericValue.toDoubles(vr, requireBytes(attribute));
	}

	/**
	 * Return all values of a numeric attribute; see {@link #getDouble(int, double)}.
	 * @param keyword the dictionary keyword
	 * @return the values, empty if the attribute is absent or empty
	 */
	public double[] getDoubles(String keyword) {
		return getDoubles(TagDictionary.tagOf(keyword));
	}

	/**
	 * Return the value bytes of an attribute held in memory, little endian.
	 * @param tag the tag
	 * @return the bytes (not a copy), or {@code null} if the attribute is absent
	 * @throws IllegalStateException if the value is a sequence, fragments or bulk data
	 */
	public byte[] getBytes(int tag) {
		Attribute attribute = get(tag);
		return (attribute != null) ? requireBytes(attribute) : null;
	}

	/**
	 * Return the value bytes of an attribute held in memory; see {@link #getBytes(int)}.
	 * @param keyword the dictionary keyword
	 * @return the bytes, or {@code null} if the attribute is absent
	 */
	public byte[] getBytes(String keyword) {
		return getBytes(TagDictionary.tagOf(keyword));
	}

	/**
	 * Return where the value of an attribute kept in a file is.
	 * @param tag the tag
	 * @return the reference, or {@code null} if the attribute is absent or held otherwise
	 */
	public BulkDataReference getBulkData(int tag) {
		Attribute attribute = get(tag);
		return (attribute != null) ? attribute.bulkData() : null;
	}

	/**
	 * Return encapsulated pixel data.
	 * @param tag the tag, normally Pixel Data (7FE0,0010)
	 * @return the fragments, or {@code null} if the attribute is absent or held otherwise
	 */
	public Fragments getFragments(int tag) {
		Attribute attribute = get(tag);
		return (attribute != null) ? attribute.fragments() : null;
	}

	/**
	 * Return the items of a sequence.
	 * @param tag the tag
	 * @return the unmodifiable list of items, empty if the attribute is absent
	 * @throws IllegalStateException if the attribute is not a sequence
	 */
	public List<DataSet> getSequence(int tag) {
		Attribute attribute = get(tag);
		if (attribute == null) {
			return List.of();
		}
		if (!attribute.isSequence()) {
			throw new IllegalStateException(Tag.toString(tag) + " has VR " + attribute.vr() + ", not SQ");
		}
		return attribute.items();
	}

	/**
	 * Return the items of a sequence; see {@link #getSequence(int)}.
	 * @param keyword the dictionary keyword
	 * @return the unmodifiable list of items, empty if the attribute is absent
	 */
	public List<DataSet> getSequence(String keyword) {
		return getSequence(TagDictionary.tagOf(keyword));
	}

	/**
	 * Set a string attribute, encoded with this data set's Specific Character Set for SH,
	 * LO, ST, LT, UT, PN and UC, and as ASCII for the other string VRs.
	 * @param tag the tag
	 * @param vr a string VR
	 * @param values the values; none for an empty value
	 * @return this data set
	 * @throws IllegalArgumentException if the VR does not hold strings or a value cannot
	 * be encoded (see {@link SpecificCharacterSet#encode(VR, String...)})
	 */
	public DataSet setString(int tag, VR vr, String... values) {
		SpecificCharacterSet characters = (tag == SPECIFIC_CHARACTER_SET) ? SpecificCharacterSet.DEFAULT
				: specificCharacterSet();
		return set(Attribute.of(tag, vr, characters.encode(vr, values)));
	}

	/**
	 * Set a string attribute with the VR from the dictionary; see
	 * {@link #setString(int, VR, String...)}.
	 * @param keyword the dictionary keyword
	 * @param values the values
	 * @return this data set
	 */
	public DataSet setString(String keyword, String... values) {
		TagEntry entry = entry(keyword);
		return setString(entry.value(), vr(entry, false), values);
	}

	/**
	 * Set an integer attribute: binary for US, SS, UL, SL, SV, UV, AT, OW, OL, OV, FL,
	 * FD, OF and OD; decimal text for IS and DS.
	 * @param tag the tag
	 * @param vr the VR
	 * @param values the values
	 * @return this data set
	 * @throws IllegalArgumentException if the VR does not hold numbers or a value is out
	 * of its range
	 */
	public DataSet setInt(int tag, VR vr, int... values) {
		return setLong(tag, vr, Arrays.stream(values).asLongStream().toArray());
	}

	/**
	 * Set an integer attribute with the VR from the dictionary (SS rather than US for
	 * negative values when the dictionary allows both); see
	 * {@link #setInt(int, VR, int...)}.
	 * @param keyword the dictionary keyword
	 * @param values the values
	 * @return this data set
	 */
	public DataSet setInt(String keyword, int... values) {
		return setLong(keyword, Arrays.stream(values).asLongStream().toArray());
	}

	/**
	 * Set an integer attribute from longs, for UL, SV and UV values beyond the int range;
	 * see {@link #setInt(int, VR, int...)}.
	 * @param tag the tag
	 * @param vr the VR
	 * @param values the values
	 * @return this data set
	 */
	public DataSet setLong(int tag, VR vr, long... values) {
		if (vr == VR.IS || vr == VR.DS) {
			String[] texts = new String[values.length];
			for (int i = 0; i < values.length; i++) {
				if (vr == VR.IS && (values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE)) {
					throw new IllegalArgumentException(
							"Value " + values[i] + " of " + Tag.toString(tag) + " is out of range for VR IS");
				}
				texts[i] = (vr == VR.IS) ? Long.toString(values[i]) : NumericValue.toDecimalString(values[i]);
			}
			return setString(tag, vr, texts);
		}
		return set(Attribute.of(tag, vr, NumericValue.fromLongs(tag, vr, values)));
	}

	/**
	 * Set an integer attribute from longs with the VR from the dictionary; see
	 * {@link #setInt(String, int...)}.
	 * @param keyword the dictionary keyword
	 * @param values the values
	 * @return this data set
	 */
	public DataSet setLong(String keyword, long... values) {
		TagEntry entry = entry(keyword);
		return setLong(entry.value(), vr(entry, Arrays.stream(values).anyMatch((value) -> value < 0)), values);
	}

	/**
	 * Set a floating point attribute: binary for FL, FD, OF and OD, decimal text of at
	 * most 16 characters for DS.
	 * @param tag the tag
	 * @param vr FL, FD, OF, OD or DS
	 * @param values the values
	 * @return this data set
	 * @throws IllegalArgumentException for other VRs, or NaN and infinities in DS
	 */
	public DataSet setDouble(int tag, VR vr, double... values) {
		if (vr == VR.DS) {
			return setString(tag, vr,
					Arrays.stream(values).mapToObj(NumericValue::toDecimalString).toArray(String[]::new));
		}
		return set(Attribute.of(tag, vr, NumericValue.fromDoubles(tag, vr, values)));
	}

	/**
	 * Set a floating point attribute with the VR from the dictionary; see
	 * {@link #setDouble(int, VR, double...)}.
	 * @param keyword the dictionary keyword
	 * @param values the values
	 * @return this data set
	 */
	public DataSet setDouble(String keyword, double... values) {
		TagEntry entry = entry(keyword);
		return setDouble(entry.value(), vr(entry, false), values);
	}

	/**
	 * Set an attribute to raw value bytes, little endian. An odd-length value is copied
	 * and padded with the VR's padding byte.
	 * @param tag the tag
	 * @param vr the VR, not SQ
	 * @param value the value bytes
	 * @return this data set
	 */
	public DataSet setBytes(int tag, VR vr, byte[] value) {
		byte[] even = value;
		if ((value.length & 1) != 0) {
			even = Arrays.copyOf(value, value.length + 1);
			even[value.length] = vr.paddingByte();
		}
		return set(Attribute.of(tag, vr, even));
	}

	/**
	 * Set an attribute to raw value bytes with the VR from the dictionary (OB for Pixel
	 * Data); see {@link #setBytes(int, VR, byte[])}.
	 * @param keyword the dictionary keyword
	 * @param value the value bytes
	 * @return this data set
	 */
	public DataSet setBytes(String keyword, byte[] value) {
		TagEntry entry = entry(keyword);
		return setBytes(entry.value(), vr(entry, false), value);
	}

	/**
	 * Set an attribute to a value that stays in a file.
	 * @param tag the tag
	 * @param vr the VR, not SQ
	 * @param value where the value is
	 * @return this data set
	 */
	public DataSet setBulkData(int tag, VR vr, BulkDataReference value) {
		return set(Attribute.ofBulkData(tag, vr, value));
	}

	/**
	 * Set encapsulated pixel data.
	 * @param tag the tag, normally Pixel Data (7FE0,0010)
	 * @param value the offset table and fragments
	 * @return this data set
	 */
	public DataSet setFragments(int tag, Fragments value) {
		return set(Attribute.ofFragments(tag, value));
	}

	/**
	 * Set a sequence. The items inherit this data set's Specific Character Set unless
	 * they have their own.
	 * @param tag the tag
	 * @param items the items, in order
	 * @return this data set
	 */
	public DataSet setSequence(int tag, List<DataSet> items) {
		return set(Attribute.ofSequence(tag, items));
	}

	/**
	 * Set a sequence; see {@link #setSequence(int, List)}.
	 * @param keyword the dictionary keyword
	 * @param items the items, in order
	 * @return this data set
	 */
	public DataSet setSequence(String keyword, List<DataSet> items) {
		return setSequence(TagDictionary.tagOf(keyword), items);
	}

	private static TagEntry entry(String keyword) {
		int tag = TagDictionary.tagOf(keyword);
		return TagDictionary.forTag(tag).orElseThrow();
	}

	private static VR vr(TagEntry entry, boolean negative) {
		VR vr = entry.vr();
		if (vr == null) {
			throw new IllegalArgumentException(entry.keyword() + " has no VR in the dictionary");
		}
		return (negative && entry.vrs().equals("US or SS")) ? VR.SS : vr;
	}

	private long[] longs(int tag) {
		Attribute attribute = get(tag);
		if (attribute == null) {
			return new long[0];
		}
		VR vr = attribute.vr();
		if (vr == VR.IS || vr == VR.DS) {
			String[] texts = getStrings(tag);
			long[] values = new long[texts.length];
			for (int i = 0; i < texts.length; i++) {
				try {
					values[i] = parse(tag, vr, texts[i]).longValueExact();
				}
				catch (ArithmeticException ex) {
					throw new NumberFormatException("Value '" + PrintableText.escapeControls(texts[i]) + "' of "
							+ Tag.toString(tag) + " is not an integer");
				}
			}
			return values;
		}
		if (!NumericValue.isInteger(vr)) {
			throw new IllegalStateException(Tag.toString(tag) + " has VR " + vr + ", which does not hold integers");
		}
		return NumericValue.toLongs(vr, requireBytes(attribute));
	}

	private static BigDecimal parse(int tag, VR vr, String text) {
		try {
			return new BigDecimal(text.strip().replace('e', 'E'));
		}
		catch (NumberFormatException ex) {
			throw new NumberFormatException("Value '" + PrintableText.escapeControls(text) + "' of " + Tag.toString(tag)
					+ " is not a valid " + vr + " number");
		}
	}

	private static int toInt(int tag, long value) {
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new ArithmeticException(
					"Value " + value + " of " + Tag.toString(tag) + " does not fit an int; use getLong");
		}
		return (int) value;
	}

	private static byte[] requireBytes(Attribute attribute) {
		byte[] bytes = attribute.bytes();
		if (bytes != null) {
			return bytes;
		}
		String tag = Tag.toString(attribute.tag());
		if (attribute.isSequence()) {
			throw new IllegalStateException(tag + " is a sequence; use getSequence");
		}
		if (attribute.isFragments()) {
			throw new IllegalStateException(tag + " holds encapsulated pixel data; use getFragments");
		}
		throw new IllegalStateException(
				tag + " is bulk data at " + attribute.bulkData() + "; use getBulkData, or DataSetWriter to stream it");
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof DataSet that && this.attributes.equals(that.attributes));
	}

	@Override
	public int hashCode() {
		return this.attributes.hashCode();
	}

	/**
	 * Return a readable listing of the attributes, one per line, items indented.
	 * @return the listing
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		appendTo(text, "");
		return text.toString();
	}

	private void appendTo(StringBuilder text, String indent) {
		for (Attribute attribute : this.attributes.values()) {
			text.append(indent).append(attribute);
			List<DataSet> items = attribute.items();
			if (items != null) {
				text.append('\n');
				for (int i = 0; i < items.size(); i++) {
					text.append(indent).append("  > item ").append(i + 1).append('\n');
					items.get(i).appendTo(text, indent + "    ");
				}
				continue;
			}
			if (attribute.bytes() != null && isShown(attribute.vr())) {
				String value = String.join("\\", getStrings(attribute.tag()));
				text.append(" [")
					.append((value.length() > MAX_SHOWN_VALUE) ? value.substring(0, MAX_SHOWN_VALUE) + "..." : value)
					.append(']');
			}
			text.append('\n');
		}
	}

	private static boolean isShown(VR vr) {
		return SpecificCharacterSet.isString(vr) || NUMBERS_AS_TEXT.contains(vr);
	}

	private record DecodedCharacterSet(Attribute source, SpecificCharacterSet characterSet) {
	}

}
