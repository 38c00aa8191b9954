package io.github.dicomscu.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads a DICOM data set encoded in a given transfer syntax (PS3.5 Section 7), from a
 * stream, a byte array or a file.
 * <p>
 * Sequences and items of defined and undefined length are read; an undefined-length UN
 * element in an explicit VR syntax is read as a sequence in Implicit VR Little Endian
 * (PS3.5 Section 6.2.2). In Implicit VR the VR comes from the dictionary: UN for unknown
 * and private attributes (LO for private creators), OW where the dictionary allows OW
 * (Pixel Data, Overlay Data, LUT Data), SS for "US or SS" attributes once Pixel
 * Representation (0028,0103) in the same data set is 1, else the first VR the dictionary
 * lists. Encapsulated Pixel Data becomes {@link Fragments}. Group length elements
 * (gggg,0000) are dropped: they are retired and become wrong as soon as the data set
 * changes.
 * <p>
 * Reading from a file keeps OB, OD, OF, OL, OV, OW and UN values and pixel data fragments
 * of at least {@link #setBulkDataThreshold(long) the bulk data threshold} as
 * {@link BulkDataReference}s without reading them, so a file of several gigabytes needs
 * little heap. Values from a stream are read in chunks, so a forged length cannot make
 * the reader allocate more than twice the bytes actually present. Malformed input fails
 * with a {@link DicomParseException} naming the offset and what was expected there.
 * <p>
 * Hostile input is bounded: sequences nest at most {@value #MAX_SEQUENCE_DEPTH} levels
 * deep, and a deflated data set inflates to at most {@link #setMaxInflatedLength(long) a
 * maximum length} and at most {@link #setMaxInflationRatio(int) a maximum ratio} times
 * its deflated length (checked once more than 1 MiB is inflated); past any limit the read
 * fails with a {@link DicomParseException}, as it does for deflated data that cannot be
 * inflated.
 * <p>
 * A reader holds only its settings; it is thread-safe once configured.
 */
public final class DataSetReader {

	/** The default bulk data threshold, 64 KiB. */
	public static final long DEFAULT_BULK_DATA_THRESHOLD = 64 * 1024;

	/**
	 * The deepest nesting of sequences read, the one definition of depth for every reader
	 * of received data: a sequence of the top level is at depth 1, a sequence in one of
	 * its items at depth 2, and so on; items and encapsulated pixel data add no level,
	 * and an element read as a sequence (an undefined-length UN) counts as one.
	 */
	public static final int MAX_SEQUENCE_DEPTH = 64;

	/** The default maximum length of an inflated data set, 256 MiB. */
	public static final long DEFAULT_MAX_INFLATED_LENGTH = 256L * 1024 * 1024;

	/** The default maximum ratio of inflated to deflated bytes, 100. */
	public static final int DEFAULT_MAX_INFLATION_RATIO = 100;

	/** The inflated length up to which the inflation ratio is not checked, 1 MiB. */
	public static final long INFLATION_RATIO_ALLOWANCE = 1024 * 1024;

	static final int ITEM = 0xFFFEE000;

	static final int ITEM_DELIMITATION = 0xFFFEE00D;

	static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

	static final int PIXEL_DATA = 0x7FE00010;

	static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

	private static final int PIXEL_REPRESENTATION = 0x00280103;

	private static final int SOP_CLASS_UID = 0x00080016;

	private static final int SOP_INSTANCE_UID = 0x00080018;

	private static final int MAX_UID_LENGTH = 64;

	private static final int FILE_META_GROUP = 0x0002;

	private static final int FIRST_CHUNK = 1024 * 1024;

	private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	private static final int INFLATE_BUFFER = 64 * 1024;

	private static final Encoding IMPLICIT_LITTLE_ENDIAN = new Encoding(false, false);

	private final TransferSyntax transferSyntax;

	private volatile long bulkDataThreshold = DEFAULT_BULK_DATA_THRESHOLD;

	private volatile long maxInflatedLength = DEFAULT_MAX_INFLATED_LENGTH;

	private volatile int maxInflationRatio = DEFAULT_MAX_INFLATION_RATIO;

	/**
	 * Create a reader for data sets in a transfer syntax.
	 * @param transferSyntax the transfer syntax
	 */
	public DataSetReader(TransferSyntax transferSyntax) {
		this.transferSyntax = transferSyntax;
	}

	/**
	 * Return the transfer syntax this reader decodes.
	 * @return the transfer syntax
	 */
	public TransferSyntax getTransferSyntax() {
		return this.transferSyntax;
	}

	/**
	 * Set the length from which values read from a file stay in the file as
	 * {@link BulkDataReference}s. Has no effect on streams and deflated data.
	 * @param bulkDataThreshold the length in bytes; {@link Long#MAX_VALUE} to read
	 * everything into memory
	 */
	public void setBulkDataThreshold(long bulkDataThreshold) {
		if (bulkDataThreshold < 0) {
			throw new IllegalArgumentException("Bulk data threshold must not be negative");
		}
		this.bulkDataThreshold = bulkDataThreshold;
	}

	/**
	 * Return the length from which values read from a file stay in the file.
	 * @return the threshold in bytes
	 */
	public long getBulkDataThreshold() {
		return this.bulkDataThreshold;
	}

	/**
	 * Set the most bytes a deflated data set may inflate to.
	 * @param maxInflatedLength the length in bytes, at least 1
	 */
	public void setMaxInflatedLength(long maxInflatedLength) {
		if (maxInflatedLength < 1) {
			throw new IllegalArgumentException("Maximum inflated length must be positive");
		}
		this.maxInflatedLength = maxInflatedLength;
	}

	/**
	 * Return the most bytes a deflated data set may inflate to.
	 * @return the length in bytes
	 */
	public long getMaxInflatedLength() {
		return this.maxInflatedLength;
	}

	/**
	 * Set the most inflated bytes per deflated byte, checked once more than 1 MiB is
	 * inflated. Deflate itself reaches about 1032.
	 * @param maxInflationRatio the ratio, at least 1
	 */
	public void setMaxInflationRatio(int maxInflationRatio) {
		if (maxInflationRatio < 1) {
			throw new IllegalArgumentException("Maximum inflation ratio must be positive");
		}
		this.maxInflationRatio = maxInflationRatio;
	}

	/**
	 * Return the most inflated bytes per deflated byte.
	 * @return the ratio
	 */
	public int getMaxInflationRatio() {
		return this.maxInflationRatio;
	}

	/**
	 * Read a data set that fills the rest of a stream. All values are read into memory.
	 * @param in the stream, not closed
	 * @return the data set
	 * @throws DicomParseException if the bytes are not a valid data set; offsets count
	 * from the first byte read
	 * @throws IOException if reading fails
	 */
	public DataSet read(InputStream in) throws IOException {
		return read(DicomInput.ofStream(in, "byte"), null);
	}

	/**
	 * Read a data set that fills a byte array.
	 * @param encoded the encoded data set
	 * @return the data set
	 * @throws DicomParseException if the bytes are not a valid data set
	 */
	public DataSet read(byte[] encoded) throws DicomParseException {
		try {
			return read(DicomInput.ofStream(new ByteArrayInputStream(encoded), encoded.length), null);
		}
		catch (DicomParseException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Reading a byte array failed", ex);
		}
	}

	/**
	 * Read a data set that fills a file from an offset to its end. Large values stay in
	 * the file (see {@link #setBulkDataThreshold(long)}).
	 * @param file the file
	 * @param offset the offset of the data set in the file
	 * @return the data set
	 * @throws DicomParseException if the bytes are not a valid data set; offsets count
	 * from the start of the file
	 * @throws IOException if reading fails
	 */
	public DataSet read(Path file, long offset) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			return read(DicomInput.ofChannel(channel, offset), file.toAbsolutePath());
		}
	}

	/**
	 * Read a data set from the rest of an input.
	 * @param in the input
	 * @param file the file the input reads, for bulk data references, or {@code null}
	 * @return the data set
	 * @throws IOException if the data set is malformed or reading fails
	 */
	DataSet read(DicomInput in, Path file) throws IOException {
		return parse(in, file, true);
	}

	/**
	 * Walk a data set from the rest of an input to its end, element header by element
	 * header, skipping values: a file channel seeks over them, a deflated data set is
	 * inflated without keeping them. Only the top-level SOP Class UID (0008,0016) and SOP
	 * Instance UID (0008,0018) are read, when their values fit a UID.
	 * @param in the input
	 * @return a data set with only those of the two UIDs that were found (and the empty
	 * structure of sequences)
	 * @throws IOException if the data set is malformed or reading fails
	 */
	DataSet scan(DicomInput in) throws IOException {
		return parse(in, null, false);
	}

	private DataSet parse(DicomInput in, Path file, boolean values) throws IOException {
		if (!this.transferSyntax.isDeflated()) {
			return new Parse(in, file, this.bulkDataThreshold, values).topLevel(encodingOf(this.transferSyntax));
		}
		Inflater inflater = new Inflater(true);
		try {
			DicomInput inflated = DicomInput.ofStream(new BoundedInflaterInputStream(in.remainder(), inflater,
					INFLATE_BUFFER, this.maxInflatedLength, this.maxInflationRatio), "inflated byte");
			try {
				return new Parse(inflated, null, Long.MAX_VALUE, values).topLevel(encodingOf(this.transferSyntax));
			}
			catch (ZipException ex) {
				throw inflated.error(inflated.position(), "valid deflated data expected: " + ex.getMessage());
			}
			catch (EOFException ex) {
				throw inflated.error(inflated.position(), "more deflated data expected, found end of data");
			}
		}
		finally {
			inflater.end();
		}
	}

	/**
	 * Read the File Meta Information group (0002) in Explicit VR Little Endian: up to the
	 * end given by File Meta Information Group Length (0002,0000) if it comes first,
	 * otherwise up to the first element of another group.
	 * @param in the input, positioned after the "DICM" prefix
	 * @return the file meta information, without the group length
	 * @throws IOException if it is malformed or reading fails
	 */
	static DataSet readFileMeta(DicomInput in) throws IOException {
		return new Parse(in, null, Long.MAX_VALUE, true).fileMeta();
	}

	private static Encoding encodingOf(TransferSyntax transferSyntax) {
		return new Encoding(transferSyntax.isExplicitVr(), transferSyntax.isBigEndian());
	}

	/**
	 * Return the VR of an element in Implicit VR, as described on the class.
	 */
	private static VR implicitVr(int tag, DataSet dataSet) {
		int element = Tag.element(tag);
		if (element == 0) {
			return VR.UL;
		}
		if (Tag.isPrivate(tag)) {
			return (element >= 0x0010 && element <= 0x00FF) ? VR.LO : VR.UN;
		}
		TagEntry entry = TagDictionary.forTag(tag).orElse(null);
		if (entry == null || entry.vr() == null) {
			return VR.UN;
		}
		String choices = entry.vrs();
		if (choices.contains("OW")) {
			return VR.OW;
		}
		if (choices.equals("US or SS") && dataSet.getInt(PIXEL_REPRESENTATION, 0) == 1) {
			return VR.SS;
		}
		return entry.vr();
	}

	private static boolean isBulkDataVr(VR vr) {
		return switch (vr) {
			case OB, OD, OF, OL, OV, OW, UN -> true;
			default -> false;
		};
	}

	/**
	 * The byte-level encoding in force: a data set can switch to Implicit VR Little
	 * Endian inside an undefined-length UN element.
	 */
	private record Encoding(boolean explicitVr, boolean bigEndian) {

		ByteOrder byteOrder() {
			return this.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		}

	}

	/**
	 * The end of the innermost container with a known end, and its name for messages.
	 */
	private record Bound(long end, String name) {

		long left(long position) {
			return this.end - position;
		}

	}

	/**
	 * Where a data set sits, which decides how it ends.
	 */
	private enum Scope {

		TOP_LEVEL, DEFINED_ITEM, UNDEFINED_ITEM, FILE_META

	}

	/**
	 * The state of one read.
	 */
	private static final class Parse {

		private final DicomInput in;

		private final Path file;

		private final long bulkDataThreshold;

		private final boolean values;

		private int depth;

		Parse(DicomInput in, Path file, long bulkDataThreshold, boolean values) {
			this.in = in;
			this.file = file;
			this.bulkDataThreshold = bulkDataThreshold;
			this.values = values;
		}

		DataSet topLevel(Encoding encoding) throws IOException {
			long remaining = this.in.remaining();
			Bound bound = new Bound((remaining < 0) ? Long.MAX_VALUE : this.in.position() + remaining, "data");
			DataSet dataSet = new DataSet();
			readDataSet(dataSet, encoding, Scope.TOP_LEVEL, -1, bound);
			return dataSet;
		}

		DataSet fileMeta() throws IOException {
			Encoding encoding = new Encoding(true, false);
			long remaining = this.in.remaining();
			Bound bound = new Bound((remaining < 0) ? Long.MAX_VALUE : this.in.position() + remaining, "data");
			long at = this.in.position();
			long end = -1;
			if (this.in.fill(12) == 12 && this.in.peekTag(0, false) == FileMetaInformation.TAG_GROUP_LENGTH
					&& this.in.peekUnsignedShort(4, true) == VR.UL.code() && this.in.peekUnsignedShort(6, false) == 4) {
				long groupLength = this.in.peekInt(8, false) & UNDEFINED_LENGTH;
				this.in.consume(12);
				if (groupLength > bound.left(this.in.position())) {
					throw this.in.error(at, "File Meta Information Group Length " + groupLength
							+ " runs past the end of the data (" + bound.left(this.in.position()) + " bytes left)");
				}
				end = this.in.position() + groupLength;
				bound = new Bound(end, "file meta information");
			}
			DataSet meta = new DataSet();
			readDataSet(meta, encoding, Scope.FILE_META, end, bound);
			return meta;
		}

		/**
		 * Read the elements of a data set up to {@code end} (for defined-length items and
		 * file meta information with a group length), to an item delimitation (undefined
		 * length items), to the end of the input (top level), or to the first element of
		 * another group (file meta information without a group length).
		 */
		private void readDataSet(DataSet dataSet, Encoding encoding, Scope scope, long end, Bound bound)
				throws IOException {
			boolean bigEndian = encoding.bigEndian();
			while (true) {
				long at = this.in.position();
				if (end >= 0 && at >= end) {
					return;
				}
				int available = this.in.fill(8);
				if (available == 0 && (scope == Scope.TOP_LEVEL || (scope == Scope.FILE_META && end < 0))) {
					return;
				}
				if (end >= 0 && end - at < 8) {
					throw this.in.error(at,
							"data element header expected, only " + (end - at) + " bytes left in the " + bound.name());
				}
				if (available < 8) {
					throw this.in.error(at,
							((scope == Scope.UNDEFINED_ITEM) ? "data element or item delimitation (FFFE,E00D) expected"
									: "data element header expected") + ", found end of data"
									+ ((available > 0) ? " (" + available + " bytes left)" : ""));
				}
				int tag = this.in.peekTag(0, bigEndian);
				if (scope == Scope.FILE_META && end < 0 && Tag.group(tag) != FILE_META_GROUP) {
					return;
				}
				if (tag == ITEM_DELIMITATION && scope == Scope.UNDEFINED_ITEM) {
					this.in.consume(8);
					return;
				}
				if (Tag.group(tag) == 0xFFFE) {
					throw this.in.error(at, "data element expected, found " + Tag.describe(tag));
				}
				if (scope == Scope.FILE_META && Tag.group(tag) != FILE_META_GROUP) {
					throw this.in.error(at,
							"file meta information element (0002,xxxx) expected, found " + Tag.toString(tag));
				}
				readElement(dataSet, tag, at, encoding, end, bound);
			}
		}

		private void readElement(DataSet dataSet, int tag, long at, Encoding encoding, long end, Bound bound)
				throws IOException {
			boolean bigEndian = encoding.bigEndian();
			VR vr;
			long length;
			int headerLength = 8;
			if (encoding.explicitVr()) {
				int first = this.in.peekByte(4);
				int second = this.in.peekByte(5);
				vr = VR.find(first, second);
				if (vr == null) {
					throw this.in.error(at, String.format("VR expected for %s, found bytes 0x%02X 0x%02X",
							Tag.toString(tag), first, second));
				}
				if (vr.explicitHeaderLength() == 12) {
					headerLength = 12;
					if ((end >= 0 && end - at < 12) || this.in.fill(12) < 12) {
						throw this.in.error(at, "12-byte header of " + Tag.toString(tag) + " with VR " + vr
								+ " expected, found end of " + ((end >= 0) ? bound.name() : "data"));
					}
					length = this.in.peekInt(8, bigEndian) & UNDEFINED_LENGTH;
				}
				else {
					length = this.in.peekUnsignedShort(6, bigEndian);
				}
			}
			else {
				vr = implicitVr(tag, dataSet);
				length = this.in.peekInt(4, bigEndian) & UNDEFINED_LENGTH;
			}
			this.in.consume(headerLength);
			if (length == UNDEFINED_LENGTH) {
				readUndefinedLength(dataSet, tag, vr, at, encoding, bound);
				return;
			}
			long valueStart = this.in.position();
			checkFits(at, "value length " + length + " of " + Tag.toString(tag), length, valueStart, bound);
			if (vr == VR.SQ) {
				Bound sequence = new Bound(valueStart + length, "sequence");
				dataSet.set(Attribute.ofSequence(tag, readSequence(tag, at, encoding, sequence.end(), sequence)));
			}
			else if (Tag.element(tag) == 0 || (!this.values && !isTopLevelSopUid(tag, length))) {
				skipValue(at, tag, length);
			}
			else if (this.file != null && length >= this.bulkDataThreshold && isBulkDataVr(vr)) {
				dataSet.set(Attribute.ofBulkData(tag, vr,
						new BulkDataReference(this.file, valueStart, length, encoding.byteOrder())));
				skipValue(at, tag, length);
			}
			else {
				byte[] value = readValue(at, "value length " + length + " of " + Tag.toString(tag), length);
				if (bigEndian) {
					NumericValue.swap(value, 0, value.length, NumericValue.unitSize(vr));
				}
				dataSet.set(Attribute.of(tag, vr, value));
			}
		}

		private boolean isTopLevelSopUid(int tag, long length) {
			return this.depth == 0 && (tag == SOP_CLASS_UID || tag == SOP_INSTANCE_UID) && length <= MAX_UID_LENGTH;
		}

		private void readUndefinedLength(DataSet dataSet, int tag, VR vr, long at, Encoding encoding, Bound bound)
				throws IOException {
			if (vr == VR.SQ || (vr == VR.UN && encoding.explicitVr())
					|| (!encoding.explicitVr() && tag != PIXEL_DATA)) {
				Encoding items = (vr == VR.UN && encoding.explicitVr()) ? IMPLICIT_LITTLE_ENDIAN : encoding;
				dataSet.set(Attribute.ofSequence(tag, readSequence(tag, at, items, -1, bound)));
			}
			else if (tag == PIXEL_DATA) {
				dataSet.set(Attribute.ofFragments(tag, readFragments(encoding, bound)));
			}
			else {
				throw this.in.error(at, "defined length expected for " + Tag.toString(tag) + " with VR " + vr
						+ " (undefined length is only allowed for SQ, UN and Pixel Data)");
			}
		}

		/**
		 * Read the items of a sequence one level deeper than the data set it is in.
		 */
		private List<DataSet> readSequence(int tag, long at, Encoding encoding, long end, Bound bound)
				throws IOException {
			if (this.depth == MAX_SEQUENCE_DEPTH) {
				throw this.in.error(at, "sequence " + Tag.toString(tag) + " nests deeper than the limit of "
						+ MAX_SEQUENCE_DEPTH + " levels");
			}
			this.depth++;
			try {
				return readItems(encoding, end, bound);
			}
			finally {
				this.depth--;
			}
		}

		/**
		 * Read items up to {@code end} (defined-length sequence) or to a sequence
		 * delimitation (undefined length, {@code end} -1).
		 */
		private List<DataSet> readItems(Encoding encoding, long end, Bound bound) throws IOException {
			List<DataSet> items = new ArrayList<>();
			while (true) {
				long at = this.in.position();
				if (end >= 0 && at >= end) {
					return items;
				}
				int available = this.in.fill(8);
				if (end >= 0 && end - at < 8) {
					throw this.in.error(at,
							"item tag (FFFE,E000) expected, only " + (end - at) + " bytes left in the " + bound.name());
				}
				if (available < 8) {
					throw this.in.error(at,
							"item tag (FFFE,E000)" + ((end < 0) ? " or sequence delimitation (FFFE,E0DD)" : "")
									+ " expected, found end of data"
									+ ((available > 0) ? " (" + available + " bytes left)" : ""));
				}
				int tag = this.in.peekTag(0, encoding.bigEndian());
				long length = this.in.peekInt(4, encoding.bigEndian()) & UNDEFINED_LENGTH;
				if (tag == SEQUENCE_DELIMITATION && end < 0) {
					this.in.consume(8);
					return items;
				}
				if (tag != ITEM) {
					throw this.in.error(at, "item tag (FFFE,E000) expected, found " + Tag.describe(tag));
				}
				this.in.consume(8);
				DataSet item = new DataSet();
				if (length == UNDEFINED_LENGTH) {
					readDataSet(item, encoding, Scope.UNDEFINED_ITEM, -1, bound);
				}
				else {
					long start = this.in.position();
					checkFits(at, "item length " + length, length, start, bound);
					Bound itemBound = new Bound(start + length, "item");
					readDataSet(item, encoding, Scope.DEFINED_ITEM, itemBound.end(), itemBound);
				}
				items.add(item);
			}
		}

		private Fragments readFragments(Encoding encoding, Bound bound) throws IOException {
			Fragments fragments = this.values ? null : new Fragments(null);
			boolean first = true;
			while (true) {
				long at = this.in.position();
				int available = this.in.fill(8);
				if (available < 8) {
					throw this.in.error(at,
							"item tag (FFFE,E000) or sequence delimitation (FFFE,E0DD) of encapsulated "
									+ "pixel data expected, found end of data"
									+ ((available > 0) ? " (" + available + " bytes left)" : ""));
				}
				int tag = this.in.peekTag(0, encoding.bigEndian());
				long length = this.in.peekInt(4, encoding.bigEndian()) & UNDEFINED_LENGTH;
				if (tag == SEQUENCE_DELIMITATION && !first) {
					this.in.consume(8);
					return fragments;
				}
				if (tag != ITEM) {
					throw this.in.error(at,
							"item tag (FFFE,E000) of encapsulated pixel data expected, found " + Tag.describe(tag));
				}
				if (length == UNDEFINED_LENGTH) {
					throw this.in.error(at, "defined length expected for an item of encapsulated pixel data");
				}
				this.in.consume(8);
				long start = this.in.position();
				String subject = (first ? "basic offset table" : "fragment") + " length " + length;
				checkFits(at, subject, length, start, bound);
				if (!this.values) {
					skipValue(at, ITEM, length);
				}
				else if (first) {
					fragments = new Fragments(readValue(at, subject, length));
				}
				else if (this.file != null && length >= this.bulkDataThreshold) {
					fragments.add(new BulkDataReference(this.file, start, length, ByteOrder.LITTLE_ENDIAN));
					skipValue(at, ITEM, length);
				}
				else {
					fragments.add(readValue(at, subject, length));
				}
				first = false;
			}
		}

		private void checkFits(long at, String subject, long length, long start, Bound bound)
				throws DicomParseException {
			if (length > bound.left(start)) {
				throw this.in.error(at, subject + " runs past the end of the " + bound.name() + " (" + bound.left(start)
						+ " bytes left)");
			}
		}

		private byte[] readValue(long at, String subject, long length) throws IOException {
			if (length > MAX_ARRAY_LENGTH) {
				throw this.in.error(at, subject + " is too large to hold in memory; read the data set from a file "
						+ "to keep large values there");
			}
			int size = (int) length;
			byte[] value = new byte[(this.in.remaining() >= 0) ? size : Math.min(size, FIRST_CHUNK)];
			int filled = 0;
			while (true) {
				int read = this.in.read(value, filled, value.length - filled);
				filled += read;
				if (filled < value.length) {
					throw this.in.error(at, subject + " runs past the end of the data (" + filled + " bytes left)");
				}
				if (filled == size) {
					return value;
				}
				value = Arrays.copyOf(value, (int) Math.min(size, 2L * value.length));
			}
		}

		private void skipValue(long at, int tag, long length) throws IOException {
			long skipped = this.in.skip(length);
			if (skipped < length) {
				throw this.in.error(at, "value length " + length + " of " + Tag.toString(tag)
						+ " runs past the end of the data (" + skipped + " bytes left)");
			}
		}

	}

}
