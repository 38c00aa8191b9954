package io.github.dicomscu.data;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The File Meta Information of a DICOM file (PS3.10 Section 7.1): group 0002, always in
 * Explicit VR Little Endian, with this implementation's identification.
 * <p>
 * {@link #create(DataSet, DataSet, String)} guarantees the mandatory elements: File Meta
 * Information Version {@code 00\01}, Media Storage SOP Class and Instance UID matching
 * the data set, the Transfer Syntax UID of the data set, and this implementation's class
 * UID and version name. File Meta Information Group Length (0002,0000) is never stored;
 * it is computed when the group is written.
 */
public final class FileMetaInformation {

	/**
	 * Implementation Class UID (0002,0012) of this engine: a UUID-derived UID under 2.25.
	 */
	public static final String IMPLEMENTATION_CLASS_UID = "2.25.233527768643185985181591970881538371871";

	/** Implementation Version Name (0002,0013) of this engine, at most 16 characters. */
	public static final String IMPLEMENTATION_VERSION_NAME = "DICOMSCU_010";

	static final int TAG_GROUP_LENGTH = 0x00020000;

	static final int TAG_TRANSFER_SYNTAX_UID = 0x00020010;

	private static final int TAG_VERSION = 0x00020001;

	static final int TAG_MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;

	static final int TAG_MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;

	private static final int TAG_IMPLEMENTATION_CLASS_UID = 0x00020012;

	private static final int TAG_IMPLEMENTATION_VERSION_NAME = 0x00020013;

	private static final int SOP_CLASS_UID = 0x00080016;

	private static final int SOP_INSTANCE_UID = 0x00080018;

	private static final byte[] VERSION_00_01 = { 0x00, 0x01 };

	private FileMetaInformation() {
	}

	/**
	 * Create the File Meta Information for a data set; see
	 * {@link #create(DataSet, DataSet, String)}.
	 * @param dataSet the data set the file will hold
	 * @param transferSyntaxUid the transfer syntax of the data set in the file
	 * @return the file meta information
	 */
	public static DataSet create(DataSet dataSet, String transferSyntaxUid) {
		return create(null, dataSet, transferSyntaxUid);
	}

	/**
	 * Create the File Meta Information for a data set. Elements of {@code base} (for
	 * example Source Application Entity Title) are kept; the version, Transfer Syntax UID
	 * and this implementation's identification replace whatever {@code base} has; Media
	 * Storage SOP Class and Instance UID come from the data set's SOP Class and Instance
	 * UID, or from {@code base} if the data set has none.
	 * @param base file meta elements to keep, or {@code null}
	 * @param dataSet the data set the file will hold
	 * @param transferSyntaxUid the transfer syntax of the data set in the file
	 * @return the file meta information
	 * @throws IllegalArgumentException if neither the data set nor {@code base} gives the
	 * SOP Class or Instance UID
	 */
	public static DataSet create(DataSet base, DataSet dataSet, String transferSyntaxUid) {
		DataSet meta = new DataSet();
		if (base != null) {
			for (Attribute attribute : base.attributes()) {
				if (Tag.group(attribute.tag()) == 0x0002 && attribute.tag() != TAG_GROUP_LENGTH) {
					meta.set(attribute);
				}
			}
		}
		meta.setBytes(TAG_VERSION, VR.OB, VERSION_00_01);
		meta.setString(TAG_MEDIA_STORAGE_SOP_CLASS_UID, VR.UI,
				uid(dataSet, SOP_CLASS_UID, meta, TAG_MEDIA_STORAGE_SOP_CLASS_UID, "SOP Class UID"));
		meta.setString(TAG_MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI,
				uid(dataSet, SOP_INSTANCE_UID, meta, TAG_MEDIA_STORAGE_SOP_INSTANCE_UID, "SOP Instance UID"));
		meta.setString(TAG_TRANSFER_SYNTAX_UID, VR.UI, transferSyntaxUid);
		meta.setString(TAG_IMPLEMENTATION_CLASS_UID, VR.UI, IMPLEMENTATION_CLASS_UID);
		meta.setString(TAG_IMPLEMENTATION_VERSION_NAME, VR.SH, IMPLEMENTATION_VERSION_NAME);
		return meta;
	}

	private static String uid(DataSet dataSet, int tag, DataSet meta, int metaTag, String name) {
		String uid = dataSet.getString(tag);
		if (uid == null || uid.isEmpty()) {
			uid = meta.getString(metaTag);
		}
		if (uid == null || uid.isEmpty()) {
			throw new IllegalArgumentException("The data set has no " + name + " " + Tag.toString(tag)
					+ " and the file meta information gives none for " + Tag.toString(metaTag));
		}
		return uid;
	}

	/**
	 * Write the group: File Meta Information Group Length (0002,0000) computed from the
	 * other elements, then the elements of group 0002 in Explicit VR Little Endian.
	 * @param meta the file meta information
	 * @param out the stream
	 * @throws IOException if writing fails
	 */
	static void write(DataSet meta, OutputStream out) throws IOException {
		byte[] elements = DataSetWriter.forFileMeta().toByteArray(meta);
		int length = elements.length;
		out.write(new byte[] { 0x02, 0x00, 0x00, 0x00, 'U', 'L', 0x04, 0x00, (byte) length, (byte) (length >> 8),
				(byte) (length >> 16), (byte) (length >> 24) });
		out.write(elements);
	}

}
