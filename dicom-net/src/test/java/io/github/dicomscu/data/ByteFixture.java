package io.github.dicomscu.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written byte fixtures: each part is either hex bytes separated by spaces
 * ({@code "08 00 05 00"}) or, after a leading apostrophe, ASCII text
 * ({@code "'ISO_IR 100"}).
 */
final class ByteFixture {

	private ByteFixture() {
	}

	static byte[] bytes(String... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : parts) {
			if (part.startsWith("'")) {
				out.writeBytes(part.substring(1).getBytes(StandardCharsets.US_ASCII));
				continue;
			}
			for (String hex : part.trim().split("\\s+")) {
				if (!hex.isEmpty()) {
					out.write(Integer.parseInt(hex, 16));
				}
			}
		}
		return out.toByteArray();
	}

	static byte[] concat(byte[]... arrays) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] array : arrays) {
			out.writeBytes(array);
		}
		return out.toByteArray();
	}

	/**
	 * Wrap bytes in one stored (uncompressed) raw deflate block (RFC 1951 section 3.2.4):
	 * BFINAL=1 BTYPE=00, then LEN and its one's complement, little endian.
	 */
	static byte[] storedDeflateBlock(byte[] data) {
		int length = data.length;
		return concat(new byte[] { 0x01, (byte) length, (byte) (length >> 8), (byte) ~length, (byte) (~length >> 8) },
				data);
	}

}
