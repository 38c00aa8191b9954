package io.github.dicomscu.sample.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.dicomscu.autoconfigure.ConfiguredRemotes;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomFileHeader;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.net.storage.StoreResult;
import io.github.dicomscu.scu.AeOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Sends uploaded Part 10 files to a remote AE with C-STORE: one file as an
 * {@code application/dicom} body, or several as the file parts of a
 * {@code multipart/form-data} body (any part names), over one association. Uploads are
 * streamed to temporary files, never held in memory, and deleted once the store is done.
 * Each upload is checked to start with valid File Meta Information before anything is
 * sent: an {@code application/dicom} body that does not is answered with a 400 problem
 * that names the byte offset of the problem; a multipart part that does not is not sent
 * and has a {@code NOT_SENT} result naming its file, while the good parts are sent. The
 * response has one result per file, with its part name and file name; multipart results
 * are grouped by part name, in the order the names first appear.
 */
@RestController
@RequestMapping("/api/remotes")
public class StoreController {

	/** The media type of a Part 10 file (RFC 3240). */
	public static final String APPLICATION_DICOM_VALUE = "application/dicom";

	private static final Logger logger = LoggerFactory.getLogger(StoreController.class);

	private final AeOperations aeOperations;

	private final ConfiguredRemotes remotes;

	public StoreController(AeOperations aeOperations, ConfiguredRemotes remotes) {
		this.aeOperations = aeOperations;
		this.remotes = remotes;
	}

	@PostMapping(path = "/{name}/store", consumes = APPLICATION_DICOM_VALUE)
	public StoreResponse storeFile(@PathVariable String name, InputStream body) throws IOException {
		requireRemote(name);
		Path directory = Files.createTempDirectory("dicom-scu-upload-");
		try {
			Path file = directory.resolve("body.dcm");
			Files.copy(body, file);
			checkPartTen(file, UploadedFile.BODY);
			StoreResult result = this.aeOperations.store(name, file);
			return StoreResponse.of(List.of(result), List.of(UploadedFile.BODY));
		}
		finally {
			delete(directory);
		}
	}

	@PostMapping(path = "/{name}/store", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public StoreResponse storeFiles(@PathVariable String name, @RequestParam MultiValueMap<String, MultipartFile> parts)
			throws IOException {
		requireRemote(name);
		List<UploadedFile> uploads = new ArrayList<>();
		parts.forEach((part, files) -> files.forEach((file) -> uploads.add(new UploadedFile(part, file))));
		if (uploads.isEmpty()) {
			throw NotDicomException.noFiles();
		}
		Path directory = Files.createTempDirectory("dicom-scu-upload-");
		try {
			List<Path> files = new ArrayList<>();
			List<StoreResult> rejected = new ArrayList<>(uploads.size());
			for (UploadedFile upload : uploads) {
				Path file = directory.resolve(rejected.size() + ".dcm");
				upload.file().transferTo(file.toFile());
				rejected.add(check(file, upload, files));
			}
			return StoreResponse
				.of(merge(rejected, files.isEmpty() ? List.of() : this.aeOperations.storeAll(name, files)), uploads);
		}
		finally {
			delete(directory);
		}
	}

	/**
	 * Check one uploaded part: add it to the files to send if it is a Part 10 file.
	 * @return {@code null} if it is, or its {@code NOT_SENT} result naming the part
	 */
	private static StoreResult check(Path file, UploadedFile upload, List<Path> files) throws IOException {
		try {
			checkPartTen(file, upload);
			files.add(file);
			return null;
		}
		catch (NotDicomException ex) {
			logger.warn("Not sending {}: {}", PrintableText.of(upload.description()),
					PrintableText.ofMessage(ex.getBody().getDetail()));
			return StoreResult.notSent(null, null, ex.getBody().getDetail());
		}
	}

	/**
	 * Put the results of the sent files in the places the parts had.
	 */
	private static List<StoreResult> merge(List<StoreResult> rejected, List<StoreResult> sent) {
		List<StoreResult> results = new ArrayList<>(rejected.size());
		int next = 0;
		for (StoreResult result : rejected) {
			results.add((result != null) ? result : sent.get(next++));
		}
		return results;
	}

	/**
	 * Check that the remote is configured before the upload is read, so that a store to
	 * an unknown remote is answered with 404 at once.
	 * @throws io.github.dicomscu.scu.UnknownRemoteException if it is not
	 */
	private void requireRemote(String name) {
		this.remotes.getRemote(name);
	}

	/**
	 * Check that a file starts with the preamble (or directly with File Meta Information)
	 * and File Meta Information naming a supported transfer syntax, the SOP class and the
	 * SOP instance, and that its data set runs whole to the end of the file (element
	 * headers are walked, values are not loaded): a truncated file is refused here,
	 * before any association is opened.
	 */
	private static void checkPartTen(Path file, UploadedFile upload) throws IOException {
		try {
			DicomFileHeader header = DicomFile.scan(file);
			if (isEmpty(header.sopClassUid())) {
				throw new DicomParseException(header.dataSetOffset(),
						"Media Storage SOP Class UID (0002,0002) expected in the file meta information");
			}
			if (isEmpty(header.sopInstanceUid())) {
				throw new DicomParseException(header.dataSetOffset(),
						"Media Storage SOP Instance UID (0002,0003) expected in the file meta information");
			}
		}
		catch (DicomParseException ex) {
			throw new NotDicomException(ex, upload);
		}
	}

	private static boolean isEmpty(String value) {
		return value == null || value.isEmpty();
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot delete the uploaded files in {}: {}", directory, ex.getMessage());
		}
	}

}
