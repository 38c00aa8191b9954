package io.github.dicomscu.net.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link MatchingValues}, through {@link Query#match(String, String...)}.
 */
class MatchingValuesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			PatientName       | DOE^J*
			PatientName       | ?OE*
			PatientName       | ''
			PatientID         | *
			StudyDate         | 20240229
			StudyDate         | 20240101-
			StudyDate         | -20241231
			StudyDate         | 20240101-20241231
			StudyTime         | 07
			StudyTime         | 0700-183000.5
			StudyTime         | 235960.123456
			AcquisitionDateTime | 20240101120000.5+0100-20240102
			AcquisitionDateTime | 2024-0500
			AcquisitionDateTime | -202401011200-0500
			StudyInstanceUID  | 1.2.840.10008.1.1
			ModalitiesInStudy | C?
			""")
	void acceptsValidValues(String keyword, String value) {
		assertThatNoException().isThrownBy(() -> Query.studyRoot(QueryLevel.STUDY).match(keyword, value));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			PatientName       | *\\*                  | backslash
			PatientID         | 12345678901234567890123456789012345678901234567890123456789012345 | at most 64
			StudyDate         | 20240230              | YYYYMMDD
			StudyDate         | 2024-01-01            | YYYYMMDD
			StudyDate         | 2024*                 | wildcards
			StudyDate         | -                     | YYYYMMDD
			StudyDate         | 20240101-20241231-    | YYYYMMDD
			StudyTime         | 2400                  | HH[MM
			StudyTime         | 07.5                  | HH[MM
			AcquisitionDateTime | 2024130101          | YYYY[MM
			StudyInstanceUID  | 1.2.*                 | wildcards
			StudyInstanceUID  | 1.02.3                | no leading zeros
			StudyInstanceUID  | 1..2                  | periods
			AccessionNumber   | ABCDEFGHIJKLMNOPQ     | at most 16
			""")
	void rejectsInvalidValuesNamingKeyAndRule(String keyword, String value, String rule) {
		assertThatExceptionOfType(InvalidMatchingValueException.class)
			.isThrownBy(() -> Query.studyRoot(QueryLevel.STUDY).match(keyword, value))
			.withMessageStartingWith("Invalid matching value for " + keyword + ": ")
			.withMessageContaining(rule)
			.extracting(InvalidMatchingValueException::getKeyword)
			.isEqualTo(keyword);
	}

	@ParameterizedTest
	@CsvSource({ "StudyInstanceUID, true", "PatientName, false", "StudyDate, false" })
	void severalValuesOnlyForListOfUidMatching(String keyword, boolean allowed) {
		Query query = Query.studyRoot(QueryLevel.STUDY);
		if (allowed) {
			assertThatNoException().isThrownBy(() -> query.match(keyword, "1.2.3", "1.2.4"));
		}
		else {
			assertThatExceptionOfType(InvalidMatchingValueException.class)
				.isThrownBy(() -> query.match(keyword, "20240101", "20240102"))
				.withMessageContaining("list of UID matching");
		}
	}

}
