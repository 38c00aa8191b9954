package io.github.dicomscu.data;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.dicomscu.data.ByteFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the limits of {@link DataSetReader} against hostile input: sequence depth,
 * inflated length and inflation ratio.
 */
class DataSetReaderLimitsTests {

	private static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;

	@Test
	void readsSequencesNestedToTheLimit() throws IOException {
		DataSet dataSet = read(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
				HostileDataSets.nestedSequences(DataSetReader.MAX_SEQUENCE_DEPTH));
		int depth = 0;
		for (DataSet level = dataSet; level.contains(REFERENCED_SERIES_SEQUENCE); depth++) {
			level = level.getSequence(REFERENCED_SERIES_SEQUENCE).get(0);
		}
		assertThat(depth).isEqualTo(64);
	}

	@Test
	void rejectsASequenceOneLevelDeeperThanTheLimitAtItsOffset() {
		assertThatExceptionOfType(DicomParseException.class)
			.isThrownBy(() -> read(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, HostileDataSets.nestedSequences(65)))
			.withMessage("at byte 1280: sequence (0008,1115) nests deeper than the limit of 64 levels")
			.satisfies((ex) -> assertThat(ex.getOffset()).isEqualTo(64 * HostileDataSets.NESTING_LEVEL_LENGTH));
	}

	@Test
	void rejectsAThousandNestedSequencesWithoutOverflowingTheStack() {
		byte[] encoded = HostileDataSets.nestedSequences(1000);
		assertThat(encoded).hasSize(36000);
		assertThatExceptionOfType(DicomParseException.class)
			.isThrownBy(() -> read(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encoded))
			.withMessageStartingWith("at byte 1280: sequence (0008,1115) nests deeper");
	}

	@Test
	void rejectsNestedUndefinedLengthUnInImplicitVrPastTheLimit() {
		byte[] level = bytes("09 00 10 10", "FF FF FF FF", "FE FF 00 E0 FF FF FF FF");
		byte[] encoded = new byte[level.length * 100];
		for (int i = 0; i < 100; i++) {
			System.arraycopy(level, 0, encoded, i * level.length, level.length);
		}
		assertThatExceptionOfType(DicomParseException.class)
			.isThrownBy(() -> read(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, encoded))
			.withMessage("at byte 1024: sequence (0009,1010) nests deeper than the limit of 64 levels");
	}

	@Test
	void rejectsADataSetThatInflatesPastTheMaximumLengthAtThatOffset() {
		DataSetReader reader = new DataSetReader(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		reader.setMaxInflatedLength(1000);
		byte[] deflated = HostileDataSets.deflateBomb(2000);
		assertThatExceptionOfType(DicomParseException.class).isThrownBy(() -> reader.read(deflated))
			.withMessage("at inflated byte 1000: deflated data set inflates past the limit of 1000 bytes");
	}

	@Test
	void readsADataSetThatInflatesToExactlyTheMaximumLength() throws IOException {
		DataSetReader reader = new DataSetReader(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		reader.setMaxInflatedLength(2012);
		assertThat(reader.read(HostileDataSets.deflateBomb(2000)).getBytes(0x00091010)).hasSize(2000);
	}

	@Test
	void rejectsADeflateBombByItsRatio() {
		byte[] deflated = HostileDataSets.deflateBomb(8 * 1024 * 1024);
		assertThat(deflated.length).isLessThan(10 * 1024);
		assertThatExceptionOfType(DicomParseException.class)
			.isThrownBy(() -> read(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, deflated))
			.withMessageContaining("deflated data set inflates more than 100 times")
			.satisfies((ex) -> assertThat(ex.getOffset()).isGreaterThan(BoundedInflaterInputStream.RATIO_ALLOWANCE)
				.isLessThan(2 * BoundedInflaterInputStream.RATIO_ALLOWANCE));
	}

	@Test
	void aHigherRatioLetsTheSameDataSetThrough() throws IOException {
		DataSetReader reader = new DataSetReader(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		reader.setMaxInflationRatio(1100);
		assertThat(reader.read(HostileDataSets.deflateBomb(8 * 1024 * 1024)).getBytes(0x00091010))
			.hasSize(8 * 1024 * 1024);
	}

	@Test
	void rejectsATruncatedDeflateStream() {
		byte[] deflated = HostileDataSets.deflateBomb(2000);
		assertThatExceptionOfType(DicomParseException.class)
			.isThrownBy(() -> read(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
					Arrays.copyOf(deflated, deflated.length / 2)))
			.withMessageEndingWith("more deflated data expected, found end of data");
	}

	@Test
	void rejectsLimitsBelowOne() {
		DataSetReader reader = new DataSetReader(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> reader.setMaxInflatedLength(0));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> reader.setMaxInflationRatio(0));
		assertThat(List.of(reader.getMaxInflatedLength(), (long) reader.getMaxInflationRatio()))
			.containsExactly(DataSetReader.DEFAULT_MAX_INFLATED_LENGTH, 100L);
	}

	private static DataSet read(TransferSyntax transferSyntax, byte[] encoded) throws IOException {
		return new DataSetReader(transferSyntax).read(encoded);
	}

}
