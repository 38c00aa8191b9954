package io.github.dicomscu.sample.web;

import org.springframework.web.multipart.MultipartFile;

/**
 * One file of a store request: a file part of a multipart body, or the whole body.
 *
 * @param part the name of the multipart part, or {@code null} for the whole body
 * @param file the part, or {@code null} for the whole body
 */
record UploadedFile(String part, MultipartFile file) {

	/** The body of an {@code application/dicom} request. */
	static final UploadedFile BODY = new UploadedFile(null, null);

	/**
	 * Return the file name the client gave the part.
	 * @return the name, or {@code null}
	 */
	String fileName() {
		return (this.file != null) ? this.file.getOriginalFilename() : null;
	}

	/**
	 * Return how error messages name this upload.
	 * @return for example {@code "part 'files' (ct1.dcm)"} or {@code "request body"}
	 */
	String description() {
		if (this.part == null) {
			return "request body";
		}
		String fileName = fileName();
		return "part '" + this.part + "'" + ((fileName != null && !fileName.isEmpty()) ? " (" + fileName + ")" : "");
	}

}
