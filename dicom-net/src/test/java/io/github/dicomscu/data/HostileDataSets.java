package io.github.dicomscu.data;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

import static io.github.dicomscu.data.ByteFixture.bytes;

/**
 * Crafted hostile data sets: sequences nested without end and deflate bombs.
 */
final class HostileDataSets {

	/** Bytes of one level of {@link #nestedSequences(int)}. */
	static final int NESTING_LEVEL_LENGTH = 20;

	private static final int CHUNK = 1024 * 1024;

	private HostileDataSets() {
	}

	/**
	 * Return sequences nested {@code levels} deep in Explicit VR Little Endian, each an
	 * undefined-length Referenced Series Sequence (0008,1115) whose one item holds the
	 * next; all of them properly closed.
	 * @param levels the number of sequences
	 * @return the encoded data set
	 */
	static byte[] nestedSequences(int levels) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] open = bytes("08 00 15 11", "'SQ", "00 00 FF FF FF FF", "FE FF 00 E0 FF FF FF FF");
		byte[] close = bytes("FE FF 0D E0 00 00 00 00", "FE FF DD E0 00 00 00 00");
		for (int i = 0; i < levels; i++) {
			out.writeBytes(open);
		}
		for (int i = 0; i < levels; i++) {
			out.writeBytes(close);
		}
		return out.toByteArray();
	}

	/**
	 * Return a raw deflate stream of a data set with one OB element of {@code length}
	 * zero bytes, compressed as far as deflate goes (about 1000 to 1).
	 * @param length the length of the value
	 * @return the deflated data set
	 */
	static byte[] deflateBomb(int length) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		deflater.setInput(bytes("09 00 10 10", "'OB", "00 00", String.format("%02X %02X %02X %02X", length & 0xFF,
				(length >> 8) & 0xFF, (length >> 16) & 0xFF, (length >>> 24))));
		drain(deflater, buffer, out);
		byte[] zeros = new byte[CHUNK];
		for (int left = length; left > 0; left -= CHUNK) {
			deflater.setInput(zeros, 0, Math.min(left, CHUNK));
			drain(deflater, buffer, out);
		}
		deflater.finish();
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	private static void drain(Deflater deflater, byte[] buffer, ByteArrayOutputStream out) {
		while (!deflater.needsInput()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
	}

}
