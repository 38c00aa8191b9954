package io.github.dicomscu.sample.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.scu.DicomAccessException;
import io.github.dicomscu.scu.AssociationAbortedException;
import io.github.dicomscu.scu.AssociationRejectedException;
import io.github.dicomscu.scu.DicomConnectException;
import io.github.dicomscu.scu.DicomProtocolException;
import io.github.dicomscu.scu.DicomTimeoutException;
import io.github.dicomscu.scu.DicomTlsException;
import io.github.dicomscu.scu.DimseFailureException;
import io.github.dicomscu.scu.MoveDestinationUnknownException;
import io.github.dicomscu.scu.NoAcceptedContextException;
import io.github.dicomscu.scu.RetrieveFailedException;
import io.github.dicomscu.scu.TransferSyntaxNotAcceptedException;
import io.github.dicomscu.scu.UnknownRemoteException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception of the sample's endpoints into an RFC 9457 problem detail, logged
 * once at WARN with the remote (or the request) and the reason, wire text escaped.
 * {@link DicomAccessException}s are 404 for an unknown remote, 504 (Gateway Timeout) for
 * a timeout and 502 (Bad Gateway) for another failure of the peer or of the network to
 * it: the exception's message is the {@code detail}; {@code remote} and {@code errorType}
 * (the exception's simple name) are always present, with further properties for some
 * failures: the DIMSE status of a failure status, and the sub-operation counts of a
 * failed C-MOVE or C-GET. Client mistakes are 4xx: those of Spring MVC (missing or
 * invalid parameters, unsupported media types, too large uploads, unreadable bodies) as
 * the base class answers them, a malformed multipart body, an unreadable upload and an
 * invalid value ({@link IllegalArgumentException}). Anything else is a bug: a 500 problem
 * that says nothing of the cause, logged at ERROR with its stack trace. The problem of a
 * client mistake is kept as a request attribute, so that {@link ProblemErrorController}
 * answers it when the servlet container discards this answer (as it does when the request
 * body breaks off).
 */
@RestControllerAdvice
public class DicomAccessExceptionHandler extends ResponseEntityExceptionHandler {

	/**
	 * The request attribute that holds the problem a client mistake was answered with,
	 * for {@link ProblemErrorController} to answer it again when the servlet container
	 * discarded the answer.
	 */
	static final String ANSWERED_PROBLEM = DicomAccessExceptionHandler.class.getName() + ".answeredProblem";

	private static final Logger logger = LoggerFactory.getLogger(DicomAccessExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail handleUnknownRemote(UnknownRemoteException ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown remote AE", ex);
	}

	@ExceptionHandler
	ProblemDetail handleConnectionFailure(DicomConnectException ex) {
		return peerFailure("Connection to the remote AE failed", ex);
	}

	@ExceptionHandler
	ProblemDetail handleTlsFailure(DicomTlsException ex) {
		ProblemDetail problem = peerFailure("TLS connection to the remote AE failed", ex);
		problem.setProperty("tlsFailure", ex.getFailure().name());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleAssociationRejected(AssociationRejectedException ex) {
		ProblemDetail problem = peerFailure("Association rejected by the remote AE", ex);
		problem.setProperty("rejectResult", ex.getResult().text());
		problem.setProperty("rejectSource", ex.getSource().text());
		problem.setProperty("rejectReason", ex.getReason().text());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleAssociationAborted(AssociationAbortedException ex) {
		ProblemDetail problem = peerFailure("Association aborted", ex);
		if (ex.getSource() != null) {
			problem.setProperty("abortSource", ex.getSource().text());
		}
		if (ex.getReason() != null) {
			problem.setProperty("abortReason", ex.getReason().text());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleTimeout(DicomTimeoutException ex) {
		ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, "Remote AE timed out", ex);
		problem.setProperty("timeout", ex.getKind().text());
		problem.setProperty("timeoutMs", ex.getTimeout().toMillis());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleProtocolViolation(DicomProtocolException ex) {
		return peerFailure("DICOM protocol violation by the remote AE", ex);
	}

	@ExceptionHandler
	ProblemDetail handleNoAcceptedPresentationContext(NoAcceptedContextException ex) {
		ProblemDetail problem = peerFailure("No accepted presentation context", ex);
		problem.setProperty("abstractSyntax", ex.getAbstractSyntax());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleTransferSyntaxNotAccepted(TransferSyntaxNotAcceptedException ex) {
		ProblemDetail problem = peerFailure("Transfer syntax not accepted", ex);
		problem.setProperty("abstractSyntax", ex.getAbstractSyntax());
		problem.setProperty("sopInstanceUid", ex.getSopInstanceUid());
		problem.setProperty("transferSyntaxUid", ex.getTransferSyntaxUid());
		problem.setProperty("acceptedTransferSyntaxUids", ex.getAcceptedTransferSyntaxUids());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleDimseStatus(DimseFailureException ex) {
		return dimseFailure("DIMSE failure status", ex);
	}

	@ExceptionHandler
	ProblemDetail handleRetrieveFailed(RetrieveFailedException ex) {
		return retrieveFailure("Retrieve failed", ex);
	}

	@ExceptionHandler
	ProblemDetail handleMoveDestinationUnknown(MoveDestinationUnknownException ex) {
		ProblemDetail problem = retrieveFailure("Move destination unknown", ex);
		problem.setProperty("destination", ex.getDestination());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleDicomAccess(DicomAccessException ex) {
		return peerFailure("DICOM peer failure", ex);
	}

	@ExceptionHandler
	ProblemDetail handleRetrieveTimeout(RetrieveTimeoutException ex) {
		ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, "Retrieve timed out", ex.getRemote(), ex);
		problem.setProperty("timeoutMs", ex.getTimeout().toMillis());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleInvalidValue(IllegalArgumentException ex, WebRequest request) {
		return clientMistake("Invalid value", ex.getMessage(), ex, request);
	}

	@ExceptionHandler
	ProblemDetail handleMalformedMultipart(MultipartException ex, WebRequest request) {
		return clientMistake("Malformed multipart request", "The multipart body could not be parsed", ex, request);
	}

	@ExceptionHandler({ IOException.class, UncheckedIOException.class })
	ProblemDetail handleUnreadableUpload(Exception ex, WebRequest request) {
		return clientMistake("Unreadable upload", "The uploaded content could not be read to the end", ex, request);
	}

	@ExceptionHandler
	ProblemDetail handleBug(RuntimeException ex, WebRequest request) {
		logger.error("Unexpected failure of {}", PrintableText.of(request.getDescription(false)), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; the server log has the details");
		problem.setTitle("Internal error");
		return problem;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		logger.warn("{} for {}: {}", statusCode.value(), PrintableText.of(request.getDescription(false)),
				PrintableText.ofMessage(ex.getMessage()));
		if (body instanceof ProblemDetail problem) {
			request.setAttribute(ANSWERED_PROBLEM, problem, RequestAttributes.SCOPE_REQUEST);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static ProblemDetail dimseFailure(String title, DimseFailureException ex) {
		ProblemDetail problem = peerFailure(title, ex);
		problem.setProperty("dimseStatus", ex.getStatus());
		problem.setProperty("dimseStatusMeaning", ex.getStatusMeaning());
		if (ex.getErrorComment() != null) {
			problem.setProperty("errorComment", ex.getErrorComment());
		}
		return problem;
	}

	private static ProblemDetail retrieveFailure(String title, RetrieveFailedException ex) {
		ProblemDetail problem = dimseFailure(title, ex);
		RetrieveResult result = ex.getResult();
		problem.setProperty("completed", result.completed());
		problem.setProperty("failed", result.failed());
		problem.setProperty("warning", result.warning());
		problem.setProperty("remaining", result.remaining());
		problem.setProperty("failedSopInstanceUids", result.failedSopInstanceUids());
		return problem;
	}

	private static ProblemDetail peerFailure(String title, DicomAccessException ex) {
		return problem(HttpStatus.BAD_GATEWAY, title, ex);
	}

	private static ProblemDetail problem(HttpStatus status, String title, DicomAccessException ex) {
		return problem(status, title, ex.getRemote(), ex);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String remote, RuntimeException ex) {
		logger.warn("{} {} for remote '{}': {}", status.value(), title, PrintableText.of(remote),
				PrintableText.ofMessage(ex.getMessage()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("remote", remote);
		problem.setProperty("errorType", ex.getClass().getSimpleName());
		return problem;
	}

	private static ProblemDetail clientMistake(String title, String detail, Exception ex, WebRequest request) {
		logger.warn("400 {} for {}: {}", title, PrintableText.of(request.getDescription(false)),
				PrintableText.ofMessage(ex.getMessage()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		problem.setProperty("errorType", ex.getClass().getSimpleName());
		request.setAttribute(ANSWERED_PROBLEM, problem, RequestAttributes.SCOPE_REQUEST);
		return problem;
	}

}
