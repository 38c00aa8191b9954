package io.github.dicomscu.net.dimse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommandTag}.
 */
class CommandTagTests {

	@Test
	void dictionaryGivesVrAndKeyword() {
		assertThat(CommandTag.vrOf(CommandTag.COMMAND_GROUP_LENGTH)).isEqualTo("UL");
		assertThat(CommandTag.vrOf(CommandTag.AFFECTED_SOP_CLASS_UID)).isEqualTo("UI");
		assertThat(CommandTag.vrOf(CommandTag.MOVE_DESTINATION)).isEqualTo("AE");
		assertThat(CommandTag.vrOf(CommandTag.ERROR_COMMENT)).isEqualTo("LO");
		assertThat(CommandTag.vrOf(CommandTag.ATTRIBUTE_IDENTIFIER_LIST)).isEqualTo("AT");
		assertThat(CommandTag.vrOf(CommandTag.MOVE_ORIGINATOR_MESSAGE_ID)).isEqualTo("US");
		assertThat(CommandTag.keywordOf(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO))
			.isEqualTo("MessageIDBeingRespondedTo");
		assertThat(CommandTag.keywordOf(CommandTag.NUMBER_OF_COMPLETED_SUBOPERATIONS))
			.isEqualTo("NumberOfCompletedSuboperations");
	}

	@Test
	void unknownTagHasVrUnAndNoKeyword() {
		assertThat(CommandTag.vrOf(0x00000001)).isEqualTo("UN");
		assertThat(CommandTag.keywordOf(0x00000001)).isNull();
	}

	@Test
	void toStringUsesStandardNotation() {
		assertThat(CommandTag.toString(CommandTag.MOVE_ORIGINATOR_APPLICATION_ENTITY_TITLE)).isEqualTo("(0000,1030)");
		assertThat(CommandTag.toString(0x7FE00010)).isEqualTo("(7FE0,0010)");
	}

}
