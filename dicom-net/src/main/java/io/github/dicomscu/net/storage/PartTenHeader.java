package io.github.dicomscu.net.storage;

import java.io.ByteArrayOutputStream;

import io.github.dicomscu.data.Attribute;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.FileMetaInformation;
import io.github.dicomscu.data.Tag;
import io.github.dicomscu.data.VR;

/**
 * The bytes that start a Part 10 file whose data set arrives later (PS3.10 section 7.1): the
 * 128-byte preamble, {@code "DICM"}, and File Meta Information in Explicit VR Little Endian
 * with its group length, built by {@link FileMetaInformation#create(DataSet, DataSet, String)}.
 */
final class PartTenHeader {

	private static final int PREAMBLE_LENGTH = 128;

	private static final byte[] PREFIX = { 'D', 'I', 'C', 'M' };

	private static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;

	private static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;

	private static final int SOURCE_APPLICATION_ENTITY_TITLE = 0x00020016;

	private PartTenHeader() {
	}

	/**
	 * Encode the start of a file.
	 * @param sopClassUid the Media Storage SOP Class UID
	 * @param sopInstanceUid the Media Storage SOP Instance UID
	 * @param transferSyntaxUid the transfer syntax of the data set that follows
	 * @param sourceAeTitle the AE title the instance came from, or {@code null}
	 * @return the preamble, prefix and File Meta Information
	 * @throws IllegalArgumentException if a UID or the AE title is not valid
	 */
	static byte[] encode(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, String sourceAeTitle) {
		DataSet base = new DataSet().setString(MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, sopClassUid)
			.setString(MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
		if (sourceAeTitle != null && !sourceAeTitle.isEmpty()) {
			base.setString(SOURCE_APPLICATION_ENTITY_TITLE, VR.AE, sourceAeTitle);
		}
		DataSet meta = FileMetaInformation.create(base, new DataSet(), transferSyntaxUid);
		ByteArrayOutputStream elements = new ByteArrayOutputStream(256);
		for (Attribute attribute : meta.attributes()) {
			writeElement(elements, attribute.tag(), attribute.vr(), attribute.bytes());
		}
		ByteArrayOutputStream header = new ByteArrayOutputStream(PREAMBLE_LENGTH + 256);
		header.writeBytes(new byte[PREAMBLE_LENGTH]);
		header.writeBytes(PREFIX);
		writeElement(header, 0x00020000, VR.UL, littleEndian(elements.size(), 4));
		header.writeBytes(elements.toByteArray());
		return header.toByteArray();
	}

	private static void writeElement(ByteArrayOutputStream out, int tag, VR vr, byte[] value) {
		out.writeBytes(littleEndian(Tag.group(tag), 2));
		out.writeBytes(littleEndian(Tag.element(tag), 2));
		out.write(vr.code() >> 8);
		out.write(vr.code() & 0xFF);
		if (vr.explicitHeaderLength() == 12) {
			out.writeBytes(new byte[2]);
			out.writeBytes(littleEndian(value.length, 4));
		}
		else {
			out.writeBytes(littleEndian(value.length, 2));
		}
		out.writeBytes(value);
	}

	private static byte[] littleEndian(long value, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (value >>> (8 * i));
		}
		return bytes;
	}

}
