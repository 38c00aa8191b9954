package io.github.dicomscu.net.storage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.net.peer.DcmtkPeer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files made with DCMTK for the storage interop tests, and the files a DCMTK server
 * wrote, by SOP Instance UID.
 */
final class DcmtkStorageFixtures {

	private DcmtkStorageFixtures() {
	}

	/**
	 * Make a JPEG Baseline Secondary Capture instance with {@code img2dcm} from a small
	 * grayscale JPEG written by ImageIO.
	 * @param directory where to write
	 * @return the Part 10 file
	 * @throws IOException if writing fails
	 */
	static Path jpegBaselineInstance(Path directory) throws IOException {
		Files.createDirectories(directory);
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < 48; y++) {
			for (int x = 0; x < 64; x++) {
				image.getRaster().setSample(x, y, 0, (x * 4 + y) & 0xFF);
			}
		}
		Path jpeg = directory.resolve("image.jpg");
		ImageIO.write(image, "jpeg", jpeg.toFile());
		Path dicom = directory.resolve("image.dcm");
		DcmtkPeer.Result result = DcmtkPeer.run(Duration.ofSeconds(20), "img2dcm", jpeg.toString(), dicom.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		return dicom;
	}

	/**
	 * Return the DICOM files in a directory by their Media Storage SOP Instance UID.
	 * @param directory the directory
	 * @return the files
	 * @throws IOException if reading fails
	 */
	static Map<String, Path> filesByInstanceUid(Path directory) throws IOException {
		Map<String, Path> files = new HashMap<>();
		for (Path file : StoreRoundTripTests.listing(directory)) {
			files.put(DicomFile.readHeader(file).sopInstanceUid(), file);
		}
		return files;
	}

}
