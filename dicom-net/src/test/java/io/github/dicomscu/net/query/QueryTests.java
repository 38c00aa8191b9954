package io.github.dicomscu.net.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.TagDictionary;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.UnknownTagKeywordException;
import io.github.dicomscu.data.VR;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Identifiers built by {@link Query}: exact contents, encoding and validation.
 */
class QueryTests {

	@Test
	void studyRootIdentifierIsEncodedExactly() {
		DataSet identifier = Query.studyRoot(QueryLevel.STUDY)
			.match("PatientID", "123")
			.match("StudyDate", "20240101-")
			.returnKey("StudyInstanceUID")
			.returnKey("ModalitiesInStudy")
			.toIdentifier();
		assertThat(new DataSetWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toByteArray(identifier))
			.isEqualTo(bytes("08 00 20 00", "'DA", "0A 00", "'20240101- ", // StudyDate,
																			// padded to
																			// even length
					"08 00 52 00", "'CS", "06 00", "'STUDY ", // QueryRetrieveLevel
					"08 00 61 00", "'CS", "00 00", // ModalitiesInStudy, return key
					"10 00 20 00", "'LO", "04 00", "'123 ", // PatientID
					"20 00 0D 00", "'UI", "00 00")); // StudyInstanceUID, return key
	}

	@Test
	void uniqueKeyOfTheLevelIsAddedAsReturnKeyUnlessGiven() {
		DataSet series = Query.studyRoot(QueryLevel.SERIES)
			.match("StudyInstanceUID", "1.2.3")
			.match("SeriesInstanceUID", "1.2.3.4", "1.2.3.5")
			.toIdentifier();
		assertThat(series.getStrings("SeriesInstanceUID")).containsExactly("1.2.3.4", "1.2.3.5");
		assertThat(series.getString("QueryRetrieveLevel")).isEqualTo("SERIES");
		DataSet images = Query.patientRoot(QueryLevel.IMAGE).match("PatientID", "7").toIdentifier();
		assertThat(images.get("SOPInstanceUID").vr()).isEqualTo(VR.UI);
		assertThat(images.get("SOPInstanceUID").bytes()).isEmpty();
		assertThat(images.size()).isEqualTo(3);
		DataSet patients = Query.patientStudyOnly(QueryLevel.PATIENT).toIdentifier();
		assertThat(patients.contains("PatientID")).isTrue();
		assertThat(patients.size()).isEqualTo(2);
	}

	@Test
	void worklistQueryHasASequenceItemOfKeysAndNoLevel() {
		DataSet identifier = Query.worklist()
			.match("PatientName", "DOE*")
			.returnKey("PatientID", "ReferencedStudySequence")
			.sequence("ScheduledProcedureStepSequence",
					(step) -> step.match("Modality", "CT")
						.match("ScheduledProcedureStepStartDate", "20240315")
						.returnKey("ScheduledStationAETitle")
						.sequence("ScheduledProtocolCodeSequence", (code) -> code.returnKey("CodeValue")))
			.toIdentifier();
		DataSet expectedStep = new DataSet().setString("Modality", "CT")
			.setString("ScheduledStationAETitle")
			.setString("ScheduledProcedureStepStartDate", "20240315")
			.setSequence("ScheduledProtocolCodeSequence", List.of(new DataSet().setString("CodeValue")));
		DataSet expected = new DataSet().setString("PatientName", "DOE*")
			.setString("PatientID")
			.setSequence("ReferencedStudySequence", List.of())
			.setSequence("ScheduledProcedureStepSequence", List.of(expectedStep));
		assertThat(identifier).isEqualTo(expected);
		assertThat(identifier.contains("QueryRetrieveLevel")).isFalse();
	}

