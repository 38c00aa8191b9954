package io.github.dicomscu.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.dicomscu.data.ByteFixture.bytes;
import static io.github.dicomscu.data.ByteFixture.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests for {@link DicomFile} and {@link FileMetaInformation}.
 */
class DicomFileTests {

	private static final int PIXEL_DATA = 0x7FE00010;

	@TempDir
	Path temp;

	@Test
	void writesPreamblePrefixAndFileMetaInformation() throws IOException {
		Path file = this.temp.resolve("sample.dcm");
		DicomFile.write(file, SampleDataSets.sample(), "ExplicitVRLittleEndian");
		byte[] written = Files.readAllBytes(file);
		assertThat(Arrays.copyOf(written, 128)).containsOnly(0);
		assertThat(new String(written, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
		assertThat(Arrays.copyOfRange(written, 132, 140)).isEqualTo(bytes("02 00 00 00", "'UL", "04 00"));
		int groupLength = ByteBuffer.wrap(written, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		assertThat(Arrays.copyOfRange(written, 144, 158))
			.isEqualTo(bytes("02 00 01 00", "'OB", "00 00 02 00 00 00 00 01"));
		byte[] dataSet = Arrays.copyOfRange(written, 144 + groupLength, written.length);
		assertThat(dataSet).isEqualTo(SampleDataSets.EXPLICIT_LITTLE_ENDIAN);
		DataSet meta = DicomFile.read(file).fileMeta();
		assertThat(meta.getBytes("FileMetaInformationVersion")).containsExactly(0, 1);
		assertThat(meta.getString("MediaStorageSOPClassUID")).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
		assertThat(meta.getString("MediaStorageSOPInstanceUID")).isEqualTo("1.2.3.4.5");
		assertThat(meta.getString("TransferSyntaxUID")).isEqualTo("1.2.840.10008.1.2.1");
		assertThat(meta.getString("ImplementationClassUID")).isEqualTo(FileMetaInformation.IMPLEMENTATION_CLASS_UID)
			.isEqualTo("2.25.233527768643185985181591970881538371871");
		assertThat(meta.getString("ImplementationVersionName")).isEqualTo("DICOMSCU_010");
		assertThat(meta.contains("FileMetaInformationGroupLength")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ImplicitVRLittleEndian", "ExplicitVRLittleEndian", "ExplicitVRBigEndian",
			"DeflatedExplicitVRLittleEndian" })
	void roundTripsInEachTransferSyntax(String transferSyntax) throws IOException {
		Path file = this.temp.resolve(transferSyntax + ".dcm");
		DataSet dataSet = DataSetWriterTests.richDataSet();
		DicomFile.write(file, dataSet, transferSyntax);
		DicomFile read = DicomFile.read(file);
		assertThat(read.dataSet()).isEqualTo(dataSet);
		assertThat(read.transferSyntax()).isEqualTo(TransferSyntax.of(transferSyntax));
	}

	@Test
	void keepsElementsOfTheGivenFileMetaInformation() throws IOException {
		Path file = this.temp.resolve("meta.dcm");
		DataSet base = new DataSet().setString("SourceApplicationEntityTitle", "MODALITY")
			.setString("TransferSyntaxUID", "1.2.840.10008.1.2.2")
			.setString("ImplementationVersionName", "OTHER");
		DicomFile.write(file, base, SampleDataSets.sample(), "1.2.840.10008.1.2");
		DataSet meta = DicomFile.read(file).fileMeta();
		assertThat(meta.getString("SourceApplicationEntityTitle")).isEqualTo("MODALITY");
		assertThat(meta.getString("TransferSyntaxUID")).isEqualTo("1.2.840.10008.1.2");
		assertThat(meta.getString("ImplementationVersionName")).isEqualTo("DICOMSCU_010");
	}

	@Test
	void requiresSopClassAndInstanceUid() {
		DataSet dataSet = new DataSet().setString("SOPClassUID", "1.2.3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DicomFile.write(this.temp.resolve("x.dcm"), dataSet, "ExplicitVRLittleEndian"))
			.withMessage("The data set has no SOP Instance UID (0008,0018) and the file meta information gives "
					+ "none for (0002,0003)");
	}

	@Test
	void keepsLargeValuesInTheFileAndConvertsThemWhenWriting() throws IOException {
		Path bigEndian = this.temp.resolve("big.dcm");
		DicomFile.write(bigEndian, SampleDataSets.sample(), "ExplicitVRBigEndian");
		DicomFile read = DicomFile.read(bigEndian, 4);
		BulkDataReference pixels = read.dataSet().getBulkData(PIXEL_DATA);
		assertThat(pixels.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
		assertThat(pixels.length()).isEqualTo(4);
		byte[] written = Files.readAllBytes(bigEndian);
		assertThat(pixels.offset()).isEqualTo(written.length - 4);
		assertThat(Arrays.copyOfRange(written, written.length - 4, written.length)).containsExactly(2, 1, 4, 3);
		Path littleEndian = this.temp.resolve("little.dcm");
		DicomFile.write(littleEndian, read.dataSet(), "ExplicitVRLittleEndian");
		assertThat(DicomFile.read(littleEndian, Long.MAX_VALUE).dataSet()).isEqualTo(SampleDataSets.sample());
		assertThatIllegalArgumentException().isThrownBy(() -> read.write(bigEndian))
			.withMessageContaining("the data set refers to bulk data in that file");
	}

	@Test
	void readsAFileWithoutPreamble() throws IOException {
		Path file = this.temp.resolve("sample.dcm");
		DicomFile.write(file, SampleDataSets.sample(), "ExplicitVRBigEndian");
		byte[] written = Files.readAllBytes(file);
		Path bare = this.temp.resolve("bare.dcm");
		Files.write(bare, Arrays.copyOfRange(written, 132, written.length));
		assertThat(DicomFile.read(bare).dataSet()).isEqualTo(SampleDataSets.sample());
	}

	@Test
	void rejectsAFileWithoutPrefix() throws IOException {
		Path file = this.temp.resolve("sample.dcm");
		DicomFile.write(file, SampleDataSets.sample(), "ExplicitVRLittleEndian");
		byte[] written = Files.readAllBytes(file);
		written[128] = 'X';
		Files.write(file, written);
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.read(file))
			.withMessage("at byte 128: \"DICM\" prefix expected, found bytes 0x58 0x49 0x43 0x4D");
		Files.write(file, new byte[50]);
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.read(file))
			.withMessage("at byte 50: 128-byte preamble and \"DICM\" prefix expected, found end of data");
	}

	@Test
	void rejectsFileMetaInformationWithoutTransferSyntax() throws IOException {
		Path file = this.temp.resolve("meta.dcm");
		Files.write(file, concat(new byte[128], bytes("'DICM", "02 00 00 00", "'UL", "04 00 0A 00 00 00", "02 00 02 00",
				"'UI", "02 00", "'1", "00", "08 00 60 00", "'CS", "02 00", "'CT")));
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.read(file))
			.withMessage("at byte 132: Transfer Syntax UID (0002,0010) expected in the file meta information");
	}

	@Test
	void rejectsTruncatedFilesNamingTheOffset() throws IOException {
		Path file = this.temp.resolve("sample.dcm");
		DicomFile.write(file, SampleDataSets.sample(), "ExplicitVRLittleEndian");
		byte[] written = Files.readAllBytes(file);
		Path truncated = this.temp.resolve("truncated.dcm");
		Files.write(truncated, Arrays.copyOf(written, written.length - 2));
		int pixelHeader = written.length - 16;
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.read(truncated))
			.withMessage("at byte " + pixelHeader + ": value length 4 of (7FE0,0010) runs past the end of the data "
					+ "(2 bytes left)");
		Files.write(truncated, Arrays.copyOf(written, 150));
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.read(truncated))
			.withMessage("at byte 132: File Meta Information Group Length 166 runs past the end of the data "
					+ "(6 bytes left)");
	}

