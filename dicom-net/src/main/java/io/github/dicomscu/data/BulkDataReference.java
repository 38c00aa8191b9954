package io.github.dicomscu.data;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A value that stays in a file instead of memory: {@code length} bytes at {@code offset}
 * of {@code path}, encoded in {@code byteOrder}. {@link DataSetReader} creates these for
 * large values so that a multi-gigabyte instance can be parsed with little heap, and
 * {@link DataSetWriter} streams them back with a small buffer, swapping bytes if the
 * target transfer syntax has the other byte order.
 * <p>
 * The reference does not own or lock the file: it stays valid as long as nobody changes
 * or deletes that part of the file.
 *
 * @param path the file that holds the value
 * @param offset the position of the first value byte in the file
 * @param length the number of value bytes
 * @param byteOrder the byte order the value is encoded in
 */
public record BulkDataReference(Path path, long offset, long length, ByteOrder byteOrder) {

	/**
	 * Create a reference, checking its arguments.
	 * @param path the file that holds the value
	 * @param offset the position of the first value byte, not negative
	 * @param length the number of value bytes, not negative
	 * @param byteOrder the byte order of the value
	 */
	public BulkDataReference {
		Objects.requireNonNull(path, "Path must not be null");
		Objects.requireNonNull(byteOrder, "Byte order must not be null");
		if (offset < 0 || length < 0) {
			throw new IllegalArgumentException(
					"Offset and length must not be negative: offset " + offset + ", length " + length);
		}
	}

	@Override
	public String toString() {
		return this.path + "@" + this.offset + "+" + this.length + " (" + this.byteOrder + ")";
	}

}
