package io.github.dicomscu.sample.web;

import java.util.List;

import io.github.dicomscu.data.InvalidUidException;
import io.github.dicomscu.data.UnknownTagKeywordException;
import io.github.dicomscu.net.query.InvalidMatchingValueException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A query request with a parameter or path segment that cannot become part of a C-FIND
 * identifier, rendered as a 400 problem detail with the offending {@code parameter} and,
 * for a misspelt keyword, the dictionary's {@code suggestions}.
 */
class InvalidQueryParameterException extends ErrorResponseException {

	private InvalidQueryParameterException(String detail, String parameter, Throwable cause) {
		super(HttpStatus.BAD_REQUEST, problem(detail, parameter), cause);
	}

	/**
	 * Return the exception for a query parameter that is not a keyword of the data
	 * dictionary.
	 * @param ex the dictionary's exception, whose message suggests the closest keywords
	 * @return the exception
	 */
	static InvalidQueryParameterException unknownKeyword(UnknownTagKeywordException ex) {
		InvalidQueryParameterException invalid = new InvalidQueryParameterException(
				"Query parameter '" + ex.getKeyword() + "' is not a matching key: " + ex.getMessage(), ex.getKeyword(),
				ex);
		invalid.getBody().setProperty("suggestions", List.copyOf(ex.getSuggestions()));
		return invalid;
	}

	/**
	 * Return the exception for a keyword that cannot be a matching key, such as a
	 * sequence or a binary attribute.
	 * @param keyword the keyword
	 * @param ex the reason
	 * @return the exception
	 */
	static InvalidQueryParameterException notMatchable(String keyword, IllegalArgumentException ex) {
		return new InvalidQueryParameterException(
				"Query parameter '" + keyword + "' is not a matching key: " + ex.getMessage(), keyword, ex);
	}

	/**
	 * Return the exception for a matching value that breaks a rule of its VR or of PS3.4
	 * C.2.2.2.
	 * @param ex the rule broken, naming the key
	 * @return the exception
	 */
	static InvalidQueryParameterException invalidValue(InvalidMatchingValueException ex) {
		return new InvalidQueryParameterException(ex.getMessage(), ex.getKeyword(), ex);
	}

	/**
	 * Return the exception for a {@code limit} that is not a non-negative integer.
	 * @param value the value given
	 * @return the exception
	 */
	static InvalidQueryParameterException invalidLimit(String value) {
		return new InvalidQueryParameterException(
				"Query parameter 'limit' must be a number of matches, 0 for the maximum; found '" + value + "'",
				"limit", null);
	}

	/**
	 * Return the exception for a path segment that should be a UID.
	 * @param pathVariable the name of the path segment, {@code study} or {@code series}
	 * @param ex what is wrong with the UID
	 * @return the exception
	 */
	static InvalidQueryParameterException invalidUid(String pathVariable, InvalidUidException ex) {
		return new InvalidQueryParameterException(
				"The " + pathVariable + " in the path is not a UID: " + ex.getMessage(), pathVariable, ex);
	}

	private static ProblemDetail problem(String detail, String parameter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid query parameter");
		problem.setProperty("parameter", parameter);
		return problem;
	}

}
