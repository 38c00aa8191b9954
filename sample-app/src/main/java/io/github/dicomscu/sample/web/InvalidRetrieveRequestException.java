package io.github.dicomscu.sample.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A move or get request that does not say what to retrieve in a way the Study Root model
 * allows, rendered as a 400 problem detail whose {@code errors} list each offending field
 * with what is wrong with it.
 */
class InvalidRetrieveRequestException extends ErrorResponseException {

	InvalidRetrieveRequestException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				String.join("; ", errors.stream().map((error) -> error.field() + ": " + error.message()).toList()));
		problem.setTitle("Invalid retrieve request");
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * What is wrong with one field of the request.
	 *
	 * @param field the JSON field
	 * @param message what is wrong
	 */
	record FieldError(String field, String message) {
	}

}
