package io.github.dicomscu.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.dicomscu.data.ByteFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DataSetWriter}: byte-exact output, byte swapping and round trips.
 */
class DataSetWriterTests {

	private static final int PIXEL_DATA = 0x7FE00010;

	private static final TransferSyntax JPEG_BASELINE = TransferSyntax.of("JPEGBaseline8Bit");

	@TempDir
	Path temp;

	@Test
	void writesExplicitVrLittleEndian() {
		assertThat(write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, SampleDataSets.sample()))
			.isEqualTo(SampleDataSets.EXPLICIT_LITTLE_ENDIAN);
	}

	@Test
	void writesImplicitVrLittleEndian() {
		assertThat(write(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, SampleDataSets.sample()))
			.isEqualTo(SampleDataSets.IMPLICIT_LITTLE_ENDIAN);
	}

	@Test
	void writesExplicitVrBigEndian() {
		assertThat(write(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, SampleDataSets.sample()))
			.isEqualTo(SampleDataSets.EXPLICIT_BIG_ENDIAN);
	}

	@Test
	void writesRawDeflateOfExplicitVrLittleEndian() throws DataFormatException {
		DataSet dataSet = SampleDataSets.sample();
		dataSet.setString("ImageComments", "x".repeat(4000));
		byte[] deflated = write(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, dataSet);
		byte[] plain = write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, dataSet);
		assertThat(deflated.length).isLessThan(plain.length / 4);
		assertInflatesTo(deflated, plain);
	}

	@Test
	void padsAnOddLengthDeflatedBitstreamWithATrailingNull() throws DataFormatException {
		DataSet dataSet = oddWhenDeflated();
		byte[] plain = write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, dataSet);
		byte[] deflated = write(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, dataSet);
		assertThat(deflated).hasSize(deflatedLength(plain) + 1);
		assertThat(deflated.length % 2).isZero();
		assertThat(deflated[deflated.length - 1]).isZero();
		assertInflatesTo(deflated, plain);
	}

	private static void assertInflatesTo(byte[] deflated, byte[] plain) throws DataFormatException {
		Inflater inflater = new Inflater(true);
		inflater.setInput(deflated);
		byte[] inflated = new byte[plain.length + 16];
		int length = inflater.inflate(inflated);
		assertThat(inflater.finished()).isTrue();
		inflater.end();
		assertThat(Arrays.copyOf(inflated, length)).isEqualTo(plain);
	}

	/**
	 * Return a data set whose Deflated Explicit VR Little Endian bitstream has an odd
	 * length before padding.
	 */
	static DataSet oddWhenDeflated() {
		for (int count = 1;; count++) {
			DataSet dataSet = new DataSet().setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7")
				.setString("SOPInstanceUID", "1.2.3.4.5")
				.setString("ImageComments", "DEFLATE ".repeat(count));
			if (deflatedLength(write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, dataSet)) % 2 == 1) {
				return dataSet;
			}
		}
	}

	private static int deflatedLength(byte[] plain) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		deflater.setInput(plain);
		deflater.finish();
		byte[] buffer = new byte[plain.length + 64];
		int length = 0;
		while (!deflater.finished()) {
			length += deflater.deflate(buffer, length, buffer.length - length);
		}
		deflater.end();
		return length;
	}

	@Test
	void swapsEachMultiByteVrByItsUnitForBigEndian() {
		byte[] eight = { 1, 2, 3, 4, 5, 6, 7, 8 };
		DataSet dataSet = new DataSet();
		VR[] vrs = { VR.OW, VR.US, VR.SS, VR.AT, VR.UL, VR.SL, VR.FL, VR.OF, VR.OL, VR.FD, VR.OD, VR.OV, VR.SV, VR.UV,
				VR.OB, VR.UN };
		for (int i = 0; i < vrs.length; i++) {
			dataSet.setBytes(Tag.of(0x0009, 0x1001 + i), vrs[i], eight);
		}
		byte[] expected = bytes("00 09 10 01", "'OW", "00 00 00 00 00 08", "02 01 04 03 06 05 08 07", "00 09 10 02",
				"'US", "00 08", "02 01 04 03 06 05 08 07", "00 09 10 03", "'SS", "00 08", "02 01 04 03 06 05 08 07",
				"00 09 10 04", "'AT", "00 08", "02 01 04 03 06 05 08 07", "00 09 10 05", "'UL", "00 08",
				"04 03 02 01 08 07 06 05", "00 09 10 06", "'SL", "00 08", "04 03 02 01 08 07 06 05", "00 09 10 07",
				"'FL", "00 08", "04 03 02 01 08 07 06 05", "00 09 10 08", "'OF", "00 00 00 00 00 08",
				"04 03 02 01 08 07 06 05", "00 09 10 09", "'OL", "00 00 00 00 00 08", "04 03 02 01 08 07 06 05",
				"00 09 10 0A", "'FD", "00 08", "08 07 06 05 04 03 02 01", "00 09 10 0B", "'OD", "00 00 00 00 00 08",
				"08 07 06 05 04 03 02 01", "00 09 10 0C", "'OV", "00 00 00 00 00 08", "08 07 06 05 04 03 02 01",
				"00 09 10 0D", "'SV", "00 00 00 00 00 08", "08 07 06 05 04 03 02 01", "00 09 10 0E", "'UV",
				"00 00 00 00 00 08", "08 07 06 05 04 03 02 01", "00 09 10 0F", "'OB", "00 00 00 00 00 08",
				"01 02 03 04 05 06 07 08", "00 09 10 10", "'UN", "00 00 00 00 00 08", "01 02 03 04 05 06 07 08");
		byte[] bigEndian = write(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, dataSet);
		assertThat(bigEndian).isEqualTo(expected);
		assertThat(dataSet.getBytes(0x00091001)).as("the caller's array is left alone").isEqualTo(eight);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ImplicitVRLittleEndian", "ExplicitVRLittleEndian", "ExplicitVRBigEndian",
			"DeflatedExplicitVRLittleEndian" })
	void roundTripsInEachUncompressedTransferSyntax(String keyword) throws IOException {
		TransferSyntax transferSyntax = TransferSyntax.of(keyword);
		DataSet dataSet = richDataSet();
		byte[] pixels = new byte[100_002];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (byte) (i * 7);
		}
		dataSet.setBytes(PIXEL_DATA, VR.OW, pixels);
		DataSet read = new DataSetReader(transferSyntax).read(write(transferSyntax, dataSet));
		assertThat(read).isEqualTo(dataSet);
		assertThat(read.getBytes(PIXEL_DATA)).isEqualTo(pixels);
	}

	@Test
	void passesEncapsulatedPixelDataThroughUntouched() throws IOException {
		Fragments fragments = new Fragments(bytes("00 00 00 00 0A 00 00 00"))
			.add(bytes("FF D8 01 02 03 04 05 06 FF D9"))
			.add(bytes("FF D8 FF D9"));
		DataSet dataSet = richDataSet().setFragments(PIXEL_DATA, fragments);
		byte[] encoded = write(JPEG_BASELINE, dataSet);
		byte[] expectedTail = bytes("E0 7F 10 00", "'OB", "00 00 FF FF FF FF", "FE FF 00 E0 08 00 00 00",
				"00 00 00 00 0A 00 00 00", "FE FF 00 E0 0A 00 00 00", "FF D8 01 02 03 04 05 06 FF D9",
				"FE FF 00 E0 04 00 00 00", "FF D8 FF D9", "FE FF DD E0 00 00 00 00");
		assertThat(Arrays.copyOfRange(encoded, encoded.length - expectedTail.length, encoded.length))
			.isEqualTo(expectedTail);
		DataSet read = new DataSetReader(JPEG_BASELINE).read(encoded);
		assertThat(read).isEqualTo(dataSet);
		assertThat(read.getFragments(PIXEL_DATA)).isEqualTo(fragments);
	}

	@Test
	void padsOddFragmentsToEvenLength() {
		DataSet dataSet = new DataSet().setFragments(PIXEL_DATA, new Fragments(null).add(bytes("01 02 03")));
		assertThat(write(JPEG_BASELINE, dataSet)).isEqualTo(bytes("E0 7F 10 00", "'OB", "00 00 FF FF FF FF",
				"FE FF 00 E0 00 00 00 00", "FE FF 00 E0 04 00 00 00 01 02 03 00", "FE FF DD E0 00 00 00 00"));
	}

	@Test
	void rejectsEncapsulatedPixelDataInANativeTransferSyntax() {
		DataSet dataSet = new DataSet().setFragments(PIXEL_DATA, new Fragments(null).add(new byte[2]));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DataSetWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toByteArray(dataSet))
			.withMessageContaining(
					"Encapsulated pixel data of (7FE0,0010) cannot be written in Explicit VR Little Endian");
	}

	@Test
	void rejectsNativePixelDataInAnEncapsulatedTransferSyntax() {
		DataSet dataSet = new DataSet().setBytes(PIXEL_DATA, VR.OW, new byte[2]);
		assertThatIllegalArgumentException().isThrownBy(() -> new DataSetWriter(JPEG_BASELINE).toByteArray(dataSet))
			.withMessageStartingWith("Native Pixel Data cannot be written in JPEG Baseline");
	}

	@Test
	void rejectsAValueTooLongForAShortLengthField() {
		DataSet dataSet = new DataSet().setBytes(0x00281101, VR.US, new byte[70_000]);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DataSetWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toByteArray(dataSet))
			.withMessage("Value of (0028,1101) is 70000 bytes, too long for VR US (at most 65535)");
		assertThat(new DataSetWriter(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).toByteArray(dataSet)).hasSize(70_008);
	}

	@Test
	void skipsGroupLengthsAndFileMetaElements() {
		DataSet dataSet = new DataSet().setInt(0x00080000, VR.UL, 10)
			.setString(0x00020010, VR.UI, "1.2.840.10008.1.2")
			.setString("Modality", "CT");
		assertThat(write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, dataSet))
			.isEqualTo(bytes("08 00 60 00", "'CS", "02 00", "'CT"));
	}

	@Test
	void streamsBulkDataSwappingItToTheTargetByteOrder() throws IOException {
		Path file = this.temp.resolve("words.raw");
		Files.write(file, bytes("AA BB 01 02 03 04 05 06 CC"));
		DataSet littleEndian = new DataSet().setBulkData(PIXEL_DATA, VR.OW,
				new BulkDataReference(file, 2, 6, ByteOrder.LITTLE_ENDIAN));
		assertThat(write(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, littleEndian))
			.isEqualTo(bytes("7F E0 00 10", "'OW", "00 00 00 00 00 06", "02 01 04 03 06 05"));
		assertThat(write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, littleEndian))
			.isEqualTo(bytes("E0 7F 10 00", "'OW", "00 00 06 00 00 00", "01 02 03 04 05 06"));
		DataSet bigEndian = new DataSet().setBulkData(PIXEL_DATA, VR.OW,
				new BulkDataReference(file, 2, 6, ByteOrder.BIG_ENDIAN));
		assertThat(write(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, bigEndian))
			.isEqualTo(bytes("E0 7F 10 00 06 00 00 00", "02 01 04 03 06 05"));
		DataSet odd = new DataSet().setBulkData(PIXEL_DATA, VR.OB,
				new BulkDataReference(file, 2, 3, ByteOrder.LITTLE_ENDIAN));
		assertThat(write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, odd))
			.isEqualTo(bytes("E0 7F 10 00", "'OB", "00 00 04 00 00 00", "01 02 03 00"));
	}

	@Test
	void failsWhenABulkDataFileIsShorterThanItsReference() throws IOException {
		Path file = this.temp.resolve("short.raw");
		Files.write(file, new byte[10]);
		DataSet dataSet = new DataSet().setBulkData(PIXEL_DATA, VR.OB,
				new BulkDataReference(file, 4, 100, ByteOrder.LITTLE_ENDIAN));
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> new DataSetWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(dataSet,
					new ByteArrayOutputStream()))
			.withMessage("Bulk data of (7FE0,0010) in " + file + " ends at byte 10, expected 104");
	}

	/**
	 * The sample data set plus empty values, an empty sequence, an empty item and three
	 * levels of nesting.
	 */
	static DataSet richDataSet() {
		DataSet dataSet = SampleDataSets.sample();
		dataSet.setString("AccessionNumber");
		dataSet.setString("ImageComments", "Leading spaces kept, trailing dropped");
		dataSet.setSequence("ReferencedStudySequence", List.of());
		DataSet code = new DataSet().setString("CodeValue", "121311")
			.setString("CodingSchemeDesignator", "DCM")
			.setString("CodeMeaning", "Localizer");
		DataSet content = new DataSet().setString("RelationshipType", "CONTAINS")
			.setSequence("ConceptNameCodeSequence", List.of(code));
		List<DataSet> items = new ArrayList<>();
		items.add(content);
		items.add(new DataSet());
		dataSet.setSequence("ContentSequence", items);
		dataSet.setInt("ReferencedFrameNumber", 1, 2, 3);
		dataSet.setDouble("ImagePositionPatient", -100.5, 0.1, 1.0 / 3);
		dataSet.setInt("LargestImagePixelValue", 4095);
		dataSet.setDouble("RescaleSlope", 1.0);
		dataSet.setDouble("ImageOrientationPatient", 1, 0, 0, 0, 1, 0);
		dataSet.setDouble(0x00189089, VR.FD, 0.0, 0.5, -1.0);
		dataSet.setInt(0x00189219, VR.SS, -3);
		return dataSet;
	}

	private static byte[] write(TransferSyntax transferSyntax, DataSet dataSet) {
		return new DataSetWriter(transferSyntax).toByteArray(dataSet);
	}

}
