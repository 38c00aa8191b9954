package io.github.dicomscu.sample.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.github.dicomscu.autoconfigure.DicomScuProperties;
import io.github.dicomscu.data.InvalidUidException;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import io.github.dicomscu.net.query.RetrieveProgress;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.net.query.StoreReceiver;
import io.github.dicomscu.sample.web.InvalidRetrieveRequestException.FieldError;
import io.github.dicomscu.scu.AeOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retrieves a study, series or instance from a remote AE in the Study Root model: with
 * C-MOVE to a destination AE (by default the local storage SCP,
 * {@code dicom.scu.storage-scp}), or with C-GET into {@code sample.retrieve.directory}.
 * Answers with the final sub-operation counts; a failure status is a 502 problem from
 * {@link DicomAccessExceptionHandler}, and a retrieve still pending after
 * {@code sample.retrieve.timeout} is aborted and answered with a 504 problem. A request
 * that does not say what to retrieve, or names a destination that
 * {@link AeOperations#move} refuses as an AE title, is a 400 problem.
 */
@RestController
@RequestMapping("/api/remotes")
@EnableConfigurationProperties(RetrieveProperties.class)
public class RetrieveController {

	private static final Logger logger = LoggerFactory.getLogger(RetrieveController.class);

	private final AeOperations aeOperations;

	private final RetrieveProperties properties;

	private final String defaultDestination;

	public RetrieveController(AeOperations aeOperations, RetrieveProperties properties,
			DicomScuProperties dicomScuProperties) {
		this.aeOperations = aeOperations;
		this.properties = properties;
		this.defaultDestination = localStorageScpAeTitle(dicomScuProperties);
	}

	@PostMapping("/{name}/move")
	public RetrieveResponse move(@PathVariable String name, @RequestBody RetrieveRequest request) {
		List<FieldError> errors = new ArrayList<>();
		Query query = query(request, errors);
		String destination = (request.destination() != null) ? request.destination() : this.defaultDestination;
		if (destination == null) {
			errors.add(new FieldError("destination", "required: no local storage SCP is configured "
					+ "(dicom.scu.storage-scp.enabled) to move to by default"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRetrieveRequestException(errors);
		}
		RetrieveResult result;
		try {
			result = this.aeOperations.move(name, query, destination,
					progress("C-MOVE", name, this.properties.getTimeout()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRetrieveRequestException(List.of(new FieldError("destination", ex.getMessage())));
		}
		return RetrieveResponse.of(result);
	}

	@PostMapping("/{name}/get")
	public RetrieveResponse get(@PathVariable String name, @RequestBody RetrieveRequest request) {
		List<FieldError> errors = new ArrayList<>();
		Query query = query(request, errors);
		if (request.destination() != null) {
			errors.add(new FieldError("destination",
					"only a move has a destination; a get stores into " + "sample.retrieve.directory"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRetrieveRequestException(errors);
		}
		RetrieveResult result = this.aeOperations.get(name, query,
				StoreReceiver.toDirectory(this.properties.getDirectory()),
				progress("C-GET", name, this.properties.getTimeout()));
		return RetrieveResponse.of(result);
	}

	/**
	 * Return the AE title of the auto-configured storage SCP, the default move
	 * destination.
	 */
	private static String localStorageScpAeTitle(DicomScuProperties properties) {
		DicomScuProperties.StorageScp storageScp = properties.getStorageScp();
		if (!storageScp.isEnabled()) {
			return null;
		}
		return (storageScp.getAeTitle() != null) ? storageScp.getAeTitle() : properties.getAeTitle();
	}

	/**
	 * Build the Study Root identifier of a request: the level and the unique keys down to
	 * it (PS3.4 C.4.2.2.1: the keys of the levels above, and no keys below).
	 */
	private static Query query(RetrieveRequest request, List<FieldError> errors) {
		QueryLevel level = level(request.level(), errors);
		if (level == null) {
			return null;
		}
		Query query = Query.studyRoot(level);
		key(query, "studyInstanceUid", "StudyInstanceUID", request.studyInstanceUid(), true, errors);
		key(query, "seriesInstanceUid", "SeriesInstanceUID", request.seriesInstanceUid(), level != QueryLevel.STUDY,
				errors);
		key(query, "sopInstanceUid", "SOPInstanceUID", request.sopInstanceUid(), level == QueryLevel.IMAGE, errors);
		return query;
	}

	private static QueryLevel level(String level, List<FieldError> errors) {
		if (level == null || level.isBlank()) {
			errors.add(new FieldError("level", "required: STUDY, SERIES or IMAGE"));
			return null;
		}
		return switch (level.strip().toUpperCase(Locale.ROOT)) {
			case "STUDY" -> QueryLevel.STUDY;
			case "SERIES" -> QueryLevel.SERIES;
			case "IMAGE" -> QueryLevel.IMAGE;
			default -> {
				errors.add(new FieldError("level",
						"must be STUDY, SERIES or IMAGE (Study Root model); found '" + level + "'"));
				yield null;
			}
		};
	}

	private static void key(Query query, String field, String keyword, String uid, boolean required,
			List<FieldError> errors) {
		String level = query.level().code();
		if (uid == null || uid.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "required at the " + level + " level"));
			}
			return;
		}
		if (!required) {
			errors.add(new FieldError(field,
					"not a key at the " + level + " level; retrieve at a lower level, " + "or leave it out"));
		}
		else {
			try {
				query.match(keyword, Uid.checkValid(uid));
			}
			catch (InvalidUidException ex) {
				errors.add(new FieldError(field, ex.getMessage()));
			}
		}
	}

	/**
	 * Return the progress callback of a retrieve: it logs each pending response and, once
	 * the retrieve has run longer than {@code timeout}, throws, which aborts the
	 * association.
	 */
	private static Consumer<RetrieveProgress> progress(String operation, String remote, Duration timeout) {
		long start = System.nanoTime();
		return (progress) -> {
			logger.debug("{} from '{}': {} completed, {} failed, {} warning, {} remaining", operation, remote,
					progress.completed(), progress.failed(), progress.warning(), progress.remaining());
			if (System.nanoTime() - start > timeout.toNanos()) {
				throw new RetrieveTimeoutException(operation, remote, timeout);
			}
		};
	}

}
