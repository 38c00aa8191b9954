package io.github.dicomscu.data;

import java.util.List;

import static io.github.dicomscu.data.ByteFixture.bytes;

/**
 * One small data set and its hand-written encodings in the four uncompressed transfer
 * syntaxes, with sequences and items of undefined length (as {@link DataSetWriter} writes
 * them). Values: ISO_IR 100 text, UIDs, a nested sequence, PN, FD, UL, AT, US, DS and OW
 * pixel data, so that every kind of byte swapping shows in the big endian form.
 */
final class SampleDataSets {

	static final byte[] EXPLICIT_LITTLE_ENDIAN = bytes("08 00 05 00", "'CS", "0A 00", "'ISO_IR 100", "08 00 16 00",
			"'UI", "1A 00", "'1.2.840.10008.5.1.4.1.1.7", "00", "08 00 18 00", "'UI", "0A 00", "'1.2.3.4.5", "00",
			"08 00 40 11", "'SQ", "00 00 FF FF FF FF", "  FE FF 00 E0 FF FF FF FF", "    08 00 50 11", "'UI", "06 00",
			"'1.2.3", "00", "    08 00 55 11", "'UI", "08 00", "'1.2.3.4", "00", "  FE FF 0D E0 00 00 00 00",
			"FE FF DD E0 00 00 00 00", "10 00 10 00", "'PN", "0C 00", "'M", "FC", "'ller^Hans ", "18 00 87 90", "'FD",
			"08 00", "00 00 00 00 00 40 8F 40", "20 00 57 90", "'UL", "04 00", "02 01 00 00", "20 00 65 91", "'AT",
			"04 00", "20 00 32 00", "28 00 10 00", "'US", "02 00", "00 02", "28 00 30 00", "'DS", "08 00", "'0.5\\0.25",
			"E0 7F 10 00", "'OW", "00 00 04 00 00 00", "01 02 03 04");

	static final byte[] IMPLICIT_LITTLE_ENDIAN = bytes("08 00 05 00 0A 00 00 00", "'ISO_IR 100",
			"08 00 16 00 1A 00 00 00", "'1.2.840.10008.5.1.4.1.1.7", "00", "08 00 18 00 0A 00 00 00", "'1.2.3.4.5",
			"00", "08 00 40 11 FF FF FF FF", "  FE FF 00 E0 FF FF FF FF", "    08 00 50 11 06 00 00 00", "'1.2.3", "00",
			"    08 00 55 11 08 00 00 00", "'1.2.3.4", "00", "  FE FF 0D E0 00 00 00 00", "FE FF DD E0 00 00 00 00",
			"10 00 10 00 0C 00 00 00", "'M", "FC", "'ller^Hans ", "18 00 87 90 08 00 00 00", "00 00 00 00 00 40 8F 40",
			"20 00 57 90 04 00 00 00", "02 01 00 00", "20 00 65 91 04 00 00 00", "20 00 32 00",
			"28 00 10 00 02 00 00 00", "00 02", "28 00 30 00 08 00 00 00", "'0.5\\0.25", "E0 7F 10 00 04 00 00 00",
			"01 02 03 04");

	static final byte[] EXPLICIT_BIG_ENDIAN = bytes("00 08 00 05", "'CS", "00 0A", "'ISO_IR 100", "00 08 00 16", "'UI",
			"00 1A", "'1.2.840.10008.5.1.4.1.1.7", "00", "00 08 00 18", "'UI", "00 0A", "'1.2.3.4.5", "00",
			"00 08 11 40", "'SQ", "00 00 FF FF FF FF", "  FF FE E0 00 FF FF FF FF", "    00 08 11 50", "'UI", "00 06",
			"'1.2.3", "00", "    00 08 11 55", "'UI", "00 08", "'1.2.3.4", "00", "  FF FE E0 0D 00 00 00 00",
			"FF FE E0 DD 00 00 00 00", "00 10 00 10", "'PN", "00 0C", "'M", "FC", "'ller^Hans ", "00 18 90 87", "'FD",
			"00 08", "40 8F 40 00 00 00 00 00", "00 20 90 57", "'UL", "00 04", "00 00 01 02", "00 20 91 65", "'AT",
			"00 04", "00 20 00 32", "00 28 00 10", "'US", "00 02", "02 00", "00 28 00 30", "'DS", "00 08", "'0.5\\0.25",
			"7F E0 00 10", "'OW", "00 00 00 00 00 04", "02 01 04 03");

