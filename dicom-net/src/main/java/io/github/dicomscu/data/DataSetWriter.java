package io.github.dicomscu.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a {@link DataSet} in a transfer syntax (PS3.5 Section 7): Implicit VR Little
 * Endian, Explicit VR Little or Big Endian, Deflated Explicit VR Little Endian, or an
 * encapsulated syntax (Explicit VR Little Endian with the pixel data as
 * {@link Fragments}).
 * <p>
 * Sequences and their items are always written with undefined length and delimitation
 * items; encapsulated pixel data as a basic offset table and fragments passed through
 * byte for byte. Values are padded to even length, and swapped to big endian per VR (OW,
 * US, SS, AT by 16 bits; UL, SL, FL, OF, OL by 32; FD, OD, OV, SV, UV by 64) for Explicit
 * VR Big Endian. Bulk data is streamed from its file through a 64 KiB buffer, never held
 * whole. Group length elements (gggg,0000) and File Meta Information (group 0002) are not
 * written: the first are retired, the second belongs to the Part 10 header written by
 * {@link DicomFile}.
 * <p>
 * A writer holds only its settings and is thread-safe.
 */
public final class DataSetWriter {

	private static final int BUFFER_SIZE = 64 * 1024;

	private static final int FILE_META_GROUP = 0x0002;

	private static final long MAX_SHORT_LENGTH = 0xFFFF;

	private static final long MAX_LENGTH = 0xFFFFFFFEL;

	private final TransferSyntax transferSyntax;

	private final boolean fileMeta;

	/**
	 * Create a writer for a transfer syntax.
	 * @param transferSyntax the transfer syntax
	 */
	public DataSetWriter(TransferSyntax transferSyntax) {
		this(transferSyntax, false);
	}

	private DataSetWriter(TransferSyntax transferSyntax, boolean fileMeta) {
		this.transferSyntax = transferSyntax;
		this.fileMeta = fileMeta;
	}

