package io.github.dicomscu.sample.web;

/**
 * The body of {@code POST /api/remotes/{name}/move} and {@code POST
 * /api/remotes/{name}/get}: what to retrieve, in the Study Root model, by level and
 * unique keys.
 *
 * @param level {@code STUDY}, {@code SERIES} or {@code IMAGE} (any case)
 * @param studyInstanceUid the study, always required
 * @param seriesInstanceUid the series, required at the {@code SERIES} and {@code IMAGE}
 * levels
 * @param sopInstanceUid the instance, required at the {@code IMAGE} level
 * @param destination the AE title to move to (move only); by default the local storage
 * SCP
 */
public record RetrieveRequest(String level, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
		String destination) {

}
