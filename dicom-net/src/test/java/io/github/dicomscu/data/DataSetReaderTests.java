package io.github.dicomscu.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.dicomscu.data.ByteFixture.bytes;
import static io.github.dicomscu.data.ByteFixture.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DataSetReader} on hand-written byte fixtures.
 */
class DataSetReaderTests {

	private static final TransferSyntax JPEG_BASELINE = TransferSyntax.of("1.2.840.10008.1.2.4.50");

	@Test
	void readsExplicitVrLittleEndian() throws IOException {
		assertThat(read(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, SampleDataSets.EXPLICIT_LITTLE_ENDIAN))
			.isEqualTo(SampleDataSets.sample());
	}

	@Test
	void readsImplicitVrLittleEndianWithVrsFromTheDictionary() throws IOException {
		assertThat(read(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, SampleDataSets.IMPLICIT_LITTLE_ENDIAN))
			.isEqualTo(SampleDataSets.sample());
	}

	@Test
	void readsExplicitVrBigEndianIntoLittleEndianValues() throws IOException {
		DataSet dataSet = read(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, SampleDataSets.EXPLICIT_BIG_ENDIAN);
		assertThat(dataSet).isEqualTo(SampleDataSets.sample());
		assertThat(dataSet.getBytes(0x7FE00010)).containsExactly(1, 2, 3, 4);
	}

	@Test
	void readsDeflatedExplicitVrLittleEndian() throws IOException {
		byte[] deflated = ByteFixture.storedDeflateBlock(SampleDataSets.EXPLICIT_LITTLE_ENDIAN);
		assertThat(read(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, deflated))
			.isEqualTo(SampleDataSets.sample());
	}

	@Test
	void readsSequencesAndItemsOfDefinedLength() throws IOException {
		byte[] explicit = SampleDataSets.EXPLICIT_LITTLE_ENDIAN_DEFINED_LENGTHS;
		byte[] implicit = SampleDataSets.IMPLICIT_LITTLE_ENDIAN_DEFINED_LENGTHS;
		assertThat(read(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, explicit)).isEqualTo(SampleDataSets.sample());
		assertThat(read(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, implicit)).isEqualTo(SampleDataSets.sample());
	}

	@Test
	void readsFromAStreamOfUnknownLength() throws IOException {
		DataSet dataSet = new DataSetReader(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)
			.read(new ByteArrayInputStream(SampleDataSets.EXPLICIT_BIG_ENDIAN));
		assertThat(dataSet).isEqualTo(SampleDataSets.sample());
	}

