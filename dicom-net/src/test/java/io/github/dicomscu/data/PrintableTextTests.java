package io.github.dicomscu.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PrintableText}.
 */
class PrintableTextTests {

	@Test
	void printableTextIsReturnedUnchanged() {
		String text = "STORESCU@127.0.0.1:104 1.2.840.10008.1.1 Müller";
		assertThat(PrintableText.escape(text)).isSameAs(text);
	}

	@Test
	void lineBreaksTabsAndBackslashesAreEscaped() {
		assertThat(PrintableText.escape("A\r\nB\tC\\D")).isEqualTo("A\\r\\nB\\tC\\\\D");
	}

	@Test
	void otherControlCharactersAndDeleteAreEscapedAsUnicode() {
		assertThat(PrintableText.escape("\u0000\u001B[2J\u007F\u0085\u009F\u00A0"))
			.isEqualTo("\\u0000\\u001B[2J\\u007F\\u0085\\u009F\u00A0");
	}

	@Test
	void escapedTextCannotBeConfusedWithAnEscape() {
		assertThat(PrintableText.escape("\\n")).isEqualTo("\\\\n");
		assertThat(PrintableText.escape("\n")).isEqualTo("\\n");
	}

	@Test
	void ofEscapesTheStringFormWhenAsked() {
		StringBuilder value = new StringBuilder("EVIL");
		PrintableText text = PrintableText.of(value);
		value.append("\r\nFORGED");
		assertThat(text).hasToString("EVIL\\r\\nFORGED");
		assertThat(PrintableText.of(null)).hasToString("null");
		assertThat(PrintableText.escape(null)).isEqualTo("null");
	}

	@Test
	void escapeControlsKeepsBackslashesSoEscapingTwiceChangesNothing() {
		String once = PrintableText.escapeControls("A\\B\r\n\u001B[2J");
		assertThat(once).isEqualTo("A\\B\\r\\n\\u001B[2J");
		assertThat(PrintableText.escapeControls(once)).isSameAs(once);
		assertThat(PrintableText.escapeControls(PrintableText.escape("EVIL\r\n"))).isEqualTo("EVIL\\r\\n");
		assertThat(PrintableText.escapeControls(null)).isNull();
	}

	@Test
	void ofMessageEscapesOnlyTheControlCharactersLeft() {
		assertThat(PrintableText.ofMessage("quoted 'EVIL\\r\\n', then\r\nFORGED"))
			.hasToString("quoted 'EVIL\\r\\n', then\\r\\nFORGED");
	}

}
