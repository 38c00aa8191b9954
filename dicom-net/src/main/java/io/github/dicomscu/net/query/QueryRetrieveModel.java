package io.github.dicomscu.net.query;

import java.util.EnumSet;
import java.util.Set;

import io.github.dicomscu.data.UidDictionary;

/**
 * An information model that C-FIND, C-MOVE and C-GET operate on (PS3.4 Annex C and K):
 * the three Query/Retrieve models with their FIND, MOVE and GET SOP classes, and the
 * Modality Worklist model, which only has FIND.
 */
public enum QueryRetrieveModel {

	/**
	 * Patient Root Query/Retrieve Information Model: patient, study, series and image
	 * levels.
	 */
	PATIENT_ROOT("PatientRootQueryRetrieveInformationModel", EnumSet.allOf(QueryLevel.class)),

	/** Study Root Query/Retrieve Information Model: study, series and image levels. */
	STUDY_ROOT("StudyRootQueryRetrieveInformationModel",
			EnumSet.of(QueryLevel.STUDY, QueryLevel.SERIES, QueryLevel.IMAGE)),

	/**
	 * Patient/Study Only Query/Retrieve Information Model (retired): patient and study
	 * levels.
	 */
	PATIENT_STUDY_ONLY("PatientStudyOnlyQueryRetrieveInformationModel",
			EnumSet.of(QueryLevel.PATIENT, QueryLevel.STUDY)),

	/** Modality Worklist Information Model: FIND only, without levels. */
	MODALITY_WORKLIST("ModalityWorklistInformationModel", EnumSet.noneOf(QueryLevel.class));

	private final String findSopClassUid;

	private final String moveSopClassUid;

	private final String getSopClassUid;

	private final Set<QueryLevel> levels;

	QueryRetrieveModel(String keywordPrefix, Set<QueryLevel> levels) {
		this.findSopClassUid = UidDictionary.toUid(keywordPrefix + "Find");
		boolean retrieves = !levels.isEmpty();
		this.moveSopClassUid = retrieves ? UidDictionary.toUid(keywordPrefix + "Move") : null;
		this.getSopClassUid = retrieves ? UidDictionary.toUid(keywordPrefix + "Get") : null;
		this.levels = levels;
	}

	/**
	 * Return the SOP class of C-FIND in this model.
	 * @return the SOP class UID
	 */
	public String findSopClassUid() {
		return this.findSopClassUid;
	}

	/**
	 * Return the SOP class of C-MOVE in this model.
	 * @return the SOP class UID
	 * @throws UnsupportedOperationException for {@link #MODALITY_WORKLIST}, which has
	 * none
	 */
	public String moveSopClassUid() {
		checkRetrieves("C-MOVE");
		return this.moveSopClassUid;
	}

	/**
	 * Return the SOP class of C-GET in this model.
	 * @return the SOP class UID
	 * @throws UnsupportedOperationException for {@link #MODALITY_WORKLIST}, which has
	 * none
	 */
	public String getSopClassUid() {
		checkRetrieves("C-GET");
		return this.getSopClassUid;
	}

	/**
	 * Return whether this model has C-MOVE and C-GET SOP classes.
	 * @return {@code false} only for {@link #MODALITY_WORKLIST}
	 */
	public boolean supportsRetrieve() {
		return this.moveSopClassUid != null;
	}

	/**
	 * Return whether a query or retrieve may use a level in this model.
	 * @param level the level
	 * @return whether the model has that level
	 */
	public boolean supports(QueryLevel level) {
		return this.levels.contains(level);
	}

	private void checkRetrieves(String operation) {
		if (!supportsRetrieve()) {
			throw new UnsupportedOperationException(
					UidDictionary.nameOf(this.findSopClassUid) + " has no " + operation + " counterpart");
		}
	}

}
