package io.github.dicomscu.data;

/**
 * The DICOM value representations (PS3.5 Section 6.2) with what an encoder needs: the
 * explicit VR header length and the padding byte for odd-length values.
 * <p>
 * {@link #code()} packs the two ASCII characters into an int (first character in the high
 * byte), exactly as they appear big-endian on the wire, so a decoder can map the two
 * bytes it read with {@link #ofCode(int)} without building a string.
 */
public enum VR {

	/** Application Entity. */
	AE(Kind.TEXT),

	/** Age String. */
	AS(Kind.TEXT),

	/** Attribute Tag. */
	AT(Kind.BINARY),

	/** Code String. */
	CS(Kind.TEXT),

	/** Date. */
	DA(Kind.TEXT),

	/** Decimal String. */
	DS(Kind.TEXT),

	/** Date Time. */
	DT(Kind.TEXT),

	/** Floating Point Single. */
	FL(Kind.BINARY),

	/** Floating Point Double. */
	FD(Kind.BINARY),

	/** Integer String. */
	IS(Kind.TEXT),

	/** Long String. */
	LO(Kind.TEXT),

	/** Long Text. */
	LT(Kind.TEXT),

	/** Other Byte. */
	OB(Kind.LONG_BINARY),

	/** Other Double. */
	OD(Kind.LONG_BINARY),

	/** Other Float. */
	OF(Kind.LONG_BINARY),

	/** Other Long. */
	OL(Kind.LONG_BINARY),

	/** Other 64-bit Very Long. */
	OV(Kind.LONG_BINARY),

	/** Other Word. */
	OW(Kind.LONG_BINARY),

	/** Person Name. */
	PN(Kind.TEXT),

	/** Short String. */
	SH(Kind.TEXT),

	/** Signed Long. */
	SL(Kind.BINARY),

	/** Sequence of Items. */
	SQ(Kind.LONG_BINARY),

	/** Signed Short. */
	SS(Kind.BINARY),

	/** Short Text. */
	ST(Kind.TEXT),

	/** Signed 64-bit Very Long. */
	SV(Kind.LONG_BINARY),

	/** Time. */
	TM(Kind.TEXT),

	/** Unlimited Characters. */
	UC(Kind.LONG_TEXT),

	/** Unique Identifier, padded with NUL rather than space. */
	UI(Kind.BINARY),

	/** Unsigned Long. */
	UL(Kind.BINARY),

	/** Unknown. */
	UN(Kind.LONG_BINARY),

	/** Universal Resource Identifier or Locator. */
	UR(Kind.LONG_TEXT),

	/** Unsigned Short. */
	US(Kind.BINARY),

	/** Unlimited Text. */
	UT(Kind.LONG_TEXT),

	/** Unsigned 64-bit Very Long. */
	UV(Kind.LONG_BINARY);

	private static final VR[] BY_CODE_INDEX = new VR[26 * 26];

	static {
		for (VR vr : values()) {
			BY_CODE_INDEX[index(vr.code)] = vr;
		}
	}

	private final int code;

	private final int explicitHeaderLength;

	private final byte paddingByte;

	VR(Kind kind) {
		this.code = (name().charAt(0) << 8) | name().charAt(1);
		this.explicitHeaderLength = kind.longHeader ? 12 : 8;
		this.paddingByte = kind.text ? (byte) 0x20 : (byte) 0x00;
	}

	/**
	 * Return the length of an element header with this VR in an explicit VR transfer
	 * syntax: 12 bytes for OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT and UV
	 * (reserved bytes and a 32-bit length), 8 bytes for the others (16-bit length).
	 * @return 8 or 12
	 */
	public int explicitHeaderLength() {
		return this.explicitHeaderLength;
	}

	/**
	 * Return the byte that pads a value of this VR to even length: a space ({@code 0x20})
	 * for character string VRs, {@code 0x00} for UI and binary VRs.
	 * @return the padding byte
	 */
	public byte paddingByte() {
		return this.paddingByte;
	}

	/**
	 * Return the two ASCII characters of the VR as an int, first character in bits 8-15,
	 * second in bits 0-7 (for example {@code 0x5553} for US).
	 * @return the packed code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Return the VR with the given two-letter name.
	 * @param code the name, for example {@code "US"}
	 * @return the VR
	 * @throws IllegalArgumentException if it is not a DICOM VR
	 */
	public static VR of(String code) {
		if (code == null || code.length() != 2) {
			throw new IllegalArgumentException("Unknown VR '" + code + "'");
		}
		VR vr = lookup((code.charAt(0) << 8) | code.charAt(1));
		if (vr == null) {
			throw new IllegalArgumentException("Unknown VR '" + code + "'");
		}
		return vr;
	}

	/**
	 * Return the VR with the given packed code, as returned by {@link #code()}.
	 * @param code the packed code, for example {@code 0x5553}
	 * @return the VR
	 * @throws IllegalArgumentException if the code is not a DICOM VR
	 */
	public static VR ofCode(int code) {
		VR vr = lookup(code);
		if (vr == null) {
			throw new IllegalArgumentException(String.format("Unknown VR code 0x%04X", code));
		}
		return vr;
	}

	/**
	 * Return the VR whose code is the two bytes read from an explicit VR element header.
	 * @param first the first byte, 0 to 255
	 * @param second the second byte, 0 to 255
	 * @return the VR, or {@code null} if the bytes are not a DICOM VR
	 */
	public static VR find(int first, int second) {
		return lookup((first << 8) | second);
	}

	private static VR lookup(int code) {
		if ((code & ~0xFFFF) != 0) {
			return null;
		}
		int first = (code >> 8) - 'A';
		int second = (code & 0xFF) - 'A';
		if (first < 0 || first >= 26 || second < 0 || second >= 26) {
			return null;
		}
		return BY_CODE_INDEX[first * 26 + second];
	}

	private static int index(int code) {
		return ((code >> 8) - 'A') * 26 + ((code & 0xFF) - 'A');
	}

	private enum Kind {

		TEXT(true, false), LONG_TEXT(true, true), BINARY(false, false), LONG_BINARY(false, true);

		private final boolean text;

		private final boolean longHeader;

		Kind(boolean text, boolean longHeader) {
			this.text = text;
			this.longHeader = longHeader;
		}

	}

}
