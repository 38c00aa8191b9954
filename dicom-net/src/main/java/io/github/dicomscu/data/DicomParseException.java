package io.github.dicomscu.data;

import java.io.IOException;

/**
 * Thrown when bytes that should hold a DICOM data set or Part 10 file are malformed or
 * end too early. The message always names the byte offset where the problem was found and
 * what was expected there, for example
 * {@code "at byte 1234: item tag (FFFE,E000) expected, found (0008,0016)"}. Control
 * characters of text it quotes from the data are escaped
 * ({@link PrintableText#escapeControls(String)}).
 */
public class DicomParseException extends IOException {

	private static final long serialVersionUID = 1L;

	private final long offset;

	/**
	 * Create an exception for a problem at a byte offset of the input.
	 * @param offset the offset from the start of the file or stream
	 * @param problem what was expected and what was found
	 */
	public DicomParseException(long offset, String problem) {
		this("byte", offset, problem);
	}

	DicomParseException(String unit, long offset, String problem) {
		super(PrintableText.escapeControls("at " + unit + " " + offset + ": " + problem));
		this.offset = offset;
	}

	/**
	 * Return the offset where the problem was found. For deflated data sets this counts
	 * inflated bytes from the start of the data set.
	 * @return the byte offset
	 */
	public long getOffset() {
		return this.offset;
	}

}