	@Test
	void typedGettersDecodeWhatWasRead() throws IOException {
		DataSet dataSet = read(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, SampleDataSets.EXPLICIT_BIG_ENDIAN);
		assertThat(dataSet.getString("PatientName")).isEqualTo("Müller^Hans");
		assertThat(dataSet.getString("SOPClassUID")).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
		assertThat(dataSet.getDoubles("PixelSpacing")).containsExactly(0.5, 0.25);
		assertThat(dataSet.getInt("Rows", 0)).isEqualTo(512);
		assertThat(dataSet.getLong("InStackPositionNumber", 0)).isEqualTo(258);
		assertThat(dataSet.getInt("DimensionIndexPointer", 0)).isEqualTo(0x00200032);
		assertThat(dataSet.getString("DimensionIndexPointer")).isEqualTo("(0020,0032)");
		assertThat(dataSet.getDouble("DiffusionBValue", 0)).isEqualTo(1000.0);
		assertThat(dataSet.getInts(0x7FE00010)).containsExactly(0x0201, 0x0403);
		List<DataSet> items = dataSet.getSequence("ReferencedImageSequence");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).getString("ReferencedSOPInstanceUID")).isEqualTo("1.2.3.4");
	}

	@Test
	void readsUndefinedLengthUnAsAnImplicitVrLittleEndianSequence() throws IOException {
		byte[] explicitBigEndian = bytes("00 09 00 10", "'LO", "00 04", "'ACME", "00 09 10 01", "'UN",
				"00 00 FF FF FF FF", "  FE FF 00 E0 FF FF FF FF", "    08 00 00 01 04 00 00 00", "'ABC ",
				"  FE FF 0D E0 00 00 00 00", "FE FF DD E0 00 00 00 00", "00 10 00 20", "'LO", "00 02", "'42");
		DataSet dataSet = read(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, explicitBigEndian);
		assertThat(dataSet.get(0x00091001).vr()).isEqualTo(VR.SQ);
		assertThat(dataSet.getSequence(0x00091001).get(0).getString("CodeValue")).isEqualTo("ABC");
		assertThat(dataSet.getString(0x00090010)).isEqualTo("ACME");
		assertThat(dataSet.getString("PatientID")).isEqualTo("42");
	}

	@Test
	void implicitVrKeepsPrivateAndUnknownAttributes() throws IOException {
		byte[] implicit = bytes("04 00 99 99 02 00 00 00", "01 02", "09 00 10 00 04 00 00 00", "'ACME",
				"09 00 01 10 03 00 00 00", "'xyz");
		DataSet dataSet = read(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, implicit);
		assertThat(dataSet.get(0x00049999).vr()).isEqualTo(VR.UN);
		assertThat(dataSet.get(0x00090010).vr()).isEqualTo(VR.LO);
		assertThat(dataSet.get(0x00091001).vr()).isEqualTo(VR.UN);
		assertThat(dataSet.getBytes(0x00091001)).isEqualTo("xyz".getBytes());
		assertThat(dataSet.getString(0x00091001)).isEqualTo("xyz");
	}

	@Test
	void implicitUsOrSsFollowsPixelRepresentation() throws IOException {
		byte[] signed = bytes("28 00 03 01 02 00 00 00 01 00", "28 00 06 01 02 00 00 00 FF FF");
		byte[] unsigned = bytes("28 00 03 01 02 00 00 00 00 00", "28 00 06 01 02 00 00 00 FF FF");
		DataSet signedSet = read(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, signed);
		DataSet unsignedSet = read(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, unsigned);
		assertThat(signedSet.get("SmallestImagePixelValue").vr()).isEqualTo(VR.SS);
		assertThat(signedSet.getInt("SmallestImagePixelValue", 0)).isEqualTo(-1);
		assertThat(unsignedSet.get("SmallestImagePixelValue").vr()).isEqualTo(VR.US);
		assertThat(unsignedSet.getInt("SmallestImagePixelValue", 0)).isEqualTo(65535);
	}

	@Test
	void dropsGroupLengths() throws IOException {
		byte[] explicit = bytes("08 00 00 00", "'UL", "04 00 0A 00 00 00", "08 00 60 00", "'CS", "02 00", "'CT");
		DataSet dataSet = read(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, explicit);
		assertThat(dataSet.contains(0x00080000)).isFalse();
		assertThat(dataSet.getString("Modality")).isEqualTo("CT");
	}

	@Test
	void readsEncapsulatedPixelDataAsFragments() throws IOException {
		byte[] encapsulated = bytes("E0 7F 10 00", "'OB", "00 00 FF FF FF FF", "  FE FF 00 E0 04 00 00 00 00 00 00 00",
				"  FE FF 00 E0 06 00 00 00 FF D8 FF E0 00 10", "  FE FF 00 E0 04 00 00 00 AB CD FF D9",
				"FE FF DD E0 00 00 00 00");
		Fragments fragments = read(JPEG_BASELINE, encapsulated).getFragments(0x7FE00010);
		assertThat(fragments.basicOffsetTable()).containsExactly(0, 0, 0, 0);
		assertThat(fragments.size()).isEqualTo(2);
		assertThat(fragments.getBytes(0)).containsExactly(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10);
		assertThat(fragments.getBytes(1)).containsExactly(0xAB, 0xCD, 0xFF, 0xD9);
	}

	@Test
	void rejectsAnElementWhereAnItemIsExpected() {
		byte[] explicit = bytes("08 00 40 11", "'SQ", "00 00 FF FF FF FF", "08 00 16 00", "'UI", "02 00", "'1", "00");
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, explicit,
				"at byte 12: item tag (FFFE,E000) expected, found (0008,0016)");
	}

	@Test
	void rejectsAValueThatRunsPastTheEndOfTheData() throws IOException {
		byte[] truncated = concat(
				bytes("08 00 05 00", "'CS", "0A 00", "'ISO_IR 100", "E0 7F 10 00", "'OB", "00 00 A0 0F 00 00"),
				new byte[1200]);
		String message = "at byte 18: value length 4000 of (7FE0,0010) runs past the end of the data (1200 bytes left)";
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, truncated, message);
		assertThatExceptionOfType(DicomParseException.class)
			.isThrownBy(() -> new DataSetReader(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
				.read(new ByteArrayInputStream(truncated)))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.getOffset()).isEqualTo(18));
	}

	@Test
	void aForgedLengthOnAStreamDoesNotAllocateIt() {
		byte[] forged = concat(bytes("E0 7F 10 00", "'OB", "00 00 00 00 F0 7F"), new byte[100]);
		long before = allocatedBytes();
		assertThatExceptionOfType(DicomParseException.class)
			.isThrownBy(() -> new DataSetReader(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
				.read(new ByteArrayInputStream(forged)))
			.withMessage("at byte 0: value length 2146435072 of (7FE0,0010) runs past the end of the data "
					+ "(100 bytes left)");
		assertThat(allocatedBytes() - before).isLessThan(8L * 1024 * 1024);
	}

	@Test
	void rejectsAValueTooLargeForMemoryFromAStream() {
		byte[] huge = bytes("E0 7F 10 00", "'OB", "00 00 00 00 00 F0");
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(
				() -> new DataSetReader(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).read(new ByteArrayInputStream(huge)))
			.withMessageStartingWith(
					"at byte 0: value length 4026531840 of (7FE0,0010) is too large to hold in memory");
	}

	@Test
	void rejectsATruncatedHeader() {
		byte[] truncated = bytes("08 00 05 00", "'CS", "0A 00", "'ISO_IR 100", "10 00 10");
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, truncated,
				"at byte 18: data element header expected, found end of data (3 bytes left)");
	}

	@Test
	void rejectsAMissingSequenceDelimitation() {
		byte[] truncated = bytes("08 00 40 11", "'SQ", "00 00 FF FF FF FF", "FE FF 00 E0 00 00 00 00");
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, truncated,
				"at byte 20: item tag (FFFE,E000) or sequence delimitation (FFFE,E0DD) expected, found end of data");
	}

	@Test
	void rejectsAMissingItemDelimitation() {
		byte[] truncated = bytes("08 00 40 11 FF FF FF FF", "FE FF 00 E0 FF FF FF FF", "08 00 50 11 02 00 00 00", "'1",
				"00");
		assertParseError(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, truncated,
				"at byte 26: data element or item delimitation (FFFE,E00D) expected, found end of data");
	}

	@Test
	void rejectsAnItemLongerThanItsSequence() {
		byte[] explicit = bytes("08 00 40 11", "'SQ", "00 00 10 00 00 00", "FE FF 00 E0 64 00 00 00", "08 00 50 11",
				"'UI", "00 00");
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, explicit,
				"at byte 12: item length 100 runs past the end of the sequence (8 bytes left)");
	}

	@Test
	void rejectsAnElementLongerThanItsItem() {
		byte[] explicit = bytes("08 00 40 11", "'SQ", "00 00 14 00 00 00", "FE FF 00 E0 0C 00 00 00", "08 00 50 11",
				"'UI", "10 00", "'1.2.", "FE FF DD E0 00 00 00 00");
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, explicit,
				"at byte 20: value length 16 of (0008,1150) runs past the end of the item (4 bytes left)");
	}

	@Test
	void rejectsAnUnknownVr() {
		byte[] explicit = bytes("10 00 10 00", "'??", "02 00", "'AB");
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, explicit,
				"at byte 0: VR expected for (0010,0010), found bytes 0x3F 0x3F");
	}

	@Test
	void rejectsUndefinedLengthForAStringVr() {
		byte[] explicit = bytes("10 00 10 00", "'UT", "00 00 FF FF FF FF");
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, explicit,
				"at byte 0: defined length expected for (0010,0010) with VR UT "
						+ "(undefined length is only allowed for SQ, UN and Pixel Data)");
	}

	@Test
	void rejectsADelimitationOutsideAnItem() {
		byte[] explicit = bytes("FE FF 0D E0 00 00 00 00");
		assertParseError(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, explicit,
				"at byte 0: data element expected, found item delimitation (FFFE,E00D)");
	}

	@Test
	void rejectsEncapsulatedPixelDataWithoutItems() {
		byte[] encapsulated = bytes("E0 7F 10 00", "'OB", "00 00 FF FF FF FF", "08 00 16 00 00 00 00 00");
		assertParseError(JPEG_BASELINE, encapsulated,
				"at byte 12: item tag (FFFE,E000) of encapsulated pixel data expected, found (0008,0016)");
	}

	@Test
	void rejectsCorruptDeflatedData() {
		assertThatExceptionOfType(DicomParseException.class)
			.isThrownBy(() -> read(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, bytes("FF FF FF FF")))
			.withMessageStartingWith("at inflated byte 0: valid deflated data expected");
	}

	private static DataSet read(TransferSyntax transferSyntax, byte[] encoded) throws IOException {
		return new DataSetReader(transferSyntax).read(encoded);
	}

	private static void assertParseError(TransferSyntax transferSyntax, byte[] encoded, String message) {
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> read(transferSyntax, encoded))
			.withMessage(message);
	}

	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
			.getThreadAllocatedBytes(Thread.currentThread().getId());
	}

}