	/**
	 * The same data set, explicit VR little endian, with the sequence and item of defined
	 * length.
	 */
	static final byte[] EXPLICIT_LITTLE_ENDIAN_DEFINED_LENGTHS = bytes("08 00 05 00", "'CS", "0A 00", "'ISO_IR 100",
			"08 00 16 00", "'UI", "1A 00", "'1.2.840.10008.5.1.4.1.1.7", "00", "08 00 18 00", "'UI", "0A 00",
			"'1.2.3.4.5", "00", "08 00 40 11", "'SQ", "00 00 26 00 00 00", "  FE FF 00 E0 1E 00 00 00",
			"    08 00 50 11", "'UI", "06 00", "'1.2.3", "00", "    08 00 55 11", "'UI", "08 00", "'1.2.3.4", "00",
			"10 00 10 00", "'PN", "0C 00", "'M", "FC", "'ller^Hans ", "18 00 87 90", "'FD", "08 00",
			"00 00 00 00 00 40 8F 40", "20 00 57 90", "'UL", "04 00", "02 01 00 00", "20 00 65 91", "'AT", "04 00",
			"20 00 32 00", "28 00 10 00", "'US", "02 00", "00 02", "28 00 30 00", "'DS", "08 00", "'0.5\\0.25",
			"E0 7F 10 00", "'OW", "00 00 04 00 00 00", "01 02 03 04");

	/**
	 * The same data set, implicit VR little endian, with the sequence and item of defined
	 * length.
	 */
	static final byte[] IMPLICIT_LITTLE_ENDIAN_DEFINED_LENGTHS = bytes("08 00 05 00 0A 00 00 00", "'ISO_IR 100",
			"08 00 16 00 1A 00 00 00", "'1.2.840.10008.5.1.4.1.1.7", "00", "08 00 18 00 0A 00 00 00", "'1.2.3.4.5",
			"00", "08 00 40 11 26 00 00 00", "  FE FF 00 E0 1E 00 00 00", "    08 00 50 11 06 00 00 00", "'1.2.3", "00",
			"    08 00 55 11 08 00 00 00", "'1.2.3.4", "00", "10 00 10 00 0C 00 00 00", "'M", "FC", "'ller^Hans ",
			"18 00 87 90 08 00 00 00", "00 00 00 00 00 40 8F 40", "20 00 57 90 04 00 00 00", "02 01 00 00",
			"20 00 65 91 04 00 00 00", "20 00 32 00", "28 00 10 00 02 00 00 00", "00 02", "28 00 30 00 08 00 00 00",
			"'0.5\\0.25", "E0 7F 10 00 04 00 00 00", "01 02 03 04");

	private SampleDataSets() {
	}

	/**
	 * Return the data set all the fixtures encode, built with the setters.
	 */
	static DataSet sample() {
		DataSet dataSet = new DataSet();
		dataSet.setString("SpecificCharacterSet", "ISO_IR 100");
		dataSet.setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7");
		dataSet.setString("SOPInstanceUID", "1.2.3.4.5");
		DataSet item = new DataSet().setString("ReferencedSOPClassUID", "1.2.3")
			.setString("ReferencedSOPInstanceUID", "1.2.3.4");
		dataSet.setSequence("ReferencedImageSequence", List.of(item));
		dataSet.setString("PatientName", "Müller^Hans");
		dataSet.setDouble("DiffusionBValue", 1000.0);
		dataSet.setInt("InStackPositionNumber", 258);
		dataSet.setInt("DimensionIndexPointer", 0x00200032);
		dataSet.setInt("Rows", 512);
		dataSet.setString("PixelSpacing", "0.5", "0.25");
		dataSet.setBytes(0x7FE00010, VR.OW, new byte[] { 1, 2, 3, 4 });
		return dataSet;
	}

}
