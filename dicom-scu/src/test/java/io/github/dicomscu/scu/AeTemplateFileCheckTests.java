package io.github.dicomscu.scu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.VR;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.storage.StorageScp;
import io.github.dicomscu.net.storage.StoreOutcome;
import io.github.dicomscu.net.storage.StoreResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A truncated Part 10 file is refused by {@link AeTemplate} before any connection is
 * made: {@code store} throws, {@code storeAll} reports it {@code NOT_SENT} and sends the
 * other files.
 */
class AeTemplateFileCheckTests {

	private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	private static final int PIXEL_DATA = 0x7FE00010;

	private static final int PIXEL_LENGTH = 512;

	@TempDir
	Path temp;

	@Test
	void storeOfATruncatedFileFailsWithoutConnecting() throws IOException {
		Path truncated = truncatedCt("1.2.826.0.1.7");
		long pixelDataOffset = Files.size(truncated) + 10 - PIXEL_LENGTH - 12;
		try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			AeTemplate template = template(peer.getLocalPort());
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> template.store("peer", truncated))
				.withMessage("Cannot read " + truncated + ": at byte " + pixelDataOffset + ": value length "
						+ PIXEL_LENGTH + " of (7FE0,0010) runs past the end of the data (" + (PIXEL_LENGTH - 10)
						+ " bytes left)")
				.withCauseInstanceOf(DicomParseException.class);
			peer.setSoTimeout(500);
			assertThatExceptionOfType(SocketTimeoutException.class).as("a connection to the peer")
				.isThrownBy(peer::accept);
		}
	}

	@Test
	void storeAllReportsATruncatedFileNotSentAndSendsTheOthers() throws IOException {
		Path truncated = truncatedCt("1.2.826.0.1.7");
		Path whole = this.temp.resolve("whole.dcm");
		DicomFile.write(whole, ct("1.2.826.0.1.8"), "ExplicitVRLittleEndian");
		Path received = this.temp.resolve("received");
		try (DicomScp scp = DicomScp.builder()
			.aeTitle("STORESCP")
			.accept("CTImageStorage", "ExplicitVRLittleEndian")
			.handler(CommandField.C_STORE_RQ, StorageScp.toDirectory(received))
			.build()
			.start()) {
			List<StoreResult> results = template(scp.getPort()).storeAll("peer", List.of(truncated, whole));
			assertThat(results).extracting(StoreResult::outcome)
				.containsExactly(StoreOutcome.NOT_SENT, StoreOutcome.SUCCESS);
			assertThat(results.get(0).detail()).startsWith("Cannot read " + truncated + ": at byte ")
				.endsWith("runs past the end of the data (" + (PIXEL_LENGTH - 10) + " bytes left)");
		}
		assertThat(received.toFile().list()).containsExactly("1.2.826.0.1.8.dcm");
	}

	private Path truncatedCt(String sopInstanceUid) throws IOException {
		Path file = this.temp.resolve("truncated.dcm");
		DicomFile.write(file, ct(sopInstanceUid), "ExplicitVRLittleEndian");
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() - 10);
		}
		return file;
	}

	private static DataSet ct(String sopInstanceUid) {
		return new DataSet().setString("SOPClassUID", CT_IMAGE_STORAGE)
			.setString("SOPInstanceUID", sopInstanceUid)
			.setString("PatientName", "Test^Truncated")
			.setBytes(PIXEL_DATA, VR.OW, new byte[PIXEL_LENGTH]);
	}

	private static AeTemplate template(int port) {
		AeTemplate.Builder builder = AeTemplate.builder()
			.aeTitle("TESTSCU")
			.remote(new RemoteAe("peer", "STORESCP", "127.0.0.1", port));
		builder.requestedContexts().add("Verification");
		return builder.build();
	}

}
