package io.github.dicomscu.net.dimse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CommandField}.
 */
class CommandFieldTests {

	@ParameterizedTest
	@EnumSource(CommandField.class)
	void ofReturnsFieldForItsCode(CommandField field) {
		assertThat(CommandField.of(field.code())).isSameAs(field);
	}

	@ParameterizedTest
	@EnumSource(CommandField.class)
	void responseIsRequestWithBit15Set(CommandField field) {
		assertThat(field.isResponse()).isEqualTo(field.name().endsWith("_RSP"));
		assertThat(field.request().isResponse()).isFalse();
		if (field.isResponse()) {
			assertThat(field.request().code()).isEqualTo(field.code() & 0x7FFF);
			assertThat(field.request().text()).isEqualTo(field.text().replace("-RSP", "-RQ"));
		}
	}

	@Test
	void textIsTheStandardName() {
		assertThat(CommandField.C_ECHO_RQ.text()).isEqualTo("C-ECHO-RQ");
		assertThat(CommandField.N_EVENT_REPORT_RSP.text()).isEqualTo("N-EVENT-REPORT-RSP");
		assertThat(CommandField.C_CANCEL_RQ.code()).isEqualTo(0x0FFF);
	}

	@Test
	void ofRejectsUnknownCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandField.of(0x8FFF))
			.withMessage("Unknown DIMSE command field 0x8FFF");
	}

}
