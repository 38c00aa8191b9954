package io.github.dicomscu.net.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.github.dicomscu.data.DataSetReader;
import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.Tag;
import io.github.dicomscu.data.TagDictionary;
import io.github.dicomscu.data.TagEntry;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.VR;

/**
 * Walks the structure of a data set in one transfer syntax (PS3.5 Section 7) as its bytes
 * arrive, fed the same bytes that are written to the file, so that a received instance is
 * checked without being parsed a second time: element headers, sequences, items and
 * encapsulated pixel data are followed with the rules of
 * {@link io.github.dicomscu.data.DataSetReader}, values are skipped, and only the SOP
 * Class UID and SOP Instance UID of the top level are kept. A deflated data set is
 * inflated on the way, a buffer at a time.
 * <p>
 * Memory stays constant whatever the data set: nothing but the open sequences and items
 * are held, and sequences nest at most {@link DataSetReader#MAX_SEQUENCE_DEPTH} levels
 * deep, counted as the reader counts them, so that the scanner accepts exactly the
 * nesting the reader does. The first problem found is kept and the rest of the data
 * ignored. Not thread-safe: one scanner per received data set.
 */
final class DataSetScanner {

	private static final int ITEM = 0xFFFEE000;

	private static final int ITEM_DELIMITATION = 0xFFFEE00D;

	private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

	private static final int PIXEL_DATA = 0x7FE00010;

	private static final int SOP_CLASS_UID = 0x00080016;

	private static final int SOP_INSTANCE_UID = 0x00080018;

	private static final int DELIMITER_GROUP = 0xFFFE;

	private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

	private static final int MAX_UID_VALUE_LENGTH = 66;

	private static final int INFLATE_BUFFER = 64 * 1024;

	private final Encoding encoding;

	private final String unit;

	private final Deque<Frame> frames = new ArrayDeque<>();

	private int sequenceDepth;

	private final byte[] header = new byte[12];

	private int headerFilled;

	private int headerLength = 8;

	private long headerStart;

	private long position;

	private long skipping;

	private int capturedTag;

	private final byte[] captured = new byte[MAX_UID_VALUE_LENGTH];

	private int capturedLength;

	private long capturedValueLength;

	private String sopClassUid;

	private String sopInstanceUid;

	private String problem;

	private Inflater inflater;

	private byte[] inflated;

	private DataSetScanner(Encoding encoding) {
		this.encoding = encoding;
		this.unit = encoding.deflated() ? "inflated byte" : "byte";
		this.frames
			.push(new Frame(Kind.DATA_SET, -1, Long.MAX_VALUE, "data", encoding.explicitVr(), encoding.bigEndian()));
		if (encoding.deflated()) {
			this.inflater = new Inflater(true);
			this.inflated = new byte[INFLATE_BUFFER];
		}
	}

	/**
	 * Create a scanner for data sets in a transfer syntax; a syntax the codec does not
	 * know is taken for what every standard syntax other than the native and deflated
	 * ones is: Explicit VR Little Endian.
	 * @param transferSyntaxUid the transfer syntax UID
	 * @return the scanner
	 */
	static DataSetScanner forTransferSyntax(String transferSyntaxUid) {
		return new DataSetScanner(Encoding.of(transferSyntaxUid));
	}

	/**
	 * Return whether this scanner decodes data sets of a transfer syntax.
	 * @param transferSyntaxUid the transfer syntax UID
	 * @return {@code true} if the syntax has this scanner's encoding
	 */
	boolean decodes(String transferSyntaxUid) {
		return this.encoding.equals(Encoding.of(transferSyntaxUid));
	}

	/**
	 * Take the next bytes of the data set.
	 * @param bytes the bytes
	 * @param offset the offset of the first one
	 * @param length how many
	 */
	void update(byte[] bytes, int offset, int length) {
		if (this.problem != null) {
			return;
		}
		if (!this.encoding.deflated()) {
			scan(bytes, offset, length);
			return;
		}
		if (this.inflater == null || this.inflater.finished()) {
			return;
		}
		this.inflater.setInput(bytes, offset, length);
		try {
			while (this.problem == null) {
				int count = this.inflater.inflate(this.inflated);
				if (count > 0) {
					checkInflation();
					if (this.problem == null) {
						scan(this.inflated, 0, count);
					}
				}
				else if (this.inflater.needsDictionary()) {
					fail(this.position, "valid deflated data expected, found a preset dictionary");
				}
				else if (this.inflater.finished() || this.inflater.needsInput()) {
					return;
				}
			}
		}
		catch (DataFormatException ex) {
			fail(this.position, "valid deflated data expected: " + ex.getMessage());
		}
	}

