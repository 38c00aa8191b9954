package io.github.dicomscu.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import io.github.dicomscu.net.peer.DcmtkPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability of {@link DicomFile} with DCMTK: DCMTK must read every file we write
 * without complaint, and we must read the files DCMTK writes in every transfer syntax.
 */
class DicomFileDcmtkTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final int PIXEL_DATA = 0x7FE00010;

	@TempDir
	Path temp;

	@ParameterizedTest
	@CsvSource({ "ImplicitVRLittleEndian, Little Endian Implicit", "ExplicitVRLittleEndian, Little Endian Explicit",
			"ExplicitVRBigEndian, Big Endian Explicit",
			"DeflatedExplicitVRLittleEndian, Deflated Explicit VR Little Endian" })
	void dcmtkReadsTheFilesWeWrite(String transferSyntax, String dcmtkName) throws IOException {
		Path file = this.temp.resolve(transferSyntax + ".dcm");
		DicomFile.write(file, interopDataSet(), transferSyntax);
		assertThat(DcmtkPeer.run(TIMEOUT, "dcmftest", file.toString()).output()).startsWith("yes: " + file);
		String dump = dcmdump(file);
		assertThat(dump).contains("# Used TransferSyntax: " + dcmtkName + "\n(0008,0005)", "(0002,0001) OB 00\\01",
				"(0002,0002) UI =SecondaryCaptureImageStorage", "(0002,0003) UI [1.2.3.4.5]",
				"(0002,0012) UI [2.25.233527768643185985181591970881538371871]", "(0002,0013) SH [DICOMSCU_010]",
				"(0008,0005) CS [ISO_IR 192]", "(0008,1140) SQ (Sequence with undefined length #=1)",
				"(0008,1155) UI [1.2.3.4]", "(0010,0010) PN [山田^太郎]", "(0018,9087) FD 1000", "(0020,9057) UL 258",
				"(0020,9165) AT (0020,0032)", "(0028,0010) US 512", "(0028,0030) DS [0.5\\0.25]", "(0028,0106) SS -5",
				"(7fe0,0010) OW 0201\\0403");
	}

	@Test
	void dcmtkReadsADeflatedDataSetPaddedToEvenLength() throws IOException {
		Path file = this.temp.resolve("odd-deflated.dcm");
		DataSet dataSet = DataSetWriterTests.oddWhenDeflated();
		DicomFile.write(file, dataSet, "DeflatedExplicitVRLittleEndian");
		assertThat(Files.size(file) % 2).isZero();
		assertThat(dcmdump(file)).contains("# Used TransferSyntax: Deflated Explicit VR Little Endian",
				"(0020,4000) LT [" + dataSet.getString("ImageComments"));
		assertThat(DicomFile.read(file).dataSet()).isEqualTo(dataSet);
	}

	@ParameterizedTest
	@CsvSource({ "+ti, -e", "+ti, +e", "+te, -e", "+te, +e", "+tb, -e", "+tb, +e", "+td, -e", "+td, +e" })
	void weReadTheFilesDcmtkWrites(String transferSyntaxOption, String lengthOption) throws IOException {
		Path dump = this.temp.resolve("interop.dump");
		try (InputStream in = getClass().getResourceAsStream("interop.dump")) {
			Files.copy(in, dump);
		}
		Path created = this.temp.resolve("created.dcm");
		Path converted = this.temp.resolve("converted.dcm");
		assertSucceeds(DcmtkPeer.run(TIMEOUT, "dump2dcm", "-q", dump.toString(), created.toString()));
		assertSucceeds(DcmtkPeer.run(TIMEOUT, "dcmconv", "-q", transferSyntaxOption, lengthOption, "+g",
				created.toString(), converted.toString()));
		DicomFile read = DicomFile.read(converted);
		assertThat(read.dataSet()).isEqualTo(interopDataSet());
		assertThat(read.dataSet().getInt("SmallestImagePixelValue", 0)).isEqualTo(-5);
		assertThat(read.fileMeta().getString("ImplementationVersionName")).startsWith("OFFIS_DCMTK");
	}

	@Test
	void passesDcmtkEncapsulatedPixelDataThroughUntouched() throws IOException {
		Path jpeg = this.temp.resolve("image.jpg");
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
		for (int i = 0; i < 16; i++) {
			image.getRaster().setSample(i, i, 0, 255);
		}
		assertThat(ImageIO.write(image, "jpg", jpeg.toFile())).isTrue();
		Path original = this.temp.resolve("original.dcm");
		assertSucceeds(DcmtkPeer.run(TIMEOUT, "img2dcm", "-q", jpeg.toString(), original.toString()));
		DicomFile read = DicomFile.read(original, Long.MAX_VALUE);
		assertThat(read.transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2.4.50");
		Fragments fragments = read.dataSet().getFragments(PIXEL_DATA);
		byte[] withoutJfifHeader = withoutJfifHeader(Files.readAllBytes(jpeg));
		assertThat(fragments.size()).isEqualTo(1);
		assertThat(Arrays.copyOf(fragments.getBytes(0), withoutJfifHeader.length)).isEqualTo(withoutJfifHeader);
		Path copy = this.temp.resolve("copy.dcm");
		DicomFile.write(copy, read.fileMeta(), read.dataSet(), read.transferSyntax().uid());
		assertThat(dcmdump(copy)).contains("(7fe0,0010) OB (PixelSequence #=2)",
				"(fffe,e0dd) na (SequenceDelimitationItem)");
		assertThat(DicomFile.read(copy, Long.MAX_VALUE).dataSet()).isEqualTo(read.dataSet());
		DicomFile bulk = DicomFile.read(original, 64);
		assertThat(bulk.dataSet().getFragments(PIXEL_DATA).isBulkData(0)).isTrue();
		Path streamed = this.temp.resolve("streamed.dcm");
		DicomFile.write(streamed, bulk.fileMeta(), bulk.dataSet(), bulk.transferSyntax().uid());
		assertThat(DicomFile.read(streamed, Long.MAX_VALUE).dataSet().getFragments(PIXEL_DATA)).isEqualTo(fragments);
	}

	/**
	 * The data set that {@code interop.dump} describes.
	 */
	static DataSet interopDataSet() {
		DataSet dataSet = new DataSet().setString("SpecificCharacterSet", "ISO_IR 192")
			.setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7")
			.setString("SOPInstanceUID", "1.2.3.4.5");
		dataSet.setSequence("ReferencedImageSequence", List.of(new DataSet().setString("ReferencedSOPClassUID", "1.2.3")
			.setString("ReferencedSOPInstanceUID", "1.2.3.4")));
		return dataSet.setString("PatientName", "山田^太郎")
			.setDouble("DiffusionBValue", 1000)
			.setInt("InStackPositionNumber", 258)
			.setInt("DimensionIndexPointer", 0x00200032)
			.setInt("Rows", 512)
			.setString("PixelSpacing", "0.5", "0.25")
			.setInt("PixelRepresentation", 1)
			.setInt("SmallestImagePixelValue", -5)
			.setBytes(PIXEL_DATA, VR.OW, new byte[] { 1, 2, 3, 4 });
	}

	/**
	 * Return a JPEG stream without its JFIF APP0 segment, which img2dcm drops.
	 */
	private static byte[] withoutJfifHeader(byte[] jpeg) {
		assertThat(Arrays.copyOf(jpeg, 4)).containsExactly(0xFF, 0xD8, 0xFF, 0xE0);
		int segmentEnd = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		return ByteFixture.concat(Arrays.copyOf(jpeg, 2), Arrays.copyOfRange(jpeg, segmentEnd, jpeg.length));
	}

	private static String dcmdump(Path file) {
		DcmtkPeer.Result result = DcmtkPeer.run(TIMEOUT, "dcmdump", file.toString());
		assertSucceeds(result);
		return result.output();
	}

	private static void assertSucceeds(DcmtkPeer.Result result) {
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output().lines()).as(result.output())
			.noneMatch((line) -> line.startsWith("E:") || line.startsWith("W:") || line.startsWith("F:"));
	}

}
