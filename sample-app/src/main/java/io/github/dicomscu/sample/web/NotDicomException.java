package io.github.dicomscu.sample.web;

import io.github.dicomscu.data.DicomParseException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A store request whose upload is not a Part 10 file, rendered as a 400 problem detail:
 * the {@code detail} names the upload and the parser's message, {@code offset} is the
 * byte offset of the problem, and {@code part} and {@code fileName} say which file part
 * it was.
 */
class NotDicomException extends ErrorResponseException {

	NotDicomException(DicomParseException ex, UploadedFile upload) {
		super(HttpStatus.BAD_REQUEST, problem(ex, upload), ex);
	}

	private NotDicomException(ProblemDetail problem) {
		super(HttpStatus.BAD_REQUEST, problem, null);
	}

	/**
	 * Return the exception for a multipart request without file parts.
	 * @return the exception
	 */
	static NotDicomException noFiles() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart request has no file parts; send each Part 10 file as a part with a file name");
		problem.setTitle("No DICOM files");
		return new NotDicomException(problem);
	}

	private static ProblemDetail problem(DicomParseException ex, UploadedFile upload) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The " + upload.description() + " is not a DICOM Part 10 file: " + ex.getMessage());
		problem.setTitle("Not a DICOM file");
		problem.setProperty("offset", ex.getOffset());
		if (upload.part() != null) {
			problem.setProperty("part", upload.part());
			problem.setProperty("fileName", upload.fileName());
		}
		return problem;
	}

}
