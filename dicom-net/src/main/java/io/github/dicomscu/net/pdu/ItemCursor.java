package io.github.dicomscu.net.pdu;

import java.util.Arrays;

/**
 * Reads big-endian fields from one region of a received PDU: the variable field of an
 * A-ASSOCIATE-RQ/AC, or the content of one of its items. Every read is checked against
 * the bytes left in the region, so a length can never reach outside its enclosing item; a
 * violation is a {@link DicomProtocolException} that names the field and the region.
 */
final class ItemCursor {

	private final byte[] bytes;

	private final int end;

	private final String name;

	private final int itemType;

	private int position;

	/**
	 * Create a cursor over a whole PDU body.
	 * @param bytes the bytes after the PDU header
	 * @param name the PDU name used in messages, such as {@code A-ASSOCIATE-RQ}
	 */
	ItemCursor(byte[] bytes, String name) {
		this(bytes, 0, bytes.length, name, -1);
	}

	private ItemCursor(byte[] bytes, int position, int length, String name, int itemType) {
		this.bytes = bytes;
		this.position = position;
		this.end = position + length;
		this.name = name;
		this.itemType = itemType;
	}

	/**
	 * Return how messages name this region, such as
	 * {@code presentation context item (0x20)}.
	 */
	String name() {
		return this.name;
	}

	/**
	 * Return the item type of an item read with {@link #nextItem()}.
	 */
	int itemType() {
		return this.itemType;
	}

	boolean hasRemaining() {
		return this.position < this.end;
	}

	int remaining() {
		return this.end - this.position;
	}

	int u8(String field) throws DicomProtocolException {
		require(1, field);
		return this.bytes[this.position++] & 0xFF;
	}

	int u16(String field) throws DicomProtocolException {
		require(2, field);
		int value = ((this.bytes[this.position] & 0xFF) << 8) | (this.bytes[this.position + 1] & 0xFF);
		this.position += 2;
		return value;
	}

	long u32(String field) throws DicomProtocolException {
		require(4, field);
		long value = 0;
		for (int i = 0; i < 4; i++) {
			value = (value << 8) | (this.bytes[this.position++] & 0xFF);
		}
		return value;
	}

	void skip(int count, String field) throws DicomProtocolException {
		require(count, field);
		this.position += count;
	}

	byte[] bytes(int count, String field) throws DicomProtocolException {
		require(count, field);
		byte[] value = Arrays.copyOfRange(this.bytes, this.position, this.position + count);
		this.position += count;
		return value;
	}

	/**
	 * Read all bytes up to the end of the region.
	 */
	byte[] rest() {
		byte[] value = Arrays.copyOfRange(this.bytes, this.position, this.end);
		this.position = this.end;
		return value;
	}

	/**
	 * Read a field preceded by its 2-byte length.
	 */
	byte[] lengthPrefixed(String field) throws DicomProtocolException {
		int length = u16(field + " length");
		checkDeclared(field, length);
		return bytes(length, field);
	}

	/**
	 * Read the region that a 2-byte length announces, as a cursor of its own.
	 */
	ItemCursor lengthPrefixedRegion(String field) throws DicomProtocolException {
		int length = u16(field + " length");
		checkDeclared(field, length);
		ItemCursor region = new ItemCursor(this.bytes, this.position, length, field, -1);
		this.position += length;
		return region;
	}

	/**
	 * Read the item that starts here: its type, reserved byte and 2-byte length, and the
	 * content as a cursor of its own.
	 */
	ItemCursor nextItem() throws DicomProtocolException {
		require(4, "an item header");
		int type = this.bytes[this.position] & 0xFF;
		int length = ((this.bytes[this.position + 2] & 0xFF) << 8) | (this.bytes[this.position + 3] & 0xFF);
		this.position += 4;
		String description = ItemType.describe(type);
		checkDeclared(description, length);
		ItemCursor item = new ItemCursor(this.bytes, this.position, length, description, type);
		this.position += length;
		return item;
	}

	/**
	 * Check that this item's length is exactly the one its structure defines.
	 */
	void expectLength(int length) throws DicomProtocolException {
		if (this.end - this.position != length) {
			throw invalid(this.name + " has length " + (this.end - this.position) + ", it must be " + length);
		}
	}

	/**
	 * Check that every byte of this item has been read.
	 */
	void expectEnd() throws DicomProtocolException {
		if (hasRemaining()) {
			throw invalid(this.name + " has " + remaining() + " bytes after its last field");
		}
	}

	private void checkDeclared(String field, int length) throws DicomProtocolException {
		if (length > remaining()) {
			throw invalid(field + " declares length " + length + " but only " + remaining() + " bytes remain in the "
					+ this.name);
		}
	}

	private void require(int count, String field) throws DicomProtocolException {
		if (count > remaining()) {
			throw invalid(field + " needs " + count + ((count != 1) ? " bytes" : " byte") + " but only " + remaining()
					+ " remain in the " + this.name);
		}
	}

	static DicomProtocolException invalid(String message) {
		return new DicomProtocolException(message, AbortReason.INVALID_PDU_PARAMETER_VALUE);
	}

}