	/**
	 * Return a writer for the elements of File Meta Information (group 0002 but the group
	 * length) in Explicit VR Little Endian, which writes nothing else.
	 * @return the writer
	 */
	static DataSetWriter forFileMeta() {
		return new DataSetWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, true);
	}

	/**
	 * Return the transfer syntax this writer encodes.
	 * @return the transfer syntax
	 */
	public TransferSyntax getTransferSyntax() {
		return this.transferSyntax;
	}

	/**
	 * Write a data set to a stream, always of even length. A deflated syntax finishes its
	 * compressed stream and pads it with a trailing NULL byte to even length if needed
	 * (PS3.5 section A.5); the stream itself is flushed, not closed.
	 * @param dataSet the data set
	 * @param out the stream
	 * @throws IllegalArgumentException if the data set cannot be encoded in this transfer
	 * syntax: encapsulated pixel data in a native syntax, native Pixel Data in an
	 * encapsulated one, or a value too long for its VR's length field
	 * @throws IOException if writing fails or a bulk data file is shorter than its
	 * reference
	 */
	public void write(DataSet dataSet, OutputStream out) throws IOException {
		if (!this.transferSyntax.isDeflated()) {
			new Encoder(out).write(dataSet);
			out.flush();
			return;
		}
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			DeflaterOutputStream deflating = new DeflaterOutputStream(out, deflater, BUFFER_SIZE);
			new Encoder(deflating).write(dataSet);
			deflating.finish();
			if ((deflater.getBytesWritten() & 1) != 0) {
				out.write(0);
			}
			out.flush();
		}
		finally {
			deflater.end();
		}
	}

	/**
	 * Encode a data set into a byte array; see {@link #write(DataSet, OutputStream)}.
	 * Bulk data is read into the array.
	 * @param dataSet the data set
	 * @return the encoded data set
	 * @throws UncheckedIOException if a bulk data file cannot be read
	 */
	public byte[] toByteArray(DataSet dataSet) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			write(dataSet, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read bulk data", ex);
		}
		return out.toByteArray();
	}

	/**
	 * The state of one write: a buffer in front of the stream.
	 */
	private final class Encoder {

		private final OutputStream out;

		private final byte[] buffer = new byte[BUFFER_SIZE];

		private final boolean bigEndian = DataSetWriter.this.transferSyntax.isBigEndian();

		private final boolean explicitVr = DataSetWriter.this.transferSyntax.isExplicitVr();

		private int count;

		Encoder(OutputStream out) {
			this.out = out;
		}

		void write(DataSet dataSet) throws IOException {
			writeDataSet(dataSet, true);
			flushBuffer();
		}

		private void writeDataSet(DataSet dataSet, boolean topLevel) throws IOException {
			for (Attribute attribute : dataSet.attributes()) {
				int tag = attribute.tag();
				boolean fileMetaElement = Tag.group(tag) == FILE_META_GROUP;
				if (Tag.element(tag) != 0 && fileMetaElement == DataSetWriter.this.fileMeta) {
					writeAttribute(attribute, topLevel);
				}
			}
		}

		private void writeAttribute(Attribute attribute, boolean topLevel) throws IOException {
			int tag = attribute.tag();
			List<DataSet> items = attribute.items();
			if (items != null) {
				writeHeader(tag, VR.SQ, DataSetReader.UNDEFINED_LENGTH);
				for (DataSet item : items) {
					writeTagAndLength(DataSetReader.ITEM, DataSetReader.UNDEFINED_LENGTH);
					writeDataSet(item, false);
					writeTagAndLength(DataSetReader.ITEM_DELIMITATION, 0);
				}
				writeTagAndLength(DataSetReader.SEQUENCE_DELIMITATION, 0);
				return;
			}
			Fragments fragments = attribute.fragments();
			if (fragments != null) {
				writeFragments(tag, fragments);
				return;
			}
			if (topLevel && tag == DataSetReader.PIXEL_DATA && DataSetWriter.this.transferSyntax.isEncapsulated()) {
				throw new IllegalArgumentException("Native Pixel Data cannot be written in "
						+ DataSetWriter.this.transferSyntax + ", which needs encapsulated (compressed) pixel data");
			}
			long length = attribute.length();
			long padded = length + (length & 1);
			writeHeader(tag, attribute.vr(), padded);
			int unit = this.bigEndian ? NumericValue.unitSize(attribute.vr()) : 1;
			byte[] bytes = attribute.bytes();
			if (bytes != null) {
				writeSwapped(bytes, unit);
			}
			else {
				BulkDataReference reference = attribute.bulkData();
				writeBulkData(tag, reference, (reference.byteOrder() != DataSetWriter.this.transferSyntax.byteOrder())
						? NumericValue.unitSize(attribute.vr()) : 1);
			}
			if (padded != length) {
				writeByte(attribute.vr().paddingByte());
			}
		}

		private void writeFragments(int tag, Fragments fragments) throws IOException {
			if (!DataSetWriter.this.transferSyntax.isEncapsulated()) {
				throw new IllegalArgumentException(
						"Encapsulated pixel data of " + Tag.toString(tag) + " cannot be written in "
								+ DataSetWriter.this.transferSyntax + "; it must be decompressed first");
			}
			writeHeader(tag, VR.OB, DataSetReader.UNDEFINED_LENGTH);
			byte[] offsetTable = fragments.basicOffsetTable();
			writeTagAndLength(DataSetReader.ITEM, offsetTable.length);
			writeSwapped(offsetTable, 1);
			for (int i = 0; i < fragments.size(); i++) {
				long length = fragments.length(i);
				long padded = length + (length & 1);
				checkLength(tag, VR.OB, padded, MAX_LENGTH);
				writeTagAndLength(DataSetReader.ITEM, padded);
				if (fragments.isBulkData(i)) {
					writeBulkData(tag, fragments.getBulkData(i), 1);
				}
				else {
					writeSwapped(fragments.getBytes(i), 1);
				}
				if (padded != length) {
					writeByte(0);
				}
			}
			writeTagAndLength(DataSetReader.SEQUENCE_DELIMITATION, 0);
		}

		private void writeHeader(int tag, VR vr, long length) throws IOException {
			if (!this.explicitVr) {
				checkLength(tag, vr, length, MAX_LENGTH);
				writeTagAndLength(tag, length);
				return;
			}
			ensureSpace(12);
			writeTag(tag);
			this.buffer[this.count++] = (byte) (vr.code() >> 8);
			this.buffer[this.count++] = (byte) vr.code();
			if (vr.explicitHeaderLength() == 12) {
				checkLength(tag, vr, length, MAX_LENGTH);
				writeShort(0);
				writeInt((int) length);
			}
			else {
				checkLength(tag, vr, length, MAX_SHORT_LENGTH);
				writeShort((int) length);
			}
		}

		private void checkLength(int tag, VR vr, long length, long max) {
			if (length != DataSetReader.UNDEFINED_LENGTH && length > max) {
				throw new IllegalArgumentException("Value of " + Tag.toString(tag) + " is " + length
						+ " bytes, too long for VR " + vr + " (at most " + max + ")");
			}
		}

		private void writeTagAndLength(int tag, long length) throws IOException {
			ensureSpace(8);
			writeTag(tag);
			writeInt((int) length);
		}

		private void writeTag(int tag) {
			writeShort(Tag.group(tag));
			writeShort(Tag.element(tag));
		}

		private void writeShort(int value) {
			if (this.bigEndian) {
				this.buffer[this.count++] = (byte) (value >> 8);
				this.buffer[this.count++] = (byte) value;
			}
			else {
				this.buffer[this.count++] = (byte) value;
				this.buffer[this.count++] = (byte) (value >> 8);
			}
		}

		private void writeInt(int value) {
			if (this.bigEndian) {
				writeShort(value >>> 16);
				writeShort(value);
			}
			else {
				writeShort(value);
				writeShort(value >>> 16);
			}
		}

		private void writeByte(int value) throws IOException {
			ensureSpace(1);
			this.buffer[this.count++] = (byte) value;
		}

		/**
		 * Write bytes, reversing each unit of {@code unit} bytes (1 for none) in the
		 * buffer so that the caller's array is left as it was.
		 */
		private void writeSwapped(byte[] bytes, int unit) throws IOException {
			if (unit == 1 && bytes.length >= BUFFER_SIZE) {
				flushBuffer();
				this.out.write(bytes);
				return;
			}
			int offset = 0;
			while (offset < bytes.length) {
				if (this.count == BUFFER_SIZE) {
					flushBuffer();
				}
				int chunk = Math.min(bytes.length - offset, (BUFFER_SIZE - this.count) / 8 * 8);
				if (chunk == 0) {
					flushBuffer();
					continue;
				}
				System.arraycopy(bytes, offset, this.buffer, this.count, chunk);
				NumericValue.swap(this.buffer, this.count, chunk, unit);
				this.count += chunk;
				offset += chunk;
			}
		}

		private void writeBulkData(int tag, BulkDataReference reference, int unit) throws IOException {
			flushBuffer();
			try (FileChannel channel = FileChannel.open(reference.path(), StandardOpenOption.READ)) {
				long position = reference.offset();
				long end = position + reference.length();
				while (position < end) {
					int chunk = (int) Math.min(BUFFER_SIZE, end - position);
					ByteBuffer target = ByteBuffer.wrap(this.buffer, 0, chunk);
					while (target.hasRemaining()) {
						if (channel.read(target, position + target.position()) < 0) {
							throw new IOException("Bulk data of " + Tag.toString(tag) + " in " + reference.path()
									+ " ends at byte " + (position + target.position()) + ", expected " + end);
						}
					}
					NumericValue.swap(this.buffer, 0, chunk, unit);
					this.out.write(this.buffer, 0, chunk);
					position += chunk;
				}
			}
		}

		private void ensureSpace(int length) throws IOException {
			if (BUFFER_SIZE - this.count < length) {
				flushBuffer();
			}
		}

		private void flushBuffer() throws IOException {
			if (this.count > 0) {
				this.out.write(this.buffer, 0, this.count);
				this.count = 0;
			}
		}

	}

}
