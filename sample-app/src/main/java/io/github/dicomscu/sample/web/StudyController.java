package io.github.dicomscu.sample.web;

import java.util.List;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomJsonWriter;
import io.github.dicomscu.data.InvalidUidException;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.UnknownTagKeywordException;
import io.github.dicomscu.net.query.InvalidMatchingValueException;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import io.github.dicomscu.scu.AeOperations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries a remote AE with C-FIND in the Study Root model, QIDO-RS style: the studies,
 * the series of a study and the instances of a series, as DICOM JSON (PS3.18 Annex F).
 * Query parameters other than {@code limit} are matching keys by dictionary keyword, for
 * example {@code ?PatientID=PAT001&StudyDate=20240101-&PatientName=DOE*}; a repeated
 * parameter gives several values, as UID list matching takes them. Each level has default
 * return keys; a matching key with the same keyword replaces its return key.
 * {@code limit} caps the number of matches (C-CANCEL is sent when it is reached),
 * {@value #DEFAULT_LIMIT} by default; 0 or a limit above {@code sample.query.max-limit}
 * (1000 by default) is capped to that maximum. A value that breaks a rule of its VR or of
 * PS3.4 C.2.2.2 is answered 400 naming the key; a value outside US-ASCII is sent in UTF-8
 * ({@code ISO_IR 192}).
 */
@RestController
@EnableConfigurationProperties(QueryProperties.class)
@RequestMapping("/api/remotes/{name}/studies")
public class StudyController {

	/** The media type of DICOM JSON (PS3.18 Annex F). */
	public static final MediaType APPLICATION_DICOM_JSON = MediaType.parseMediaType("application/dicom+json");

	static final int DEFAULT_LIMIT = 100;

	private static final String LIMIT = "limit";

	private static final String[] STUDY_RETURN_KEYS = { "StudyInstanceUID", "StudyDate", "StudyTime", "AccessionNumber",
			"PatientName", "PatientID", "ModalitiesInStudy", "StudyDescription", "NumberOfStudyRelatedSeries",
			"NumberOfStudyRelatedInstances" };

	private static final String[] SERIES_RETURN_KEYS = { "SeriesInstanceUID", "Modality", "SeriesNumber",
			"SeriesDescription", "NumberOfSeriesRelatedInstances" };

	private static final String[] INSTANCE_RETURN_KEYS = { "SOPInstanceUID", "SOPClassUID", "InstanceNumber" };

	private final AeOperations aeOperations;

	private final int maxLimit;

	public StudyController(AeOperations aeOperations, QueryProperties properties) {
		this.aeOperations = aeOperations;
		this.maxLimit = properties.getMaxLimit();
	}

	@GetMapping
	public ResponseEntity<String> studies(@PathVariable String name,
			@RequestParam MultiValueMap<String, String> parameters) {
		Query query = query(QueryLevel.STUDY, STUDY_RETURN_KEYS, parameters);
		return find(name, query, parameters);
	}

	@GetMapping("/{study}/series")
	public ResponseEntity<String> series(@PathVariable String name, @PathVariable String study,
			@RequestParam MultiValueMap<String, String> parameters) {
		Query query = query(QueryLevel.SERIES, SERIES_RETURN_KEYS, parameters);
		query.match("StudyInstanceUID", uid("study", study));
		return find(name, query, parameters);
	}

	@GetMapping("/{study}/series/{series}/instances")
	public ResponseEntity<String> instances(@PathVariable String name, @PathVariable String study,
			@PathVariable String series, @RequestParam MultiValueMap<String, String> parameters) {
		Query query = query(QueryLevel.IMAGE, INSTANCE_RETURN_KEYS, parameters);
		query.match("StudyInstanceUID", uid("study", study));
		query.match("SeriesInstanceUID", uid("series", series));
		return find(name, query, parameters);
	}

	private ResponseEntity<String> find(String name, Query query, MultiValueMap<String, String> parameters) {
		List<DataSet> matches = this.aeOperations.findAll(name, query, limit(parameters));
		return ResponseEntity.ok().contentType(APPLICATION_DICOM_JSON).body(DicomJsonWriter.toJson(matches));
	}

	/**
	 * Build a Study Root query at a level: the level's return keys, then a matching key
	 * for each query parameter but {@code limit}.
	 */
	private static Query query(QueryLevel level, String[] returnKeys, MultiValueMap<String, String> parameters) {
		Query query = Query.studyRoot(level).returnKey(returnKeys);
		parameters.forEach((keyword, values) -> {
			if (!LIMIT.equals(keyword)) {
				try {
					query.match(keyword, values.toArray(String[]::new));
				}
				catch (UnknownTagKeywordException ex) {
					throw InvalidQueryParameterException.unknownKeyword(ex);
				}
				catch (InvalidMatchingValueException ex) {
					throw InvalidQueryParameterException.invalidValue(ex);
				}
				catch (IllegalArgumentException ex) {
					throw InvalidQueryParameterException.notMatchable(keyword, ex);
				}
			}
		});
		return query;
	}

	private int limit(MultiValueMap<String, String> parameters) {
		String value = parameters.getFirst(LIMIT);
		if (value == null) {
			return Math.min(DEFAULT_LIMIT, this.maxLimit);
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 0) {
				return (limit == 0 || limit > this.maxLimit) ? this.maxLimit : limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw InvalidQueryParameterException.invalidLimit(value);
	}

	private static String uid(String pathVariable, String value) {
		try {
			return Uid.checkValid(value);
		}
		catch (InvalidUidException ex) {
			throw InvalidQueryParameterException.invalidUid(pathVariable, ex);
		}
	}

}