	@Test
	void everyTruncationOfAFileFailsCleanlyOrReadsAPrefix() throws IOException {
		Path file = this.temp.resolve("sample.dcm");
		DicomFile.write(file, SampleDataSets.sample(), "ExplicitVRBigEndian");
		byte[] written = Files.readAllBytes(file);
		Path truncated = this.temp.resolve("truncated.dcm");
		for (int length = 0; length < written.length; length++) {
			Files.write(truncated, Arrays.copyOf(written, length));
			try {
				DataSet read = DicomFile.read(truncated).dataSet();
				assertThat(SampleDataSets.sample().attributes()).containsAll(read.attributes());
			}
			catch (DicomParseException ex) {
				assertThat(ex.getMessage()).startsWith("at byte ");
			}
		}
	}

	@Test
	void corruptFileMetaInformationFailsWithAParseExceptionOnly() throws IOException {
		Path file = this.temp.resolve("sample.dcm");
		DicomFile.write(file, SampleDataSets.sample(), "DeflatedExplicitVRLittleEndian");
		byte[] written = Files.readAllBytes(file);
		Path corrupt = this.temp.resolve("corrupt.dcm");
		int metaEnd = 144 + ByteBuffer.wrap(written, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		for (int i = 128; i < metaEnd + 8; i++) {
			for (int value : new int[] { 0x00, 0xFF, 0x42 }) {
				byte[] bytes = written.clone();
				bytes[i] = (byte) value;
				Files.write(corrupt, bytes);
				try {
					DicomFile.read(corrupt);
				}
				catch (DicomParseException ex) {
					assertThat(ex.getMessage()).startsWith("at ");
				}
				catch (RuntimeException ex) {
					fail("Byte " + i + " set to " + value + " failed with " + ex, ex);
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ImplicitVRLittleEndian", "ExplicitVRLittleEndian", "ExplicitVRBigEndian",
			"DeflatedExplicitVRLittleEndian" })
	void corruptBytesFailWithAParseExceptionOnly(String keyword) {
		TransferSyntax transferSyntax = TransferSyntax.of(keyword);
		byte[] encoded = new DataSetWriter(transferSyntax).toByteArray(DataSetWriterTests.richDataSet());
		DataSetReader reader = new DataSetReader(transferSyntax);
		for (int i = 0; i < encoded.length; i++) {
			for (int value : new int[] { 0x00, 0xFF, 0x80 }) {
				byte[] corrupt = encoded.clone();
				corrupt[i] = (byte) value;
				try {
					reader.read(corrupt);
					reader.read(Arrays.copyOf(corrupt, i));
				}
				catch (DicomParseException ex) {
					assertThat(ex.getMessage()).startsWith("at ");
				}
				catch (RuntimeException ex) {
					fail("Byte " + i + " set to " + value + " in " + keyword + " failed with " + ex, ex);
				}
			}
		}
	}

}
