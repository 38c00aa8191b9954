package io.github.dicomscu.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Turns an annotated hex listing into bytes: pairs of hex digits, {@code 'quoted ASCII'},
 * with {@code |} and white space as separators and {@code #} starting a comment.
 */
final class HexFixture {

	private HexFixture() {
	}

	static byte[] bytes(String listing) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String line : listing.split("\n")) {
			int i = 0;
			while (i < line.length()) {
				char c = line.charAt(i);
				if (c == '#') {
					break;
				}
				if (c == '\'') {
					int end = line.indexOf('\'', i + 1);
					out.writeBytes(line.substring(i + 1, end).getBytes(StandardCharsets.US_ASCII));
					i = end + 1;
				}
				else if (c == '|' || Character.isWhitespace(c)) {
					i++;
				}
				else {
					out.write(HexFormat.fromHexDigits(line, i, i + 2));
					i += 2;
				}
			}
		}
		return out.toByteArray();
	}

}
