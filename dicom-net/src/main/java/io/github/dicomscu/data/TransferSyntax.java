package io.github.dicomscu.data;

import java.nio.ByteOrder;
import java.util.Set;

/**
 * A DICOM transfer syntax (PS3.5 Section 10 and Annex A): whether the VR is explicit, the
 * byte order, whether the whole data set is deflated, and whether Pixel Data is
 * encapsulated.
 * <p>
 * The four uncompressed syntaxes are constants. {@link #of(String)} also recognises the
 * standard syntaxes with encapsulated (compressed) pixel data: the JPEG family
 * ({@code 1.2.840.10008.1.2.4.*}), RLE Lossless, Encapsulated Uncompressed and Deflated
 * Image Frame Compression; all of them are Explicit VR Little Endian. Instances are
 * immutable and equal when their UIDs are equal.
 */
public final class TransferSyntax {

	/** Implicit VR Little Endian, the DICOM default transfer syntax. */
	public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(Uid.IMPLICIT_VR_LITTLE_ENDIAN,
			false, false, false, false);

	/** Explicit VR Little Endian. */
	public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(Uid.EXPLICIT_VR_LITTLE_ENDIAN,
			true, false, false, false);

	/** Explicit VR Big Endian (retired, still found in archives). */
	public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN = new TransferSyntax(Uid.EXPLICIT_VR_BIG_ENDIAN, true,
			true, false, false);

	/**
	 * Deflated Explicit VR Little Endian: the whole data set compressed with raw deflate.
	 */
	public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(
			Uid.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, true, false, true, false);

	private static final String JPEG_FAMILY = "1.2.840.10008.1.2.4.";

	private static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

	private static final String ENCAPSULATED_UNCOMPRESSED = "1.2.840.10008.1.2.1.98";

	private static final String DEFLATED_IMAGE_FRAME_COMPRESSION = "1.2.840.10008.1.2.8.";

	private static final String SMPTE_ST_2110 = "1.2.840.10008.1.2.7.";

	private static final Set<String> JPIP_REFERENCED = Set.of("1.2.840.10008.1.2.4.94", "1.2.840.10008.1.2.4.204");

	private static final Set<String> JPIP_REFERENCED_DEFLATE = Set.of("1.2.840.10008.1.2.4.95",
			"1.2.840.10008.1.2.4.205");

	private final String uid;

	private final boolean explicitVr;

	private final boolean bigEndian;

	private final boolean deflated;

	private final boolean encapsulated;

	private TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {
		this.uid = uid;
		this.explicitVr = explicitVr;
		this.bigEndian = bigEndian;
		this.deflated = deflated;
		this.encapsulated = encapsulated;
	}

	/**
	 * Return the transfer syntax for a UID or a UID keyword such as
	 * {@code ExplicitVRBigEndian}.
	 * @param uidOrKeyword the transfer syntax UID or its keyword
	 * @return the transfer syntax
	 * @throws IllegalArgumentException if it is not a transfer syntax this codec can read
	 * and write: unknown or private UIDs, and the MIME and XML encodings
	 */
	public static TransferSyntax of(String uidOrKeyword) {
		String uid = UidDictionary.toUid(uidOrKeyword);
		switch (uid) {
			case Uid.IMPLICIT_VR_LITTLE_ENDIAN:
				return IMPLICIT_VR_LITTLE_ENDIAN;
			case Uid.EXPLICIT_VR_LITTLE_ENDIAN:
				return EXPLICIT_VR_LITTLE_ENDIAN;
			case Uid.EXPLICIT_VR_BIG_ENDIAN:
				return EXPLICIT_VR_BIG_ENDIAN;
			case Uid.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN:
				return DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
			default:
				break;
		}
		if (JPIP_REFERENCED_DEFLATE.contains(uid)) {
			return new TransferSyntax(uid, true, false, true, false);
		}
		if (JPIP_REFERENCED.contains(uid) || isUnder(uid, SMPTE_ST_2110)) {
			return new TransferSyntax(uid, true, false, false, false);
		}
		if (isUnder(uid, JPEG_FAMILY) || uid.equals(RLE_LOSSLESS) || uid.equals(ENCAPSULATED_UNCOMPRESSED)
				|| isUnder(uid, DEFLATED_IMAGE_FRAME_COMPRESSION)) {
			return new TransferSyntax(uid, true, false, false, true);
		}
		throw new IllegalArgumentException("Unsupported transfer syntax " + uid + " (" + UidDictionary.nameOf(uid)
				+ "): not a standard transfer syntax for encoding data sets");
	}

	private static boolean isUnder(String uid, String prefix) {
		return uid.length() > prefix.length() && uid.startsWith(prefix);
	}

	/**
	 * Return the transfer syntax UID.
	 * @return the UID
	 */
	public String uid() {
		return this.uid;
	}

	/**
	 * Return the registry name of the transfer syntax.
	 * @return the name, for example {@code "Explicit VR Little Endian"}
	 */
	public String name() {
		return UidDictionary.nameOf(this.uid);
	}

	/**
	 * Return whether element headers carry the VR.
	 * @return {@code true} for every syntax but Implicit VR Little Endian
	 */
	public boolean isExplicitVr() {
		return this.explicitVr;
	}

	/**
	 * Return whether multi-byte values and headers are big endian.
	 * @return {@code true} only for Explicit VR Big Endian
	 */
	public boolean isBigEndian() {
		return this.bigEndian;
	}

	/**
	 * Return the byte order of headers and multi-byte values.
	 * @return the byte order
	 */
	public ByteOrder byteOrder() {
		return this.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
	}

	/**
	 * Return whether the whole data set is compressed with deflate (RFC 1951, no zlib
	 * header).
	 * @return {@code true} for the deflated syntaxes
	 */
	public boolean isDeflated() {
		return this.deflated;
	}

	/**
	 * Return whether Pixel Data is encapsulated: a basic offset table and fragments in
	 * items rather than a native value.
	 * @return {@code true} for the compressed syntaxes
	 */
	public boolean isEncapsulated() {
		return this.encapsulated;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof TransferSyntax that && this.uid.equals(that.uid));
	}

	@Override
	public int hashCode() {
		return this.uid.hashCode();
	}

	@Override
	public String toString() {
		return name() + " (" + this.uid + ")";
	}

}
