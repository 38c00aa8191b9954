package io.github.dicomscu.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One data element of a {@link DataSet}: tag, VR and value. The value is exactly one of
 * <ul>
 * <li>bytes in memory, always <em>little endian</em> whatever transfer syntax they were
 * read in (a big endian value is swapped on read and swapped back on write), padded to
 * even length when set through {@link DataSet};</li>
 * <li>a {@link BulkDataReference} to bytes that stay in a file, in the byte order
 * recorded in the reference;</li>
 * <li>{@link Fragments} of encapsulated pixel data (VR OB);</li>
 * <li>a list of item data sets (VR SQ).</li>
 * </ul>
 * Attributes are immutable apart from the arrays and items they hold, which are not
 * copied.
 */
public final class Attribute {

	private final int tag;

	private final VR vr;

	private final Object value;

	private Attribute(int tag, VR vr, Object value) {
		this.tag = tag;
		this.vr = Objects.requireNonNull(vr, "VR must not be null");
		this.value = value;
	}

	/**
	 * Create an attribute whose value is held in memory.
	 * @param tag the tag
	 * @param vr the VR, not SQ
	 * @param value the value bytes, little endian; not copied
	 * @return the attribute
	 */
	public static Attribute of(int tag, VR vr, byte[] value) {
		requireNotSequence(tag, vr);
		return new Attribute(tag, vr, Objects.requireNonNull(value, "Value must not be null"));
	}

	/**
	 * Create an attribute whose value stays in a file.
	 * @param tag the tag
	 * @param vr the VR, not SQ
	 * @param value where the value is
	 * @return the attribute
	 */
	public static Attribute ofBulkData(int tag, VR vr, BulkDataReference value) {
		requireNotSequence(tag, vr);
		return new Attribute(tag, vr, Objects.requireNonNull(value, "Value must not be null"));
	}

	/**
	 * Create an attribute holding encapsulated pixel data, with VR OB.
	 * @param tag the tag, normally Pixel Data (7FE0,0010)
	 * @param value the offset table and fragments
	 * @return the attribute
	 */
	public static Attribute ofFragments(int tag, Fragments value) {
		return new Attribute(tag, VR.OB, Objects.requireNonNull(value, "Value must not be null"));
	}

	/**
	 * Create a sequence attribute (VR SQ).
	 * @param tag the tag
	 * @param items the items, copied into an unmodifiable list
	 * @return the attribute
	 */
	public static Attribute ofSequence(int tag, List<DataSet> items) {
		return new Attribute(tag, VR.SQ, List.copyOf(items));
	}

	private static void requireNotSequence(int tag, VR vr) {
		if (vr == VR.SQ) {
			throw new IllegalArgumentException(
					"The value of " + Tag.toString(tag) + " with VR SQ must be a list of items");
		}
	}

	/**
	 * Return the tag.
	 * @return the tag
	 */
	public int tag() {
		return this.tag;
	}

	/**
	 * Return the VR.
	 * @return the VR
	 */
	public VR vr() {
		return this.vr;
	}

	/**
	 * Return whether the value is a list of items.
	 * @return {@code true} for VR SQ
	 */
	public boolean isSequence() {
		return this.value instanceof List;
	}

	/**
	 * Return whether the value stays in a file.
	 * @return {@code true} if {@link #bulkData()} returns it
	 */
	public boolean isBulkData() {
		return this.value instanceof BulkDataReference;
	}

	/**
	 * Return whether the value is encapsulated pixel data.
	 * @return {@code true} if {@link #fragments()} returns it
	 */
	public boolean isFragments() {
		return this.value instanceof Fragments;
	}

	/**
	 * Return the value bytes held in memory, little endian.
	 * @return the bytes (not a copy), or {@code null} if the value is of another kind
	 */
	public byte[] bytes() {
		return (this.value instanceof byte[] bytes) ? bytes : null;
	}

	/**
	 * Return where the value is, if it stays in a file.
	 * @return the reference, or {@code null} if the value is of another kind
	 */
	public BulkDataReference bulkData() {
		return (this.value instanceof BulkDataReference reference) ? reference : null;
	}

	/**
	 * Return the encapsulated pixel data.
	 * @return the fragments, or {@code null} if the value is of another kind
	 */
	public Fragments fragments() {
		return (this.value instanceof Fragments fragments) ? fragments : null;
	}

	/**
	 * Return the items of a sequence.
	 * @return the unmodifiable list of items, or {@code null} if this is not a sequence
	 */
	@SuppressWarnings("unchecked")
	public List<DataSet> items() {
		return (this.value instanceof List) ? (List<DataSet>) this.value : null;
	}

	/**
	 * Return the length of a value in memory or in a file.
	 * @return the length in bytes, or -1 for sequences and fragments, whose encoded
	 * length depends on the transfer syntax
	 */
	public long length() {
		if (this.value instanceof byte[] bytes) {
			return bytes.length;
		}
		if (this.value instanceof BulkDataReference reference) {
			return reference.length();
		}
		return -1;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof Attribute that && this.tag == that.tag && this.vr == that.vr
				&& Objects.deepEquals(this.value, that.value);
	}

	@Override
	public int hashCode() {
		int valueHash = (this.value instanceof byte[] bytes) ? Arrays.hashCode(bytes) : this.value.hashCode();
		return 31 * (31 * this.tag + this.vr.hashCode()) + valueHash;
	}

	@Override
	public String toString() {
		String keyword = TagDictionary.keywordOf(this.tag);
		StringBuilder text = new StringBuilder(Tag.toString(this.tag)).append(' ').append(this.vr);
		if (!keyword.isEmpty()) {
			text.append(' ').append(keyword);
		}
		if (this.value instanceof List<?> items) {
			return text.append(" (").append(items.size()).append(" items)").toString();
		}
		if (this.value instanceof byte[] bytes) {
			return text.append(" #").append(bytes.length).toString();
		}
		return text.append(' ').append(this.value).toString();
	}

}