	/**
	 * Apply the data set reader's limits to inflation, so that what the reader would
	 * refuse as a decompression bomb fails here too: the inflated length, and the ratio
	 * of inflated to deflated bytes past the allowance.
	 */
	private void checkInflation() {
		long inflatedLength = this.inflater.getBytesWritten();
		if (inflatedLength > DataSetReader.DEFAULT_MAX_INFLATED_LENGTH) {
			fail(this.position, "deflated data that inflates to at most " + DataSetReader.DEFAULT_MAX_INFLATED_LENGTH
					+ " bytes expected");
		}
		else if (inflatedLength > DataSetReader.INFLATION_RATIO_ALLOWANCE
				&& inflatedLength > this.inflater.getBytesRead() * DataSetReader.DEFAULT_MAX_INFLATION_RATIO) {
			fail(this.position, "deflated data that inflates at most " + DataSetReader.DEFAULT_MAX_INFLATION_RATIO
					+ " times expected");
		}
	}

	/**
	 * Note that the data set ended, checking that it ended where an element may end.
	 */
	void finish() {
		if (this.problem == null && this.encoding.deflated() && (this.inflater == null || !this.inflater.finished())) {
			fail(this.position, "more deflated data expected, found end of data");
		}
		if (this.problem == null && this.skipping > 0) {
			fail(this.position, "value runs past the end of the data (" + this.skipping + " bytes missing)");
		}
		if (this.problem == null && this.headerFilled > 0) {
			fail(this.headerStart,
					"data element header expected, found end of data (" + this.headerFilled + " bytes left)");
		}
		if (this.problem == null) {
			closeEndedFrames();
		}
		if (this.problem == null && this.frames.size() > 1) {
			fail(this.position, this.frames.peek().kind.expected() + " expected, found end of data");
		}
		release();
	}

	/**
	 * Free the inflater, if any; a scanner of deflated data takes no more bytes
	 * afterwards.
	 */
	void release() {
		if (this.inflater != null) {
			this.inflater.end();
			this.inflater = null;
		}
	}

	/**
	 * Return the first problem found, naming its offset, or {@code null}.
	 * @return the problem
	 */
	String problem() {
		return this.problem;
	}

	/**
	 * Return how many bytes of data set were scanned, inflated ones where deflated.
	 * @return the byte count
	 */
	long length() {
		return this.position;
	}

	/**
	 * Return the SOP Class UID (0008,0016) of the top level, with its padding removed and
	 * anything unprintable escaped.
	 * @return the UID, or {@code null} if there is none
	 */
	String sopClassUid() {
		return this.sopClassUid;
	}

	/**
	 * Return the SOP Instance UID (0008,0018) of the top level, with its padding removed
	 * and anything unprintable escaped.
	 * @return the UID, or {@code null} if there is none
	 */
	String sopInstanceUid() {
		return this.sopInstanceUid;
	}

	private void scan(byte[] bytes, int offset, int length) {
		int at = offset;
		int end = offset + length;
		while (at < end && this.problem == null) {
			if (this.skipping > 0) {
				int count = (int) Math.min(this.skipping, end - at);
				if (this.capturedTag != 0) {
					capture(bytes, at, count);
				}
				at += count;
				this.position += count;
				this.skipping -= count;
				if (this.skipping == 0 && this.capturedTag != 0) {
					endCapture();
				}
				continue;
			}
			if (this.headerFilled == 0) {
				closeEndedFrames();
				this.headerStart = this.position;
				checkRoomForHeader(8);
				if (this.problem != null) {
					return;
				}
			}
			int count = Math.min(this.headerLength - this.headerFilled, end - at);
			System.arraycopy(bytes, at, this.header, this.headerFilled, count);
			this.headerFilled += count;
			at += count;
			this.position += count;
			if (this.headerFilled == this.headerLength) {
				onHeader();
			}
		}
	}

	private void onHeader() {
		Frame frame = this.frames.peek();
		if (frame.kind.holdsElements()) {
			onElementHeader(frame);
		}
		else {
			onItemHeader(frame);
		}
		if (this.headerFilled == this.headerLength) {
			this.headerFilled = 0;
			this.headerLength = 8;
		}
	}

