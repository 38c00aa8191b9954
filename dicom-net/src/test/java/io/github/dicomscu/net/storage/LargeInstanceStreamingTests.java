package io.github.dicomscu.net.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.benchmark.StoreBenchmark;
import io.github.dicomscu.net.peer.ChildJvm;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 300 MiB instance is stored by a separate JVM limited to 64 MiB of heap, into our
 * storage SCP, and arrives whole: neither side holds the pixel data in memory. (The
 * benchmark script does the same with 2 GiB, which takes too long for the test suite.)
 */
class LargeInstanceStreamingTests {

	private static final long PIXEL_BYTES = 300L * 1024 * 1024;

	@TempDir
	Path temp;

	@Test
	void aJvmWith64MegabytesOfHeapStoresA300MegabyteInstance() throws Exception {
		Path directory = this.temp.resolve("in");
		Path file = CtInstances.writeLarge(directory.resolve("large.dcm"), PIXEL_BYTES);
		Path received = this.temp.resolve("received");
		try (DicomScp scp = StorageScp.toDirectory(received)
			.addTo(DicomScp.builder())
			.maxPduLength(131072)
			.build()
			.start()) {
			Process sender = new ProcessBuilder(ChildJvm.javaExecutable(), "-Xmx64m", "-cp",
					ChildJvm.classpath(StoreBenchmark.class, StoreInstance.class), StoreBenchmark.class.getName(),
					"127.0.0.1", Integer.toString(scp.getPort()), "ANY-SCP", "131072", "0", "1", directory.toString(),
					"-")
				.redirectErrorStream(true)
				.start();
			boolean finished = sender.waitFor(60, TimeUnit.SECONDS);
			String output = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!finished) {
				sender.destroyForcibly();
			}
			assertThat(finished).as(output).isTrue();
			assertThat(sender.exitValue()).as(output).isZero();
			assertThat(output).contains("files=1");
		}
		Path arrived = received.resolve(DicomFile.readHeader(file).sopInstanceUid() + ".dcm");
		assertThat(dataSetsEqual(file, arrived)).isTrue();
	}

	private static boolean dataSetsEqual(Path sent, Path arrived) throws IOException {
		long sentOffset = DicomFile.readHeader(sent).dataSetOffset();
		long arrivedOffset = DicomFile.readHeader(arrived).dataSetOffset();
		long length = Files.size(sent) - sentOffset;
		if (Files.size(arrived) - arrivedOffset != length) {
			return false;
		}
		try (FileChannel a = FileChannel.open(sent, StandardOpenOption.READ);
				FileChannel b = FileChannel.open(arrived, StandardOpenOption.READ)) {
			ByteBuffer bufferA = ByteBuffer.allocate(1024 * 1024);
			ByteBuffer bufferB = ByteBuffer.allocate(1024 * 1024);
			for (long at = 0; at < length; at += bufferA.capacity()) {
				bufferA.clear().limit((int) Math.min(bufferA.capacity(), length - at));
				bufferB.clear().limit(bufferA.limit());
				readFully(a, bufferA, sentOffset + at);
				readFully(b, bufferB, arrivedOffset + at);
				if (!bufferA.flip().equals(bufferB.flip())) {
					return false;
				}
			}
		}
		return true;
	}

	private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		long at = position;
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer, at);
			if (read < 0) {
				throw new IOException("Unexpected end of file at " + at);
			}
			at += read;
		}
	}

}
