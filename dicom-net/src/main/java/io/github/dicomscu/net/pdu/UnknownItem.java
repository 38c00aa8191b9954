package io.github.dicomscu.net.pdu;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A user information sub-item of a type this package does not interpret, kept so that it
 * can be inspected or sent on unchanged. Immutable; two instances are equal when their
 * types and value bytes are equal.
 *
 * @param type the item type, 0 to 255, not one of the types this package interprets
 * @param value the bytes after the item length field
 */
public record UnknownItem(int type, byte[] value) {

	public UnknownItem {
		if (type < 0 || type > 0xFF) {
			throw new IllegalArgumentException("Item type " + type + " does not fit in a byte");
		}
		ItemType known = ItemType.find(type);
		if (known != null) {
			throw new IllegalArgumentException("Item type 0x" + HexFormat.of().toHexDigits((byte) type) + " is a "
					+ known.describe() + ", which has its own component");
		}
		value = Objects.requireNonNull(value, "'value' must not be null").clone();
	}

	@Override
	public byte[] value() {
		return this.value.clone();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof UnknownItem that && this.type == that.type
				&& Arrays.equals(this.value, that.value));
	}

	@Override
	public int hashCode() {
		return 31 * this.type + Arrays.hashCode(this.value);
	}

	@Override
	public String toString() {
		return "UnknownItem[type=0x" + HexFormat.of().toHexDigits((byte) this.type) + ", value="
				+ HexFormat.of().formatHex(this.value) + "]";
	}

}
