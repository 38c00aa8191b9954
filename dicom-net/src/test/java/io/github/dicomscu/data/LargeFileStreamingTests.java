package io.github.dicomscu.data;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.dicomscu.data.ByteFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large instances are streamed: a Part 10 file with 300 MB of pixel data is written from
 * a bulk data reference and read back as one, each with a few megabytes of allocation at
 * most.
 */
class LargeFileStreamingTests {

	private static final long PIXEL_LENGTH = 300L * 1024 * 1024;

	private static final long ALLOCATION_LIMIT = 8L * 1024 * 1024;

	private static final int PIXEL_DATA = 0x7FE00010;

	private static final byte[] FIRST_BYTES = bytes("CA FE BA BE");

	private static final byte[] LAST_BYTES = bytes("DE AD BE EF");

	@TempDir
	Path temp;

	@Test
	void writesAndReadsAFileOf300MegabytesWithoutHoldingThePixelData() throws IOException {
		Path source = this.temp.resolve("pixels.raw");
		try (RandomAccessFile pixels = new RandomAccessFile(source.toFile(), "rw")) {
			pixels.setLength(PIXEL_LENGTH);
			pixels.write(FIRST_BYTES);
			pixels.seek(PIXEL_LENGTH - LAST_BYTES.length);
			pixels.write(LAST_BYTES);
		}
		DataSet dataSet = new DataSet().setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7")
			.setString("SOPInstanceUID", "1.2.3.4.5")
			.setInt("Rows", 10240)
			.setInt("Columns", 10240)
			.setInt("NumberOfFrames", 3)
			.setBulkData(PIXEL_DATA, VR.OB, new BulkDataReference(source, 0, PIXEL_LENGTH, ByteOrder.LITTLE_ENDIAN));
		Path file = this.temp.resolve("large.dcm");

		long before = allocatedBytes();
		DicomFile.write(file, dataSet, "ExplicitVRLittleEndian");
		long writeAllocation = allocatedBytes() - before;
		Files.delete(source);

		before = allocatedBytes();
		DicomFile read = DicomFile.read(file);
		long readAllocation = allocatedBytes() - before;

		BulkDataReference pixels = read.dataSet().getBulkData(PIXEL_DATA);
		assertThat(pixels.length()).isEqualTo(PIXEL_LENGTH);
		assertThat(pixels.offset()).isEqualTo(Files.size(file) - PIXEL_LENGTH);
		assertThat(read.dataSet().getInt("NumberOfFrames", 0)).isEqualTo(3);
		assertThat(bytesAt(file, pixels.offset(), 4)).isEqualTo(FIRST_BYTES);
		assertThat(bytesAt(file, pixels.offset() + PIXEL_LENGTH - 4, 4)).isEqualTo(LAST_BYTES);
		assertThat(writeAllocation).as("bytes allocated while writing").isLessThan(ALLOCATION_LIMIT);
		assertThat(readAllocation).as("bytes allocated while reading").isLessThan(ALLOCATION_LIMIT);
	}

	private static byte[] bytesAt(Path file, long position, int length) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate(length);
			channel.read(buffer, position);
			return buffer.array();
		}
	}

	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
			.getThreadAllocatedBytes(Thread.currentThread().getId());
	}

}
