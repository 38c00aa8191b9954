package io.github.dicomscu.data;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM with 64 MiB of heap reads hostile data sets from a stream and ends in a
 * {@link DicomParseException}: a deflate bomb of about 200 KiB that inflates to 200 MiB,
 * and 1,000 nested sequences.
 */
class HostileInputMemoryTests {

	@TempDir
	Path temp;

	@Test
	void aDeflateBombEndsInAParseErrorWith64MegabytesOfHeap() throws Exception {
		Path bomb = this.temp.resolve("bomb.deflated");
		Files.write(bomb, HostileDataSets.deflateBomb(200 * 1024 * 1024));
		assertThat(Files.size(bomb)).isBetween(150L * 1024, 250L * 1024);
		assertThat(parseInChildJvm(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, bomb))
			.startsWith("DicomParseException: at inflated byte ")
			.contains("deflated data set inflates more than 100 times");
	}

	@Test
	void aThousandNestedSequencesEndInAParseErrorWith64MegabytesOfHeap() throws Exception {
		Path nested = this.temp.resolve("nested.dcm");
		Files.write(nested, HostileDataSets.nestedSequences(1000));
		assertThat(parseInChildJvm(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, nested))
			.isEqualTo("DicomParseException: at byte 1280: sequence (0008,1115) nests deeper than the limit of "
					+ "64 levels");
	}

	private static String parseInChildJvm(TransferSyntax transferSyntax, Path file) throws Exception {
		String classpath = String.join(File.pathSeparator, location(DataSetReader.class),
				location(HostileInputParser.class));
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-cp", classpath, HostileInputParser.class.getName(), transferSyntax.uid(), file.toString())
			.redirectErrorStream(true)
			.start();
		boolean finished = child.waitFor(60, TimeUnit.SECONDS);
		if (!finished) {
			child.destroyForcibly().waitFor();
		}
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(finished).as(output).isTrue();
		assertThat(child.exitValue()).as(output).isZero();
		return output;
	}

	private static String location(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

}