	@Test
	void specificCharacterSetAppliesWhereverItIsAdded() {
		DataSet identifier = Query.worklist()
			.match("PatientName", "M\u00fcller^Hans")
			.sequence("ScheduledProcedureStepSequence",
					(step) -> step.match("ScheduledPerformingPhysicianName", "J\u00f6rg"))
			.match("SpecificCharacterSet", "ISO_IR 100")
			.toIdentifier();
		assertThat(identifier.getBytes("PatientName"))
			.isEqualTo("M\u00fcller^Hans ".getBytes(StandardCharsets.ISO_8859_1));
		DataSet step = identifier.getSequence("ScheduledProcedureStepSequence").get(0);
		assertThat(step.getBytes("ScheduledPerformingPhysicianName"))
			.isEqualTo("J\u00f6rg".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(step.getString("ScheduledPerformingPhysicianName")).isEqualTo("J\u00f6rg");
	}

	@Test
	void textOutsideUsAsciiWithoutASpecificCharacterSetGetsUtf8() {
		DataSet identifier = Query.worklist()
			.sequence("ScheduledProcedureStepSequence",
					(step) -> step.match("ScheduledPerformingPhysicianName", "J\u00f6rg*"))
			.toIdentifier();
		assertThat(identifier.getString("SpecificCharacterSet")).isEqualTo("ISO_IR 192");
		DataSet step = identifier.getSequence("ScheduledProcedureStepSequence").get(0);
		assertThat(step.getBytes("ScheduledPerformingPhysicianName"))
			.isEqualTo("J\u00f6rg*".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void textInUsAsciiGetsNoSpecificCharacterSet() {
		DataSet identifier = Query.patientRoot(QueryLevel.PATIENT).match("PatientName", "MULLER*").toIdentifier();
		assertThat(identifier.contains("SpecificCharacterSet")).isFalse();
	}

	@Test
	void textOutsideTheGivenSpecificCharacterSetIsRejected() {
		Query query = Query.patientRoot(QueryLevel.PATIENT)
			.match("SpecificCharacterSet", "ISO_IR 100")
			.match("PatientName", "\u65e5\u672c");
		assertThatIllegalArgumentException().isThrownBy(query::toIdentifier);
	}

	@Test
	void aLaterKeyReplacesAnEarlierOne() {
		DataSet identifier = Query.studyRoot(QueryLevel.STUDY)
			.match("PatientID", "1")
			.returnKey("PatientID")
			.match("StudyDate", "20240101")
			.match("StudyDate", "20230101")
			.toIdentifier();
		assertThat(identifier.get("PatientID").bytes()).isEmpty();
		assertThat(identifier.getString("StudyDate")).isEqualTo("20230101");
	}

	@Test
	void levelsOutsideTheModelAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Query.studyRoot(QueryLevel.PATIENT))
			.withMessage("The STUDY_ROOT information model has no PATIENT level");
		assertThatIllegalArgumentException().isThrownBy(() -> Query.patientStudyOnly(QueryLevel.SERIES));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Query.of(QueryRetrieveModel.MODALITY_WORKLIST, QueryLevel.STUDY));
	}

	@Test
	void keysAreCheckedAgainstTheDictionary() {
		Query query = Query.worklist();
		assertThatExceptionOfType(UnknownTagKeywordException.class).isThrownBy(() -> query.match("PatientNme", "X"))
			.withMessageContaining("PatientName");
		assertThatIllegalArgumentException().isThrownBy(() -> query.match("ScheduledProcedureStepSequence", "X"))
			.withMessageContaining("sequence(\"ScheduledProcedureStepSequence\", ...)");
		assertThatIllegalArgumentException().isThrownBy(() -> query.match("Rows", "2"))
			.withMessage("Rows has VR US, which does not hold text; only text attributes can be matching keys");
		assertThatIllegalArgumentException().isThrownBy(() -> query.sequence("PatientName", (item) -> {
		})).withMessageContaining("not SQ");
		assertThat(query.returnKey("Rows").toIdentifier().get(TagDictionary.tagOf("Rows")).vr()).isEqualTo(VR.US);
	}

	@Test
	void toStringListsTheKeys() {
		assertThat(Query.studyRoot(QueryLevel.STUDY).match("PatientID", "1").returnKey("StudyDate"))
			.hasToString("STUDY_ROOT STUDY {PatientID=1, StudyDate=(return)}");
	}

	private static byte[] bytes(String... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : parts) {
			out.writeBytes(part.startsWith("'") ? part.substring(1).getBytes(StandardCharsets.US_ASCII)
					: HexFormat.ofDelimiter(" ").parseHex(part));
		}
		return out.toByteArray();
	}

}
