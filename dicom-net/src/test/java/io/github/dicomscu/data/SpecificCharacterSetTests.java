package io.github.dicomscu.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.dicomscu.data.ByteFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SpecificCharacterSet}.
 */
class SpecificCharacterSetTests {

	@ParameterizedTest
	@CsvSource({ "ISO_IR 6, US-ASCII", "ISO_IR 100, ISO-8859-1", "ISO_IR 101, ISO-8859-2", "ISO_IR 109, ISO-8859-3",
			"ISO_IR 110, ISO-8859-4", "ISO_IR 144, ISO-8859-5", "ISO_IR 127, ISO-8859-6", "ISO_IR 126, ISO-8859-7",
			"ISO_IR 138, ISO-8859-8", "ISO_IR 148, ISO-8859-9", "ISO_IR 203, ISO-8859-15", "ISO_IR 13, JIS_X0201",
			"ISO_IR 166, TIS-620", "ISO_IR 192, UTF-8", "GB18030, GB18030", "GBK, GBK", "ISO 2022 IR 100, ISO-8859-1",
			"ISO 2022 IR 144, ISO-8859-5" })
	void mapsDefinedTermsToJavaCharsets(String term, String charset) {
		assertThat(SpecificCharacterSet.of(term).charset()).isEqualTo(Charset.forName(charset));
	}

	@Test
	void latin1() {
		SpecificCharacterSet latin1 = SpecificCharacterSet.of("ISO_IR 100");
		byte[] encoded = latin1.encode(VR.PN, "Müller");
		assertThat(encoded).isEqualTo(bytes("'M", "FC", "'ller"));
		assertThat(latin1.decode(VR.PN, encoded)).containsExactly("Müller");
	}

	@Test
	void utf8() {
		SpecificCharacterSet utf8 = SpecificCharacterSet.of("ISO_IR 192");
		byte[] encoded = utf8.encode(VR.PN, "山田^太郎");
		assertThat(encoded).isEqualTo(bytes("E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E 20"));
		assertThat(utf8.decode(VR.PN, encoded)).containsExactly("山田^太郎");
	}

	@Test
	void cyrillic() {
		SpecificCharacterSet cyrillic = SpecificCharacterSet.of("ISO_IR 144");
		byte[] encoded = cyrillic.encode(VR.PN, "Иванов^Иван");
		assertThat(encoded).isEqualTo(bytes("B8 D2 D0 DD DE D2 5E B8 D2 D0 DD 20"));
		assertThat(cyrillic.decode(VR.PN, encoded)).containsExactly("Иванов^Иван");
	}

	@Test
	void halfWidthKatakana() {
		SpecificCharacterSet katakana = SpecificCharacterSet.of("ISO_IR 13");
		assertThat(katakana.decode(VR.PN, bytes("D4 CF C0 DE 5E C0 DB B3"))).containsExactly("ﾔﾏﾀﾞ^ﾀﾛｳ");
		assertThat(katakana.decode(VR.LO, bytes("B1 5C B2"))).containsExactly("ｱ", "ｲ");
	}

	@Test
	void gbkValuesAreSplitAfterDecodingBecause0x5CCanBeASecondByte() {
		SpecificCharacterSet gbk = SpecificCharacterSet.of("GBK");
		String withBackslashByte = firstGbkCharacterEndingIn0x5C();
		byte[] encoded = gbk.encode(VR.LO, withBackslashByte, "B");
		assertThat(encoded).hasSize(4).contains(0x5C);
		assertThat(gbk.decode(VR.LO, encoded)).containsExactly(withBackslashByte, "B");
	}

	@Test
	void defaultRepertoireDecodesLenientlyButEncodesAsciiOnly() {
		assertThat(SpecificCharacterSet.DEFAULT.decode(VR.PN, bytes("'M", "FC", "'ller"))).containsExactly("Müller");
		assertThatIllegalArgumentException().isThrownBy(() -> SpecificCharacterSet.DEFAULT.encode(VR.PN, "Müller"))
			.withMessage("Value 'Müller' of VR PN cannot be encoded in the default repertoire (ASCII); "
					+ "set Specific Character Set (0008,0005) first");
	}