	private void onElementHeader(Frame frame) {
		int tag = tag(frame.bigEndian);
		if (tag == ITEM_DELIMITATION && frame.kind == Kind.UNDEFINED_ITEM) {
			close();
			return;
		}
		if (Tag.group(tag) == DELIMITER_GROUP) {
			fail(this.headerStart, "data element expected, found " + Tag.describe(tag));
			return;
		}
		boolean sequence;
		boolean unknown;
		long length;
		if (frame.explicitVr) {
			VR vr = VR.find(this.header[4] & 0xFF, this.header[5] & 0xFF);
			if (vr == null) {
				fail(this.headerStart, String.format("VR expected for %s, found bytes 0x%02X 0x%02X", Tag.toString(tag),
						this.header[4] & 0xFF, this.header[5] & 0xFF));
				return;
			}
			if (vr.explicitHeaderLength() == 12 && this.headerLength == 8) {
				this.headerLength = 12;
				checkRoomForHeader(12);
				return;
			}
			sequence = vr == VR.SQ;
			unknown = vr == VR.UN;
			length = (this.headerLength == 12) ? unsignedInt(8, frame.bigEndian) : unsignedShort(6, frame.bigEndian);
		}
		else {
			sequence = isImplicitSequence(tag);
			unknown = false;
			length = unsignedInt(4, frame.bigEndian);
		}
		if (length == UNDEFINED_LENGTH) {
			if (sequence || unknown || (!frame.explicitVr && tag != PIXEL_DATA)) {
				openSequence(tag, new Frame(Kind.UNDEFINED_SEQUENCE, -1, frame.bound, "sequence",
						frame.explicitVr && !unknown, frame.bigEndian && !unknown));
			}
			else if (tag == PIXEL_DATA) {
				this.frames
					.push(new Frame(Kind.FRAGMENTS, -1, frame.bound, "pixel data", frame.explicitVr, frame.bigEndian));
			}
			else {
				fail(this.headerStart, "defined length expected for " + Tag.toString(tag)
						+ " (undefined length is only allowed for SQ, UN and Pixel Data)");
			}
			return;
		}
		if (!fits("value length " + length + " of " + Tag.toString(tag), length, frame)) {
			return;
		}
		if (sequence) {
			openSequence(tag, new Frame(Kind.DEFINED_SEQUENCE, this.position + length, this.position + length,
					"sequence", frame.explicitVr, frame.bigEndian));
			return;
		}
		this.skipping = length;
		if (frame.kind == Kind.DATA_SET && (tag == SOP_CLASS_UID || tag == SOP_INSTANCE_UID)) {
			this.capturedTag = tag;
			this.capturedLength = 0;
			this.capturedValueLength = length;
			if (length == 0) {
				endCapture();
			}
		}
	}

	private void onItemHeader(Frame frame) {
		int tag = tag(frame.bigEndian);
		long length = unsignedInt(4, frame.bigEndian);
		if (tag == SEQUENCE_DELIMITATION
				&& (frame.kind == Kind.UNDEFINED_SEQUENCE || (frame.kind == Kind.FRAGMENTS && frame.sawItem))) {
			close();
			return;
		}
		if (tag != ITEM) {
			fail(this.headerStart, frame.kind.expected() + " expected, found " + Tag.describe(tag));
			return;
		}
		if (frame.kind == Kind.FRAGMENTS) {
			if (length == UNDEFINED_LENGTH) {
				fail(this.headerStart, "defined length expected for an item of encapsulated pixel data");
			}
			else if (fits("fragment length " + length, length, frame)) {
				frame.sawItem = true;
				this.skipping = length;
			}
			return;
		}
		if (length == UNDEFINED_LENGTH) {
			this.frames
				.push(new Frame(Kind.UNDEFINED_ITEM, -1, frame.bound, frame.name, frame.explicitVr, frame.bigEndian));
		}
		else if (fits("item length " + length, length, frame)) {
			this.frames.push(new Frame(Kind.DEFINED_ITEM, this.position + length, this.position + length, "item",
					frame.explicitVr, frame.bigEndian));
		}
	}

	/**
	 * Open a sequence one level deeper than the data set it is in, as
	 * {@link DataSetReader} counts them: items and fragment lists add no level.
	 */
	private void openSequence(int tag, Frame frame) {
		if (this.sequenceDepth == DataSetReader.MAX_SEQUENCE_DEPTH) {
			fail(this.headerStart, "sequence " + Tag.toString(tag) + " nests deeper than the limit of "
					+ DataSetReader.MAX_SEQUENCE_DEPTH + " levels");
			return;
		}
		this.sequenceDepth++;
		this.frames.push(frame);
	}

	private void close() {
		if (this.frames.pop().kind.isSequence()) {
			this.sequenceDepth--;
		}
	}

	private void closeEndedFrames() {
		while (this.frames.peek().end >= 0 && this.position >= this.frames.peek().end) {
			close();
		}
	}

	private void checkRoomForHeader(int length) {
		Frame frame = this.frames.peek();
		long left = frame.bound - this.headerStart;
		if (left < length) {
			fail(this.headerStart, length + "-byte " + frame.kind.header() + " expected, only " + left
					+ " bytes left in the " + frame.name);
		}
	}

	private boolean fits(String subject, long length, Frame frame) {
		long left = frame.bound - this.position;
		if (length > left) {
			fail(this.headerStart, subject + " runs past the end of the " + frame.name + " (" + left + " bytes left)");
			return false;
		}
		return true;
	}

