package io.github.dicomscu.sample.web;

import io.github.dicomscu.data.PrintableText;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors the servlet container reports itself, instead of Spring Boot's error
 * map, with RFC 9457 problem details like the rest of the API. The container takes over
 * when a request body breaks off while it is read (a client that stops sending
 * mid-upload): it discards whatever the application answered and dispatches here. The
 * answer is then the problem {@link DicomAccessExceptionHandler} made for the request,
 * which it already logged; when there is none, a problem for the status that names no
 * cause, logged here once at WARN for a client mistake (the container logs the exception
 * of a server error itself).
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

	private static final Logger logger = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		if (request.getAttribute(DicomAccessExceptionHandler.ANSWERED_PROBLEM) instanceof ProblemDetail problem) {
			return ResponseEntity.status(problem.getStatus()).body(problem);
		}
		if (status.is4xxClientError()) {
			Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
			logger.warn("{} for uri={}: {}", status.value(),
					PrintableText.of(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), PrintableText
						.of((message instanceof String text && !text.isEmpty()) ? text : status.getReasonPhrase()));
		}
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(status.is4xxClientError() ? status.getReasonPhrase() : "Internal error");
		return ResponseEntity.status(status).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