	@Test
	void asciiVrsIgnoreTheCharacterSet() {
		SpecificCharacterSet utf8 = SpecificCharacterSet.of("ISO_IR 192");
		assertThatIllegalArgumentException().isThrownBy(() -> utf8.encode(VR.CS, "Ä"));
		assertThat(utf8.decode(VR.CS, bytes("'AB", "C4"))).containsExactly("ABÄ");
	}

	@Test
	void codeExtensionsDecodeWithTheFirstCharacterSet() {
		assertThat(SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126").charset())
			.isEqualTo(StandardCharsets.ISO_8859_1);
		assertThat(SpecificCharacterSet.of("", "ISO 2022 IR 87").charset()).isEqualTo(StandardCharsets.US_ASCII);
		assertThat(SpecificCharacterSet.of("").charset()).isEqualTo(StandardCharsets.US_ASCII);
	}

	@Test
	void unknownCharacterSetDecodesAsLatin1AndCannotEncode() {
		SpecificCharacterSet unknown = SpecificCharacterSet.of("ISO_IR 999");
		assertThat(unknown.decode(VR.LO, bytes("'M", "FC"))).containsExactly("Mü");
		assertThatIllegalStateException().isThrownBy(() -> unknown.encode(VR.LO, "x"))
			.withMessage("Cannot encode text in the unsupported Specific Character Set ISO_IR 999");
		assertThat(unknown.encode(VR.CS, "X")).as("ASCII VRs still encode").isEqualTo(bytes("'X "));
	}

	@Test
	void trimsPaddingAsPs35Says() {
		SpecificCharacterSet characters = SpecificCharacterSet.DEFAULT;
		assertThat(characters.decode(VR.LO, bytes("'  abc ", "20"))).containsExactly("abc");
		assertThat(characters.decode(VR.LT, bytes("'  abc ", "20"))).containsExactly("  abc");
		assertThat(characters.decode(VR.UI, bytes("'1.2", "00"))).containsExactly("1.2");
		assertThat(characters.decode(VR.DS, bytes("' 1.5\\ 2 "))).containsExactly("1.5", "2");
		assertThat(characters.decode(VR.LT, bytes("'a\\b"))).containsExactly("a\\b");
		assertThat(characters.decode(VR.CS, new byte[0])).isEmpty();
		assertThat(characters.decode(VR.CS, bytes("'\\B"))).containsExactly("", "B");
	}

	@Test
	void rejectsWhatCannotBeEncoded() {
		SpecificCharacterSet characters = SpecificCharacterSet.DEFAULT;
		assertThatIllegalArgumentException().isThrownBy(() -> characters.encode(VR.LO, "a\\b"))
			.withMessageContaining("contains a backslash");
		assertThatIllegalArgumentException().isThrownBy(() -> characters.encode(VR.LT, "a", "b"))
			.withMessage("VR LT holds a single value, got 2");
		assertThatIllegalArgumentException().isThrownBy(() -> characters.encode(VR.US, "1"))
			.withMessage("VR US does not hold character strings");
		assertThat(characters.encode(VR.LT, "a\\b")).isEqualTo(bytes("'a\\b "));
		assertThat(characters.encode(VR.UI, "1.2.3")).isEqualTo(bytes("'1.2.3", "00"));
	}

	private static String firstGbkCharacterEndingIn0x5C() {
		Charset gbk = Charset.forName("GBK");
		for (char c = '\u4E00'; c < '\u9FA5'; c++) {
			byte[] encoded = String.valueOf(c).getBytes(gbk);
			if (encoded.length == 2 && encoded[1] == 0x5C) {
				return String.valueOf(c);
			}
		}
		throw new IllegalStateException("No GBK character ends in 0x5C");
	}

}
