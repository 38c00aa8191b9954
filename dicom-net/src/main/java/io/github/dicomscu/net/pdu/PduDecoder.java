package io.github.dicomscu.net.pdu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads PDUs, one after the other, from a stream such as a socket's (PS3.8 section 9.3).
 * <p>
 * Everything received is untrusted: every length is checked against the bytes its
 * enclosing PDU or item actually holds, a PDU never makes the decoder read past its own
 * end, and memory is only allocated for bytes that have arrived. A P-DATA-TF PDU may not
 * be longer than the maximum receive length this side announced; A-ASSOCIATE-RQ/AC PDUs
 * may not be longer than {@link #MAXIMUM_ASSOCIATE_LENGTH}; the other PDUs must have
 * their fixed length of 4. Any violation is a {@link DicomProtocolException} carrying the
 * A-ABORT reason to answer it with, after which the decoder must not be used again.
 * <p>
 * Not thread-safe: one thread reads a connection.
 */
public final class PduDecoder {

	/**
	 * Largest PDU length accepted for an A-ASSOCIATE-RQ or A-ASSOCIATE-AC, 1 MiB. A
	 * request that proposes all 128 presentation contexts, each with a dozen 64-character
	 * transfer syntaxes, plus a user information item at its 64 KiB maximum, stays below
	 * 192 KiB.
	 */
	public static final int MAXIMUM_ASSOCIATE_LENGTH = 1024 * 1024;

	/** Bytes of an A-ASSOCIATE-RQ/AC body before its first item. */
	private static final int ASSOCIATE_FIXED_LENGTH = 68;

	/**
	 * Largest array first allocated for a body or fragment; larger ones grow as bytes
	 * arrive.
	 */
	private static final int FIRST_ALLOCATION = 64 * 1024;

	private static final int MAXIMUM_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	private final InputStream in;

	private final long maximumReceiveLength;

	/**
	 * The PDU whose header has been read and whose body has not been consumed, if any.
	 */
	private PduType type;

	private long length;

	private long consumed;

	/**
	 * Create a decoder.
	 * @param in the stream to read; the decoder reads exactly the bytes of the PDUs it
	 * returns
	 * @param maximumReceiveLength the largest P-DATA-TF PDU length accepted, as announced
	 * in this side's maximum length sub-item, or 0 for no limit
	 */
	public PduDecoder(InputStream in, long maximumReceiveLength) {
		this.in = Objects.requireNonNull(in, "'in' must not be null");
		if (maximumReceiveLength < 0 || maximumReceiveLength > 0xFFFFFFFFL) {
			throw new IllegalArgumentException(
					"Maximum receive length " + maximumReceiveLength + " does not fit in 32 bits");
		}
		this.maximumReceiveLength = maximumReceiveLength;
	}

	/**
	 * Decode a byte array that holds exactly one PDU.
	 * @param bytes the PDU, from its PDU-type field to its last byte
	 * @param maximumReceiveLength the largest P-DATA-TF PDU length accepted, 0 for no
	 * limit
	 * @return the PDU
	 * @throws DicomProtocolException if the bytes are not exactly one valid PDU
	 */
	public static Pdu decode(byte[] bytes, long maximumReceiveLength) throws DicomProtocolException {
		ByteArrayInputStream in = new ByteArrayInputStream(bytes);
		Pdu pdu;
		try {
			pdu = new PduDecoder(in, maximumReceiveLength).read();
		}
		catch (DicomProtocolException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Reading a byte array cannot fail", ex);
		}
		if (pdu == null) {
			throw ItemCursor.invalid("no PDU in an empty input");
		}
		if (in.available() > 0) {
			int trailing = in.available();
			throw ItemCursor.invalid(trailing + " trailing byte" + ((trailing != 1) ? "s" : "") + " after the "
					+ pdu.type().text() + " PDU");
		}
		return pdu;
	}

	/**
	 * Read the next PDU, blocking until all of it has arrived.
	 * @return the PDU, or {@code null} if the stream ended cleanly before its first byte
	 * @throws DicomProtocolException if the peer violates PS3.8 or the stream ends within
	 * a PDU
	 * @throws IOException if the stream fails
	 */
	public Pdu read() throws IOException {
		PduType next = nextType();
		if (next == null) {
			return null;
		}
		return switch (next) {
			case A_ASSOCIATE_RQ, A_ASSOCIATE_AC -> AssociateDecoder.decode(next, readBody());
			case A_ASSOCIATE_RJ -> associateRj(readBody());
			case P_DATA_TF -> pDataTf();
			case A_RELEASE_RQ -> {
				readBody();
				yield new ReleaseRq();
			}
			case A_RELEASE_RP -> {
				readBody();
				yield new ReleaseRp();
			}
			case A_ABORT -> abort(readBody());
		};
	}

	/**
	 * Return the type of the next PDU, reading its 6-byte header if that has not been
	 * done yet; a following {@link #read()} or {@link #readPresentationDataValues} reads
	 * its body. This lets a receiver stream P-DATA-TF PDUs and decode all others.
	 * @return the type of the next PDU, or {@code null} if the stream ended cleanly
	 * before its first byte
	 * @throws DicomProtocolException if the header is invalid or incomplete
	 * @throws IOException if the stream fails
	 */
	public PduType nextType() throws IOException {
		if (this.type != null) {
			return this.type;
		}
		int first = this.in.read();
		if (first < 0) {
			return null;
		}
		PduType next = PduType.find(first);
		if (next == null) {
			throw new DicomProtocolException(String.format("unknown PDU type 0x%02X", first),
					AbortReason.UNRECOGNIZED_PDU);
		}
		byte[] header = new byte[PduEncoder.PDU_HEADER_LENGTH - 1];
		int read = this.in.readNBytes(header, 0, header.length);
		if (read < header.length) {
			throw closed(1 + read, PduEncoder.PDU_HEADER_LENGTH, next.text() + " header");
		}
		long pduLength = ((header[1] & 0xFFL) << 24) | ((header[2] & 0xFFL) << 16) | ((header[3] & 0xFFL) << 8)
				| (header[4] & 0xFFL);
		checkLength(next, pduLength);
		this.type = next;
		this.length = pduLength;
		this.consumed = 0;
		return next;
	}

	/**
	 * Read the body of a P-DATA-TF PDU whose header {@link #nextType()} has read, handing
	 * each presentation data value to the handler as a stream over the connection instead
	 * of copying it into an array.
	 * @param handler receives the presentation data values in order
	 * @throws IllegalStateException if the next PDU is not a P-DATA-TF
	 * @throws DicomProtocolException if the peer violates PS3.8 or the stream ends within
	 * the PDU
	 * @throws IOException if the stream or the handler fails
	 */
	public void readPresentationDataValues(PresentationDataValueHandler handler) throws IOException {
		Objects.requireNonNull(handler, "'handler' must not be null");
		if (this.type != PduType.P_DATA_TF) {
			throw new IllegalStateException(
					"The next PDU is " + ((this.type != null) ? this.type.text() : "not read") + ", not a P-DATA-TF");
		}
		readValues((contextId, command, last, fragmentLength) -> {
			FragmentInputStream fragment = new FragmentInputStream(fragmentLength);
			handler.handle(contextId, command, last, fragment, fragmentLength);
			fragment.skipRest();
		});
	}

	private void checkLength(PduType next, long pduLength) throws DicomProtocolException {
		switch (next) {
			case A_ASSOCIATE_RQ, A_ASSOCIATE_AC -> {
				if (pduLength < ASSOCIATE_FIXED_LENGTH) {
					throw ItemCursor.invalid(next.text() + " PDU length " + pduLength + " is shorter than its "
							+ ASSOCIATE_FIXED_LENGTH + " bytes of fixed fields");
				}
				if (pduLength > MAXIMUM_ASSOCIATE_LENGTH) {
					throw ItemCursor.invalid(next.text() + " PDU length " + pduLength + " exceeds the limit of "
							+ MAXIMUM_ASSOCIATE_LENGTH + " bytes");
				}
			}
			case P_DATA_TF -> {
				if (this.maximumReceiveLength != 0 && pduLength > this.maximumReceiveLength) {
					throw ItemCursor.invalid("P-DATA-TF PDU length " + pduLength
							+ " exceeds the maximum receive length " + this.maximumReceiveLength);
				}
			}
			case A_ASSOCIATE_RJ, A_RELEASE_RQ, A_RELEASE_RP, A_ABORT -> {
				if (pduLength != PduEncoder.FIXED_PDU_LENGTH) {
					throw ItemCursor.invalid(next.text() + " PDU length " + pduLength + " is invalid, it must be "
							+ PduEncoder.FIXED_PDU_LENGTH);
				}
			}
		}
	}

	/**
	 * Read the presentation data value items of the current P-DATA-TF PDU, checking each
	 * item length against the rest of the PDU before anything of the item is consumed.
	 */
	private void readValues(ValueReader reader) throws IOException {
		if (this.length == 0) {
			throw ItemCursor.invalid("P-DATA-TF PDU contains no presentation data value item");
		}
		while (this.consumed < this.length) {
			long remaining = this.length - this.consumed;
			if (remaining < PduEncoder.PDV_HEADER_LENGTH) {
				throw ItemCursor.invalid("PDV item needs at least " + PduEncoder.PDV_HEADER_LENGTH + " bytes but only "
						+ remaining + " remain in the P-DATA-TF PDU");
			}
			long itemLength = readU32();
			if (itemLength < 2) {
				throw ItemCursor.invalid("PDV item length " + itemLength + " is shorter than its 2-byte header");
			}
			if (itemLength > remaining - 4) {
				throw ItemCursor.invalid("PDV item length " + itemLength + " exceeds the " + (remaining - 4)
						+ " bytes remaining in the P-DATA-TF PDU");
			}
			int contextId = readU8();
			int messageControlHeader = readU8();
			if (!PresentationContextId.isValid(contextId)) {
				throw ItemCursor
					.invalid("PDV presentation context id " + contextId + " is not an odd number between 1 and 255");
			}
			reader.read(contextId, (messageControlHeader & 0x01) != 0, (messageControlHeader & 0x02) != 0,
					itemLength - 2);
		}
		this.type = null;
	}

	private PDataTf pDataTf() throws IOException {
		List<PresentationDataValue> values = new ArrayList<>();
		readValues((contextId, command, last, fragmentLength) -> values
			.add(new PresentationDataValue(contextId, command, last, readArray(fragmentLength))));
		return new PDataTf(values);
	}

	/**
	 * Read the whole body of the current PDU, which is not a P-DATA-TF.
	 */
	private byte[] readBody() throws IOException {
		byte[] body = readArray(this.length);
		this.type = null;
		return body;
	}

	private static AssociateRj associateRj(byte[] body) throws DicomProtocolException {
		try {
			return new AssociateRj(body[1] & 0xFF, body[2] & 0xFF, body[3] & 0xFF);
		}
		catch (IllegalArgumentException ex) {
			throw new DicomProtocolException("invalid A-ASSOCIATE-RJ: " + ex.getMessage(),
					AbortReason.INVALID_PDU_PARAMETER_VALUE, ex);
		}
	}

	/**
	 * Decode an A-ABORT body. The PDU ends the association whatever it says, so a source
	 * the standard does not define is taken as {@link AbortSource#RESERVED} and an
	 * undefined reason as {@link AbortReason#NOT_SPECIFIED} rather than rejected.
	 */
	private static Abort abort(byte[] body) {
		AbortSource source = Objects.requireNonNullElse(AbortSource.find(body[2] & 0xFF), AbortSource.RESERVED);
		return new Abort(source, AbortReason.of(body[3] & 0xFF));
	}

	private int readU8() throws IOException {
		int value = this.in.read();
		if (value < 0) {
			throw closed();
		}
		this.consumed++;
		return value;
	}

	private long readU32() throws IOException {
		long value = 0;
		for (int i = 0; i < 4; i++) {
			value = (value << 8) | readU8();
		}
		return value;
	}

	/**
	 * Read bytes of the current PDU into an array that grows as they arrive, so that a
	 * length announced by a peer that then sends nothing costs at most
	 * {@link #FIRST_ALLOCATION} bytes.
	 */
	private byte[] readArray(long count) throws IOException {
		if (count > MAXIMUM_ARRAY_LENGTH) {
			throw ItemCursor.invalid("a field of " + count + " bytes in the " + this.type.text()
					+ " PDU is too large to be held in memory");
		}
		int size = (int) count;
		byte[] array = new byte[Math.min(size, FIRST_ALLOCATION)];
		int filled = 0;
		while (filled < size) {
			if (filled == array.length) {
				array = Arrays.copyOf(array, (int) Math.min(size, 2L * array.length));
			}
			int read = this.in.read(array, filled, array.length - filled);
			if (read < 0) {
				throw closed();
			}
			filled += read;
			this.consumed += read;
		}
		return array;
	}

	private DicomProtocolException closed() {
		return closed(this.consumed, this.length, this.type.text());
	}

	private static DicomProtocolException closed(long read, long total, String what) {
		return new DicomProtocolException("connection closed after " + read + " of " + total + " bytes of " + what,
				AbortReason.NOT_SPECIFIED);
	}

	@FunctionalInterface
	private interface ValueReader {

		void read(int contextId, boolean command, boolean last, long fragmentLength) throws IOException;

	}

	/**
	 * The fragment of one presentation data value as a stream bounded to its length,
	 * reading through to the connection.
	 */
	private final class FragmentInputStream extends InputStream {

		private long remaining;

		FragmentInputStream(long length) {
			this.remaining = length;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining == 0) {
				return -1;
			}
			int value = readU8();
			this.remaining--;
			return value;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			Objects.checkFromIndexSize(off, len, b.length);
			if (len == 0) {
				return 0;
			}
			if (this.remaining == 0) {
				return -1;
			}
			int read = PduDecoder.this.in.read(b, off, (int) Math.min(len, this.remaining));
			if (read < 0) {
				throw closed();
			}
			this.remaining -= read;
			PduDecoder.this.consumed += read;
			return read;
		}

		@Override
		public int available() throws IOException {
			return (int) Math.min(PduDecoder.this.in.available(), this.remaining);
		}

		void skipRest() throws IOException {
			byte[] discard = new byte[(int) Math.min(this.remaining, 8192)];
			while (this.remaining > 0) {
				read(discard, 0, discard.length);
			}
		}

	}

}
