package io.github.dicomscu.net.dimse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Status}: status classes from PS3.7 Annex C, meanings from PS3.7 Annex
 * C and the C-STORE, C-FIND, C-MOVE and C-GET status tables of PS3.4.
 */
class StatusTests {

	@ParameterizedTest(name = "0x{0} is {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0000 | SUCCESS | Success
			FF00 | PENDING | Pending
			FF01 | PENDING | Pending, one or more optional keys were not supported
			FE00 | CANCEL  | Cancel
			0001 | WARNING | Requested optional attributes are not supported
			0107 | WARNING | Attribute list error
			0116 | WARNING | Attribute value out of range
			B000 | WARNING | Coercion of data elements / sub-operations complete with failures or warnings
			B006 | WARNING | Elements discarded
			B007 | WARNING | Data set does not match SOP Class
			B123 | WARNING | Warning 0xB123
			0105 | FAILURE | No such attribute
			0106 | FAILURE | Invalid attribute value
			0110 | FAILURE | Processing failure
			0111 | FAILURE | Duplicate SOP Instance
			0112 | FAILURE | No such SOP Instance
			0117 | FAILURE | Invalid object instance
			0118 | FAILURE | No such SOP Class
			0119 | FAILURE | Class-instance conflict
			0120 | FAILURE | Missing attribute
			0121 | FAILURE | Missing attribute value
			0122 | FAILURE | Refused: SOP Class not supported
			0123 | FAILURE | No such action
			0124 | FAILURE | Refused: Not authorized
			0199 | FAILURE | Failure 0x0199
			0210 | FAILURE | Duplicate invocation
			0211 | FAILURE | Unrecognized operation
			0212 | FAILURE | Mistyped argument
			0213 | FAILURE | Resource limitation
			A700 | FAILURE | Refused: Out of resources
			A7FF | FAILURE | Refused: Out of resources
			A701 | FAILURE | Refused: Out of resources, unable to calculate number of matches
			A702 | FAILURE | Refused: Out of resources, unable to perform sub-operations
			A801 | FAILURE | Refused: Move Destination unknown
			A900 | FAILURE | Error: Data set does not match SOP Class
			A912 | FAILURE | Error: Data set does not match SOP Class
			A123 | FAILURE | Failure 0xA123
			C000 | FAILURE | Error: Cannot understand
			CFFF | FAILURE | Error: Cannot understand
			D000 | FAILURE | Failure 0xD000
			FF02 | FAILURE | Failure 0xFF02
			""")
	void categoryAndGeneralMeaning(String code, StatusCategory category, String meaning) {
		int value = Integer.parseInt(code, 16);
		assertThat(Status.categoryOf(value)).isEqualTo(category);
		assertThat(Status.meaningOf(value)).isEqualTo(meaning);
		assertThat(Status.meaningOf(value, null)).isEqualTo(meaning);
	}

	@ParameterizedTest(name = "0x{0} in {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0000 | C_FIND_RSP  | Matching is complete
			FF00 | C_FIND_RSP  | Matches are continuing
			FF01 | C_FIND_RSP  | Matches are continuing, one or more optional keys were not supported
			FE00 | C_FIND_RSP  | Matching terminated due to Cancel request
			A700 | C_FIND_RSP  | Refused: Out of resources
			A900 | C_FIND_RSP  | Identifier does not match SOP Class
			C123 | C_FIND_RSP  | Unable to process
			0122 | C_FIND_RSP  | Refused: SOP Class not supported
			B000 | C_STORE_RSP | Coercion of data elements
			A701 | C_STORE_RSP | Refused: Out of resources
			A702 | C_STORE_RQ  | Refused: Out of resources
			A9FF | C_STORE_RSP | Error: Data set does not match SOP Class
			C001 | C_STORE_RSP | Error: Cannot understand
			B007 | C_STORE_RSP | Data set does not match SOP Class
			0000 | C_MOVE_RSP  | Sub-operations complete, no failures or warnings
			FF00 | C_MOVE_RSP  | Sub-operations are continuing
			FE00 | C_MOVE_RSP  | Sub-operations terminated due to Cancel indication
			B000 | C_MOVE_RSP  | Sub-operations complete, one or more failures or warnings
			A701 | C_MOVE_RSP  | Refused: Out of resources, unable to calculate number of matches
			A702 | C_MOVE_RSP  | Refused: Out of resources, unable to perform sub-operations
			A801 | C_MOVE_RSP  | Refused: Move Destination unknown
			A900 | C_MOVE_RSP  | Identifier does not match SOP Class
			C000 | C_MOVE_RSP  | Unable to process
			B000 | C_GET_RSP   | Sub-operations complete, one or more failures or warnings
			A702 | C_GET_RQ    | Refused: Out of resources, unable to perform sub-operations
			0000 | C_ECHO_RSP  | Success
			0112 | N_GET_RSP   | No such SOP Instance
			""")
	void serviceSpecificMeaning(String code, CommandField field, String meaning) {
		assertThat(Status.meaningOf(Integer.parseInt(code, 16), field)).isEqualTo(meaning);
	}

	@Test
	void toStringShowsCodeCategoryAndMeaning() {
		assertThat(Status.toString(Status.MOVE_DESTINATION_UNKNOWN))
			.isEqualTo("0xA801 (Failure: Refused: Move Destination unknown)");
		assertThat(Status.toString(Status.PENDING, CommandField.C_GET_RSP))
			.isEqualTo("0xFF00 (Pending: Sub-operations are continuing)");
		assertThat(Status.toString(0xB000, CommandField.C_STORE_RSP))
			.isEqualTo("0xB000 (Warning: Coercion of data elements)");
	}

	@Test
	void rejectsCodesWiderThan16Bits() {
		assertThatIllegalArgumentException().isThrownBy(() -> Status.categoryOf(0x10000))
			.withMessage("Status code 65536 does not fit in 16 bits");
		assertThatIllegalArgumentException().isThrownBy(() -> Status.meaningOf(-1));
	}

}