	private void capture(byte[] bytes, int at, int count) {
		int room = Math.min(count, this.captured.length - this.capturedLength);
		System.arraycopy(bytes, at, this.captured, this.capturedLength, room);
		this.capturedLength += room;
	}

	private void endCapture() {
		String uid = (this.capturedValueLength > MAX_UID_VALUE_LENGTH)
				? "(a value of " + this.capturedValueLength + " bytes)" : printable();
		if (this.capturedTag == SOP_CLASS_UID) {
			this.sopClassUid = uid;
		}
		else {
			this.sopInstanceUid = uid;
		}
		this.capturedTag = 0;
	}

	/**
	 * Return the captured value without its trailing padding, made printable.
	 */
	private String printable() {
		int end = this.capturedLength;
		while (end > 0 && (this.captured[end - 1] == 0 || this.captured[end - 1] == ' ')) {
			end--;
		}
		return PrintableText.escape(new String(this.captured, 0, end, StandardCharsets.ISO_8859_1));
	}

	private void fail(long offset, String problem) {
		if (this.problem == null) {
			this.problem = "at " + this.unit + " " + offset + ": " + problem;
		}
	}

	private int tag(boolean bigEndian) {
		return (unsignedShort(0, bigEndian) << 16) | unsignedShort(2, bigEndian);
	}

	private int unsignedShort(int at, boolean bigEndian) {
		int first = this.header[at] & 0xFF;
		int second = this.header[at + 1] & 0xFF;
		return bigEndian ? (first << 8) | second : (second << 8) | first;
	}

	private long unsignedInt(int at, boolean bigEndian) {
		long first = unsignedShort(at, bigEndian);
		long second = unsignedShort(at + 2, bigEndian);
		return bigEndian ? (first << 16) | second : (second << 16) | first;
	}

	/**
	 * Return whether an element in Implicit VR is a sequence: a standard attribute the
	 * dictionary gives the VR SQ, as {@link io.github.dicomscu.data.DataSetReader} reads
	 * it.
	 */
	private static boolean isImplicitSequence(int tag) {
		if (Tag.element(tag) == 0 || Tag.isPrivate(tag)) {
			return false;
		}
		TagEntry entry = TagDictionary.forTag(tag).orElse(null);
		return entry != null && entry.vr() == VR.SQ && !entry.vrs().contains("OW");
	}

	/**
	 * The byte-level encoding of a transfer syntax.
	 */
	private record Encoding(boolean explicitVr, boolean bigEndian, boolean deflated) {

		static Encoding of(String transferSyntaxUid) {
			try {
				TransferSyntax syntax = TransferSyntax.of(transferSyntaxUid);
				return new Encoding(syntax.isExplicitVr(), syntax.isBigEndian(), syntax.isDeflated());
			}
			catch (IllegalArgumentException ex) {
				return new Encoding(true, false, false);
			}
		}

	}

	/**
	 * What an open container holds.
	 */
	private enum Kind {

		DATA_SET, DEFINED_ITEM, UNDEFINED_ITEM, DEFINED_SEQUENCE, UNDEFINED_SEQUENCE, FRAGMENTS;

		boolean holdsElements() {
			return this == DATA_SET || this == DEFINED_ITEM || this == UNDEFINED_ITEM;
		}

		boolean isSequence() {
			return this == DEFINED_SEQUENCE || this == UNDEFINED_SEQUENCE;
		}

		String header() {
			return holdsElements() ? "data element header" : "item header";
		}

		String expected() {
			return switch (this) {
				case DATA_SET, DEFINED_ITEM -> "data element";
				case UNDEFINED_ITEM -> "data element or item delimitation (FFFE,E00D)";
				case DEFINED_SEQUENCE -> "item tag (FFFE,E000)";
				case UNDEFINED_SEQUENCE -> "item tag (FFFE,E000) or sequence delimitation (FFFE,E0DD)";
				case FRAGMENTS ->
					"item tag (FFFE,E000) or sequence delimitation (FFFE,E0DD) of encapsulated pixel data";
			};
		}

	}

	/**
	 * An open data set, item, sequence or list of fragments: where it ends if its length
	 * is defined ({@code -1} otherwise), the end of the innermost container with a
	 * defined length, and the encoding inside it.
	 */
	private static final class Frame {

		private final Kind kind;

		private final long end;

		private final long bound;

		private final String name;

		private final boolean explicitVr;

		private final boolean bigEndian;

		private boolean sawItem;

		Frame(Kind kind, long end, long bound, String name, boolean explicitVr, boolean bigEndian) {
			this.kind = kind;
			this.end = end;
			this.bound = bound;
			this.name = name;
			this.explicitVr = explicitVr;
			this.bigEndian = bigEndian;
		}

	}

}
