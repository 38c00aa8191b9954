package io.github.dicomscu.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Tag}.
 */
class TagTests {

	@Test
	void groupAndElement() {
		assertThat(Tag.group(0x00080016)).isEqualTo(0x0008);
		assertThat(Tag.element(0x00080016)).isEqualTo(0x0016);
		assertThat(Tag.group(0xFFFEE000)).isEqualTo(0xFFFE);
		assertThat(Tag.element(0xFFFEE000)).isEqualTo(0xE000);
		assertThat(Tag.of(0x7FE0, 0x0010)).isEqualTo(0x7FE00010);
	}

	@Test
	void privateTags() {
		assertThat(Tag.isPrivate(0x00090010)).isTrue();
		assertThat(Tag.isPrivate(0x00080016)).isFalse();
	}

	@Test
	void toStringFormatsGroupAndElement() {
		assertThat(Tag.toString(0x00080016)).isEqualTo("(0008,0016)");
		assertThat(Tag.toString(0x7FE00010)).isEqualTo("(7FE0,0010)");
		assertThat(Tag.toString(0xFFFEE0DD)).isEqualTo("(FFFE,E0DD)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "00080016", "(0008,0016)", "0008,0016", " (0008,0016) " })
	void parseAcceptsAllForms(String text) {
		assertThat(Tag.parse(text)).isEqualTo(0x00080016);
	}

	@Test
	void parseAcceptsLowerCaseHex() {
		assertThat(Tag.parse("(7fe0,0010)")).isEqualTo(0x7FE00010);
		assertThat(Tag.parse("fffee000")).isEqualTo(0xFFFEE000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0008001", "000800160", "(0008,0016", "0008-0016", "0008001G", "(0008;0016)" })
	void parseRejectsOtherForms(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Tag.parse(text))
			.withMessage("Invalid tag '" + text + "': expected 8 hex digits as GGGGEEEE, (GGGG,EEEE) or GGGG,EEEE");
	}

}
