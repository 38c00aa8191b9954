package io.github.dicomscu.net.storage;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.FileMetaInformation;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.benchmark.CtInstances;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SOP Class and Instance UID of a file to send: the data set's own, with one WARN
 * line (its values escaped) where the file meta information names others, and the file
 * meta information's where the data set has none.
 */
class FileStoreInstanceTests {

	@TempDir
	Path temp;

	@Test
	void theDataSetsUidsWinOverTheMetaInformationsWithOneEscapedWarning() throws Exception {
		Path file = CtInstances.write(this.temp, 1, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).get(0);
		DataSet dataSet = DicomFile.read(file).dataSet();
		String uid = dataSet.getString("SOPInstanceUID");
		byte[] bytes = Files.readAllBytes(file);
		int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(uid);
		bytes[at + uid.length() - 1] = '\n';
		Files.write(file, bytes);
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(FileStoreInstance.class);
		logger.addAppender(log);
		log.start();
		try {
			StoreInstance instance = StoreInstance.of(file);

			assertThat(instance.sopInstanceUid()).isEqualTo(uid);
			assertThat(instance.sopClassUid()).isEqualTo(CtInstances.CT_IMAGE_STORAGE);
		}
		finally {
			logger.detachAppender(log);
		}
		String metaUid = uid.substring(0, uid.length() - 1) + "\\n";
		assertThat(log.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage())
				.isEqualTo("Media Storage SOP Instance UID (0002,0003) of " + file + " is " + metaUid
						+ " but its data set's SOP Instance UID (0008,0018) is " + uid + "; sending the data set's");
		});
	}

	@Test
	void theMetaInformationsUidsStandInForADataSetWithout() throws Exception {
		DataSet withUids = CtInstances.dataSet(0, 1);
		DataSet withoutUids = CtInstances.dataSet(0, 1);
		withoutUids.remove("SOPClassUID");
		withoutUids.remove("SOPInstanceUID");
		Path file = this.temp.resolve("no-uids.dcm");
		try (OutputStream out = Files.newOutputStream(file)) {
			DicomFile.writeHeader(out,
					FileMetaInformation.create(null, withUids, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()));
			new DataSetWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(withoutUids, out);
		}
		StoreInstance instance = StoreInstance.of(file);
		assertThat(List.of(instance.sopClassUid(), instance.sopInstanceUid()))
			.containsExactly(withUids.getString("SOPClassUID"), withUids.getString("SOPInstanceUID"));
	}

}
