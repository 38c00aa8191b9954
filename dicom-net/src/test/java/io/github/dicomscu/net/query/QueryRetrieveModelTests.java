package io.github.dicomscu.net.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SOP classes and levels of each {@link QueryRetrieveModel} (PS3.4 Annex B registry).
 */
class QueryRetrieveModelTests {

	@Test
	void sopClassesOfEachModel() {
		assertThat(QueryRetrieveModel.PATIENT_ROOT.findSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.1.1");
		assertThat(QueryRetrieveModel.PATIENT_ROOT.moveSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.1.2");
		assertThat(QueryRetrieveModel.PATIENT_ROOT.getSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.1.3");
		assertThat(QueryRetrieveModel.STUDY_ROOT.findSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.2.1");
		assertThat(QueryRetrieveModel.STUDY_ROOT.moveSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.2.2");
		assertThat(QueryRetrieveModel.STUDY_ROOT.getSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.2.3");
		assertThat(QueryRetrieveModel.PATIENT_STUDY_ONLY.findSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.3.1");
		assertThat(QueryRetrieveModel.PATIENT_STUDY_ONLY.moveSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.3.2");
		assertThat(QueryRetrieveModel.PATIENT_STUDY_ONLY.getSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.2.3.3");
		assertThat(QueryRetrieveModel.MODALITY_WORKLIST.findSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.31");
	}

	@Test
	void worklistHasNoRetrieve() {
		assertThat(QueryRetrieveModel.MODALITY_WORKLIST.supportsRetrieve()).isFalse();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(QueryRetrieveModel.MODALITY_WORKLIST::moveSopClassUid)
			.withMessage("Modality Worklist Information Model - FIND has no C-MOVE counterpart");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(QueryRetrieveModel.MODALITY_WORKLIST::getSopClassUid);
	}

	@Test
	void levelsOfEachModel() {
		assertThat(QueryLevel.values()).allMatch(QueryRetrieveModel.PATIENT_ROOT::supports);
		assertThat(QueryRetrieveModel.STUDY_ROOT.supports(QueryLevel.PATIENT)).isFalse();
		assertThat(QueryRetrieveModel.STUDY_ROOT.supports(QueryLevel.IMAGE)).isTrue();
		assertThat(QueryRetrieveModel.PATIENT_STUDY_ONLY.supports(QueryLevel.STUDY)).isTrue();
		assertThat(QueryRetrieveModel.PATIENT_STUDY_ONLY.supports(QueryLevel.SERIES)).isFalse();
		assertThat(QueryLevel.values()).noneMatch(QueryRetrieveModel.MODALITY_WORKLIST::supports);
	}

}
