package io.github.dicomscu.net.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetReader;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.Fragments;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.VR;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner that checks a received data set while it streams to its file: it follows
 * what {@link DataSetReader} reads, whatever the chunks the bytes come in, and never
 * accepts what the reader refuses.
 */
class DataSetScannerTests {

	private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

	private static final String INSTANCE = "1.2.826.0.1.3680043.2.1143.7";

	private static final List<TransferSyntax> SYNTAXES = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
			TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
			TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.of("JPEGBaseline8Bit"));

	@Test
	void aDataSetInEachSyntaxScansToItsEndWhateverTheChunks() {
		for (TransferSyntax syntax : SYNTAXES) {
			byte[] encoded = new DataSetWriter(syntax).toByteArray(sample(syntax));
			for (int chunk : new int[] { encoded.length, 1, 7, 4096 }) {
				DataSetScanner scanner = scan(syntax, encoded, chunk);

				assertThat(scanner.problem()).as(syntax + " in chunks of " + chunk).isNull();
				assertThat(scanner.sopClassUid()).isEqualTo(CT);
				assertThat(scanner.sopInstanceUid()).isEqualTo(INSTANCE);
			}
			if (!syntax.isDeflated()) {
				assertThat(scan(syntax, encoded, 13).length()).isEqualTo(encoded.length);
			}
		}
	}

	@Test
	void definedLengthSequencesAndItemsAreFollowedAndOnlyTopLevelUidsCount() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, explicitElement(0x0008, 0x0016, "UI", CT + "\0"));
		byte[] nested = explicitElement(0x0008, 0x0018, "UI", "1.2.3.4");
		byte[] item = concat(littleEndianHeader(0xFFFE, 0xE000, nested.length), nested);
		write(out, new byte[] { 0x08, 0x00, 0x15, 0x11, 'S', 'Q', 0, 0 });
		write(out, littleEndianInt(item.length));
		write(out, item);
		write(out, explicitElement(0x0008, 0x0018, "UI", INSTANCE + "\0"));
		byte[] encoded = out.toByteArray();

		DataSetScanner scanner = scan(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encoded, 3);

		assertThat(scanner.problem()).isNull();
		assertThat(scanner.sopInstanceUid()).isEqualTo(INSTANCE);
		assertThat(scanner.length()).isEqualTo(encoded.length);
	}

	@Test
	void anUndefinedLengthUnknownElementHoldsImplicitLittleEndianItems() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, explicitElement(0x0008, 0x0016, "UI", CT + "\0"));
		write(out, new byte[] { 0x09, 0x00, 0x12, 0x10, 'U', 'N', 0, 0, -1, -1, -1, -1 });
		write(out, littleEndianHeader(0xFFFE, 0xE000, -1));
		write(out, concat(littleEndianHeader(0x0010, 0x0010, 4), new byte[] { 'D', 'o', 'e', ' ' }));
		write(out, littleEndianHeader(0xFFFE, 0xE00D, 0));
		write(out, littleEndianHeader(0xFFFE, 0xE0DD, 0));
		write(out, explicitElement(0x0008, 0x0018, "UI", INSTANCE + "\0"));
		byte[] encoded = out.toByteArray();

		DataSetScanner scanner = scan(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encoded, 5);

		assertThat(scanner.problem()).isNull();
		assertThat(scanner.sopInstanceUid()).isEqualTo(INSTANCE);
		assertThat(readerAccepts(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encoded)).isTrue();
	}

	@Test
	void everyTruncationIsRefusedExactlyWhenTheReaderRefusesIt() {
		for (TransferSyntax syntax : SYNTAXES.stream().filter((syntax) -> !syntax.isDeflated()).toList()) {
			byte[] encoded = new DataSetWriter(syntax).toByteArray(sample(syntax));
			int refused = 0;
			for (int length = 1; length < encoded.length; length++) {
				byte[] prefix = Arrays.copyOf(encoded, length);
				DataSetScanner scanner = scan(syntax, prefix, 5);

				assertThat(scanner.problem() == null).as(syntax + " cut at " + length + ": " + scanner.problem())
					.isEqualTo(readerAccepts(syntax, prefix));
				refused += (scanner.problem() != null) ? 1 : 0;
			}
			assertThat(refused).as(syntax.name()).isGreaterThan(encoded.length * 9 / 10);
		}
	}

	@Test
	void whatTheScannerAcceptsTheReaderReads() {
		Random random = new Random(9);
		for (TransferSyntax syntax : SYNTAXES) {
			byte[] encoded = new DataSetWriter(syntax).toByteArray(sample(syntax));
			int accepted = 0;
			for (int i = 0; i < 3000; i++) {
				byte[] mutant = encoded.clone();
				for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
					mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
				}
				DataSetScanner scanner = scan(syntax, mutant, 1 + random.nextInt(64));
				if (scanner.problem() == null) {
					accepted++;
					assertThat(readerAccepts(syntax, mutant)).as(syntax + " mutant " + i).isTrue();
				}
			}
			assertThat(accepted).as(syntax.name()).isPositive();
		}
	}

	@Test
	void deflatedDataThatCannotBeInflatedIsAProblem() {
		TransferSyntax deflated = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
		byte[] encoded = new DataSetWriter(deflated).toByteArray(sample(deflated));
		byte[] garbage = new byte[encoded.length];
		new Random(3).nextBytes(garbage);
		garbage[0] = (byte) 0xFF;

		assertThat(scan(deflated, garbage, 100).problem()).contains("valid deflated data expected");
		assertThat(scan(deflated, Arrays.copyOf(encoded, encoded.length / 2), 100).problem())
			.contains("more deflated data expected, found end of data");
		assertThat(scan(deflated, new byte[0], 1).problem()).contains("more deflated data expected");
	}

	@Test
	void sequencesNestedToTheReadersLimitPassBothAndOneLevelMoreFailsBothAlike() {
		int limit = DataSetReader.MAX_SEQUENCE_DEPTH;
		for (TransferSyntax syntax : SYNTAXES) {
			DataSetWriter writer = new DataSetWriter(syntax);
			byte[] atLimit = writer.toByteArray(nested(limit, syntax));
			byte[] pastLimit = writer.toByteArray(nested(limit + 1, syntax));

			assertThat(scan(syntax, atLimit, 4096).problem()).as(syntax + " at the limit").isNull();
			assertThat(readerAccepts(syntax, atLimit)).as(syntax + " at the limit").isTrue();
			assertThat(scan(syntax, pastLimit, 4096).problem()).as(syntax + " past the limit")
				.endsWith("sequence (0008,1115) nests deeper than the limit of 64 levels")
				.isEqualTo(readerProblem(syntax, pastLimit));
		}
	}

	@Test
	void undefinedLengthUnInImplicitVrNestsToTheSameLimitInBoth() {
		TransferSyntax implicit = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
		int limit = DataSetReader.MAX_SEQUENCE_DEPTH;
		byte[] atLimit = nestedUndefinedLengthUn(limit);
		byte[] pastLimit = nestedUndefinedLengthUn(limit + 1);

		assertThat(scan(implicit, atLimit, 1).problem()).isNull();
		assertThat(readerAccepts(implicit, atLimit)).isTrue();
		assertThat(scan(implicit, pastLimit, 1).problem())
			.isEqualTo("at byte 1024: sequence (0009,1010) nests deeper than the limit of 64 levels")
			.isEqualTo(readerProblem(implicit, pastLimit));
	}

	@Test
	void deepNestingIsAProblemAndNeverAStackOverflow() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < 100_000; i++) {
			write(out, new byte[] { 0x08, 0x00, 0x15, 0x11, 'S', 'Q', 0, 0, -1, -1, -1, -1 });
			write(out, littleEndianHeader(0xFFFE, 0xE000, -1));
		}

		DataSetScanner scanner = scan(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, out.toByteArray(), 65536);

		assertThat(scanner.problem()).isEqualTo("at byte 1280: sequence (0008,1115) nests deeper than the limit of "
				+ DataSetReader.MAX_SEQUENCE_DEPTH + " levels");
	}

	@Test
	void uidsLoseTheirPaddingAndKeepNothingUnprintable() {
		byte[] encoded = concat(explicitElement(0x0008, 0x0016, "UI", "1.2\r\n"),
				explicitElement(0x0008, 0x0018, "UI", "1".repeat(70)));

		DataSetScanner scanner = scan(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encoded, 2);

		assertThat(scanner.problem()).isNull();
		assertThat(scanner.sopClassUid()).isEqualTo("1.2\\r\\n");
		assertThat(scanner.sopInstanceUid()).isEqualTo("(a value of 70 bytes)");
	}

	@Test
	void anEmptyDataSetIsWellFormedAndHasNoUids() {
		DataSetScanner scanner = scan(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, new byte[0], 1);

		assertThat(scanner.problem()).isNull();
		assertThat(scanner.length()).isZero();
		assertThat(scanner.sopInstanceUid()).isNull();
	}

	/**
	 * A data set with nested sequences, private elements and encapsulated pixel data
	 * where the syntax is encapsulated.
	 */
	private static DataSet sample(TransferSyntax syntax) {
		DataSet inner = new DataSet().setString("CodeValue", "121")
			.setString("CodingSchemeDesignator", "DCM")
			.setString("SOPInstanceUID", "1.2.3");
		DataSet item = new DataSet().setString("ReferencedSOPClassUID", CT)
			.setSequence("ConceptNameCodeSequence", List.of(inner, new DataSet()));
		DataSet dataSet = new DataSet().setString("SOPClassUID", CT)
			.setString("SOPInstanceUID", INSTANCE)
			.setString("PatientName", "Doe^John")
			.setSequence("ReferencedImageSequence", List.of(item, new DataSet()))
			.setString(0x00091010, VR.LO, "ACME")
			.setBytes(0x00091011, VR.UN, new byte[] { 1, 2, 3, 4 });
		if (syntax.isEncapsulated()) {
			dataSet.setFragments(0x7FE00010, new Fragments(new byte[0]).add(new byte[] { 1, 2, 3, 4, 5, 6 }));
		}
		return dataSet;
	}

	/**
	 * A data set whose Referenced Series Sequence holds one item with the next,
	 * {@code levels} deep, the innermost item holding encapsulated pixel data where the
	 * syntax is encapsulated (fragments add no level).
	 */
	private static DataSet nested(int levels, TransferSyntax syntax) {
		DataSet innermost = new DataSet().setString("SeriesInstanceUID", "1.2.3");
		if (syntax.isEncapsulated()) {
			innermost.setFragments(0x7FE00010, new Fragments(new byte[0]).add(new byte[] { 1, 2 }));
		}
		DataSet level = innermost;
		for (int i = 0; i < levels; i++) {
			level = new DataSet().setSequence("ReferencedSeriesSequence", List.of(level));
		}
		return level.setString("SOPClassUID", CT).setString("SOPInstanceUID", INSTANCE);
	}

	/**
	 * Undefined-length private elements (0009,1010) in Implicit VR, each read as a
	 * sequence whose undefined-length item holds the next, {@code levels} deep.
	 */
	private static byte[] nestedUndefinedLengthUn(int levels) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < levels; i++) {
			write(out, littleEndianHeader(0x0009, 0x1010, -1));
			write(out, littleEndianHeader(0xFFFE, 0xE000, -1));
		}
		for (int i = 0; i < levels; i++) {
			write(out, littleEndianHeader(0xFFFE, 0xE00D, 0));
			write(out, littleEndianHeader(0xFFFE, 0xE0DD, 0));
		}
		return out.toByteArray();
	}

	private static DataSetScanner scan(TransferSyntax syntax, byte[] bytes, int chunk) {
		DataSetScanner scanner = DataSetScanner.forTransferSyntax(syntax.uid());
		for (int at = 0; at < bytes.length; at += chunk) {
			scanner.update(bytes, at, Math.min(chunk, bytes.length - at));
		}
		scanner.finish();
		return scanner;
	}

	private static boolean readerAccepts(TransferSyntax syntax, byte[] bytes) {
		return readerProblem(syntax, bytes) == null;
	}

	private static String readerProblem(TransferSyntax syntax, byte[] bytes) {
		try {
			new DataSetReader(syntax).read(bytes);
			return null;
		}
		catch (DicomParseException ex) {
			return ex.getMessage();
		}
	}

	private static byte[] explicitElement(int group, int element, String vr, String value) {
		byte[] text = value.getBytes(StandardCharsets.ISO_8859_1);
		byte[] header = { (byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8), (byte) vr.charAt(0),
				(byte) vr.charAt(1), (byte) text.length, (byte) (text.length >> 8) };
		return concat(header, text);
	}

	private static byte[] littleEndianHeader(int group, int element, int length) {
		return concat(new byte[] { (byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8) },
				littleEndianInt(length));
	}

	private static byte[] littleEndianInt(int value) {
		return new byte[] { (byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24) };
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static void write(ByteArrayOutputStream out, byte[] bytes) {
		out.write(bytes, 0, bytes.length);
	}

}
