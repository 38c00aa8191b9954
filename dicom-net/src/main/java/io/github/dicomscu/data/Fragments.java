package io.github.dicomscu.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The value of encapsulated Pixel Data (PS3.5 Section A.4): the Basic Offset Table
 * (possibly empty) followed by the fragments, each held either as bytes or as a
 * {@link BulkDataReference}. Fragments are opaque: they are read and written byte for
 * byte, never decoded, swapped or re-split.
 * <p>
 * Instances are mutable, like {@link DataSet}: build on one thread, then share only for
 * reading. Arrays passed in or returned are not copied.
 */
public final class Fragments {

	private static final byte[] EMPTY = new byte[0];

	private final byte[] basicOffsetTable;

	private final List<Object> fragments = new ArrayList<>();

	/**
	 * Create encapsulated pixel data with no fragments yet.
	 * @param basicOffsetTable the value of the first item: 32-bit little endian frame
	 * offsets, or an empty array (or {@code null}) for none
	 */
	public Fragments(byte[] basicOffsetTable) {
		this.basicOffsetTable = (basicOffsetTable != null) ? basicOffsetTable : EMPTY;
	}

	/**
	 * Append a fragment held in memory.
	 * @param fragment the fragment bytes
	 * @return this object
	 */
	public Fragments add(byte[] fragment) {
		this.fragments.add(Objects.requireNonNull(fragment, "Fragment must not be null"));
		return this;
	}

	/**
	 * Append a fragment that stays in a file.
	 * @param fragment where the fragment bytes are
	 * @return this object
	 */
	public Fragments add(BulkDataReference fragment) {
		this.fragments.add(Objects.requireNonNull(fragment, "Fragment must not be null"));
		return this;
	}

	/**
	 * Return the Basic Offset Table, the value of the first item.
	 * @return the table, empty if the encoder left it empty
	 */
	public byte[] basicOffsetTable() {
		return this.basicOffsetTable;
	}

	/**
	 * Return the number of fragments, not counting the Basic Offset Table.
	 * @return the number of fragments
	 */
	public int size() {
		return this.fragments.size();
	}

	/**
	 * Return whether a fragment stays in a file.
	 * @param index the fragment index, from 0
	 * @return {@code true} if {@link #getBulkData(int)} returns it
	 */
	public boolean isBulkData(int index) {
		return this.fragments.get(index) instanceof BulkDataReference;
	}

	/**
	 * Return a fragment held in memory.
	 * @param index the fragment index, from 0
	 * @return the fragment bytes
	 * @throws IllegalStateException if the fragment stays in a file
	 */
	public byte[] getBytes(int index) {
		Object fragment = this.fragments.get(index);
		if (fragment instanceof byte[] bytes) {
			return bytes;
		}
		throw new IllegalStateException("Fragment " + index + " is bulk data at " + fragment + "; use getBulkData");
	}

	/**
	 * Return where a fragment that stays in a file is.
	 * @param index the fragment index, from 0
	 * @return the reference
	 * @throws IllegalStateException if the fragment is held in memory
	 */
	public BulkDataReference getBulkData(int index) {
		Object fragment = this.fragments.get(index);
		if (fragment instanceof BulkDataReference reference) {
			return reference;
		}
		throw new IllegalStateException("Fragment " + index + " is held in memory; use getBytes");
	}

	/**
	 * Return the length of a fragment in bytes.
	 * @param index the fragment index, from 0
	 * @return the length
	 */
	public long length(int index) {
		Object fragment = this.fragments.get(index);
		return (fragment instanceof byte[] bytes) ? bytes.length : ((BulkDataReference) fragment).length();
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Fragments that) || !Arrays.equals(this.basicOffsetTable, that.basicOffsetTable)
				|| this.fragments.size() != that.fragments.size()) {
			return false;
		}
		for (int i = 0; i < this.fragments.size(); i++) {
			if (!Objects.deepEquals(this.fragments.get(i), that.fragments.get(i))) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int hashCode() {
		int hash = Arrays.hashCode(this.basicOffsetTable);
		for (Object fragment : this.fragments) {
			hash = 31 * hash + ((fragment instanceof byte[] bytes) ? Arrays.hashCode(bytes) : fragment.hashCode());
		}
		return hash;
	}

	@Override
	public String toString() {
		return "Fragments[offset table " + this.basicOffsetTable.length + " bytes, " + this.fragments.size()
				+ " fragments]";
	}

}
