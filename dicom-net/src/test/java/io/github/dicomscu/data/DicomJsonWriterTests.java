package io.github.dicomscu.data;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DICOM JSON model of PS3.18 Annex F, checked against hand-written JSON.
 */
class DicomJsonWriterTests {

	@Test
	void writesEachKindOfValue() {
		DataSet dataSet = new DataSet();
		dataSet.setString("SpecificCharacterSet", "ISO_IR 192");
		dataSet.setString("StudyDate", "20240105");
		dataSet.setString("PatientName", "Yamada^Tarou=山田^太郎=やまだ^たろう");
		dataSet.setString("ModalitiesInStudy", "CT", "MR");
		dataSet.setString("StudyInstanceUID", "1.2.3");
		dataSet.setString("NumberOfStudyRelatedInstances", "12");
		dataSet.setString("PatientWeight", "72.5");
		dataSet.setInt("Rows", 512);
		dataSet.setString("AccessionNumber");
		dataSet.setBytes(0x00091010, VR.OB, new byte[] { 1, 2, 3, 4 });
		DataSet item = new DataSet();
		item.setString("CodeValue", "T-A0100");
		item.setString("CodeMeaning", "Brain \"head\"");
		dataSet.setSequence("AnatomicRegionSequence", List.of(item));
		assertThat(DicomJsonWriter.toJson(dataSet)).isEqualTo("{"
				+ "\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
				+ "\"00080020\":{\"vr\":\"DA\",\"Value\":[\"20240105\"]}," + "\"00080050\":{\"vr\":\"SH\"},"
				+ "\"00080061\":{\"vr\":\"CS\",\"Value\":[\"CT\",\"MR\"]}," + "\"00082218\":{\"vr\":\"SQ\",\"Value\":[{"
				+ "\"00080100\":{\"vr\":\"SH\",\"Value\":[\"T-A0100\"]},"
				+ "\"00080104\":{\"vr\":\"LO\",\"Value\":[\"Brain \\\"head\\\"\"]}}]},"
				+ "\"00091010\":{\"vr\":\"OB\",\"InlineBinary\":\"AQIDBA==\"},"
				+ "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\","
				+ "\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"}]},"
				+ "\"00101030\":{\"vr\":\"DS\",\"Value\":[72.5]},"
				+ "\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}," + "\"00201208\":{\"vr\":\"IS\",\"Value\":[12]},"
				+ "\"00280010\":{\"vr\":\"US\",\"Value\":[512]}}");
	}

	@Test
	void writesAnArrayOfDataSets() {
		DataSet first = new DataSet().setString("PatientID", "A");
		DataSet second = new DataSet().setString("PatientID", "B");
		assertThat(DicomJsonWriter.toJson(List.of(first, second))).isEqualTo(
				"[{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"A\"]}},{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"B\"]}}]");
	}

}
