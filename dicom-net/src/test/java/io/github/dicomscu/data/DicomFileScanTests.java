package io.github.dicomscu.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.dicomscu.data.ByteFixture.bytes;
import static io.github.dicomscu.data.ByteFixture.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DicomFile#scan(Path)}, the check of a whole file without loading its
 * values, on crafted files.
 */
class DicomFileScanTests {

	private static final byte[] SERIES_DESCRIPTION = bytes("08 00 3E 10", "'LO", "04 00", "'HEAD");

	@TempDir
	Path temp;

	@Test
	void scansAWellFormedFileInEachUncompressedTransferSyntax() throws IOException {
		for (String transferSyntax : new String[] { "ExplicitVRLittleEndian", "ImplicitVRLittleEndian",
				"ExplicitVRBigEndian", "DeflatedExplicitVRLittleEndian" }) {
			Path file = this.temp.resolve(transferSyntax + ".dcm");
			DicomFile.write(file, SampleDataSets.sample(), transferSyntax);
			DicomFileHeader header = DicomFile.readHeader(file);
			assertThat(DicomFile.scan(file)).isEqualTo(new DicomFileHeader(header.fileMeta(), header.transferSyntax(),
					header.dataSetOffset(), header.sopClassUid(), header.sopInstanceUid()));
		}
	}

	@Test
	void readsTheDataSetsOwnUidsAtTopLevelOnly() throws IOException {
		DataSet dataSet = SampleDataSets.sample();
		DataSet item = new DataSet().setString("SOPInstanceUID", "9.9.9").setString("SOPClassUID", "9.9");
		dataSet.set(Attribute.ofSequence(TagDictionary.tagOf("ReferencedImageSequence"), List.of(item)));
		for (String transferSyntax : new String[] { "ImplicitVRLittleEndian", "ExplicitVRBigEndian",
				"DeflatedExplicitVRLittleEndian" }) {
			Path file = this.temp.resolve("nested-" + transferSyntax + ".dcm");
			DicomFile.write(file, dataSet, transferSyntax);
			DicomFileHeader header = DicomFile.scan(file);
			assertThat(header.dataSetSopClassUid()).isEqualTo(dataSet.getString("SOPClassUID"));
			assertThat(header.dataSetSopInstanceUid()).isEqualTo(dataSet.getString("SOPInstanceUID"));
		}
	}

	@Test
	void aDataSetWithoutUidsScansWithoutThem() throws IOException {
		DicomFileHeader header = DicomFile.scan(write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, SERIES_DESCRIPTION));
		assertThat(header.dataSetSopClassUid()).isNull();
		assertThat(header.dataSetSopInstanceUid()).isNull();
	}

	@Test
	void rejectsPixelDataLongerThanTheRestOfTheFile() throws IOException {
		byte[] pixelData = concat(bytes("E0 7F 10 00", "'OW", "00 00 E8 03 00 00"), new byte[990]);
		Path file = write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, concat(SERIES_DESCRIPTION, pixelData));
		long pixelDataOffset = Files.size(file) - pixelData.length;
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.scan(file))
			.withMessage("at byte " + pixelDataOffset
					+ ": value length 1000 of (7FE0,0010) runs past the end of the data (990 bytes left)")
			.satisfies((ex) -> assertThat(ex.getOffset()).isEqualTo(pixelDataOffset));
	}

	@Test
	void rejectsAnUndefinedLengthItemThatNeverCloses() throws IOException {
		byte[] sequence = bytes("08 00 15 11", "'SQ", "00 00 FF FF FF FF", "FE FF 00 E0 FF FF FF FF");
		Path file = write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, concat(sequence, SERIES_DESCRIPTION));
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.scan(file))
			.withMessage("at byte " + Files.size(file)
					+ ": data element or item delimitation (FFFE,E00D) expected, found end of data");
	}

	@Test
	void rejectsEncapsulatedPixelDataWithoutSequenceDelimitation() throws IOException {
		byte[] pixelData = bytes("E0 7F 10 00", "'OB", "00 00 FF FF FF FF", "FE FF 00 E0 00 00 00 00",
				"FE FF 00 E0 04 00 00 00", "01 02 03 04");
		Path file = write(TransferSyntax.of("1.2.840.10008.1.2.4.50"), concat(SERIES_DESCRIPTION, pixelData));
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.scan(file))
			.withMessageStartingWith("at byte " + Files.size(file) + ": item tag (FFFE,E000) or sequence "
					+ "delimitation (FFFE,E0DD) of encapsulated pixel data expected, found end of data");
	}

	@Test
	void rejectsSequencesNestedTooDeep() throws IOException {
		Path file = write(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, new byte[0]);
		long dataSetOffset = Files.size(file);
		Files.write(file, HostileDataSets.nestedSequences(1000), StandardOpenOption.APPEND);
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.scan(file))
			.satisfies((ex) -> assertThat(ex.getOffset())
				.isEqualTo(dataSetOffset + 64 * HostileDataSets.NESTING_LEVEL_LENGTH))
			.withMessageEndingWith("nests deeper than the limit of 64 levels");
	}

	@Test
	void rejectsADeflateBombWithoutHoldingIt() throws IOException {
		Path file = write(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
				HostileDataSets.deflateBomb(200 * 1024 * 1024));
		assertThat(Files.size(file)).isLessThan(250 * 1024);
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.scan(file))
			.withMessageContaining("deflated data set inflates more than 100 times");
	}

	@Test
	void rejectsADeflatedDataSetThatCannotBeInflated() throws IOException {
		Path file = write(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, bytes("FF FF FF FF"));
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> DicomFile.scan(file))
			.withMessageStartingWith("at inflated byte 0: valid deflated data expected");
	}

	private Path write(TransferSyntax transferSyntax, byte[] dataSet) throws IOException {
		Path file = this.temp.resolve("crafted.dcm");
		try (OutputStream out = Files.newOutputStream(file)) {
			DicomFile.writeHeader(out, FileMetaInformation.create(null, SampleDataSets.sample(), transferSyntax.uid()));
			out.write(dataSet);
		}
		return file;
	}

}
