package io.github.dicomscu.sample.web;

import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.scu.DicomAccessException;
import io.github.dicomscu.scu.DicomAssociationAbortedException;
import io.github.dicomscu.scu.DicomAssociationRejectedException;
import io.github.dicomscu.scu.DicomConnectionFailureException;
import io.github.dicomscu.scu.DicomProtocolViolationException;
import io.github.dicomscu.scu.DicomTimeoutAccessException;
import io.github.dicomscu.scu.DimseStatusException;
import io.github.dicomscu.scu.MoveDestinationUnknownAccessException;
import io.github.dicomscu.scu.NoAcceptedPresentationContextException;
import io.github.dicomscu.scu.RetrieveFailedAccessException;
import io.github.dicomscu.scu.TransferSyntaxNotAcceptedAccessException;
import io.github.dicomscu.scu.UnknownRemoteException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns {@link DicomAccessException}s into RFC 9457 problem details: 404 for an unknown remote,
 * 502 (Bad Gateway) for a failure of the peer or of the network to it. The exception's message
 * is the {@code detail}; {@code remote} and {@code errorType} (the exception's simple name) are
 * always present, with further properties for some failures: the DIMSE status of a failure
 * status, and the sub-operation counts of a failed C-MOVE or C-GET.
 */
@RestControllerAdvice
public class DicomAccessExceptionHandler {

	@ExceptionHandler
	ProblemDetail handleUnknownRemote(UnknownRemoteException ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown remote AE", ex);
	}

	@ExceptionHandler
	ProblemDetail handleConnectionFailure(DicomConnectionFailureException ex) {
		return peerFailure("Connection to the remote AE failed", ex);
	}

	@ExceptionHandler
	ProblemDetail handleAssociationRejected(DicomAssociationRejectedException ex) {
		ProblemDetail problem = peerFailure("Association rejected by the remote AE", ex);
		problem.setProperty("rejectResult", ex.getResult().text());
		problem.setProperty("rejectSource", ex.getSource().text());
		problem.setProperty("rejectReason", ex.getReason().text());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleAssociationAborted(DicomAssociationAbortedException ex) {
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
	ProblemDetail handleTimeout(DicomTimeoutAccessException ex) {
		ProblemDetail problem = peerFailure("Remote AE timed out", ex);
		problem.setProperty("timeout", ex.getKind().text());
		problem.setProperty("timeoutMs", ex.getTimeout().toMillis());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleProtocolViolation(DicomProtocolViolationException ex) {
		return peerFailure("DICOM protocol violation by the remote AE", ex);
	}

	@ExceptionHandler
	ProblemDetail handleNoAcceptedPresentationContext(NoAcceptedPresentationContextException ex) {
		ProblemDetail problem = peerFailure("No accepted presentation context", ex);
		problem.setProperty("abstractSyntax", ex.getAbstractSyntax());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleTransferSyntaxNotAccepted(TransferSyntaxNotAcceptedAccessException ex) {
		ProblemDetail problem = peerFailure("Transfer syntax not accepted", ex);
		problem.setProperty("abstractSyntax", ex.getAbstractSyntax());
		problem.setProperty("sopInstanceUid", ex.getSopInstanceUid());
		problem.setProperty("transferSyntaxUid", ex.getTransferSyntaxUid());
		problem.setProperty("acceptedTransferSyntaxUids", ex.getAcceptedTransferSyntaxUids());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleDimseStatus(DimseStatusException ex) {
		return dimseFailure("DIMSE failure status", ex);
	}

	@ExceptionHandler
	ProblemDetail handleRetrieveFailed(RetrieveFailedAccessException ex) {
		return retrieveFailure("Retrieve failed", ex);
	}

	@ExceptionHandler
	ProblemDetail handleMoveDestinationUnknown(MoveDestinationUnknownAccessException ex) {
		ProblemDetail problem = retrieveFailure("Move destination unknown", ex);
		problem.setProperty("destination", ex.getDestination());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handleDicomAccess(DicomAccessException ex) {
		return peerFailure("DICOM peer failure", ex);
	}

	private static ProblemDetail dimseFailure(String title, DimseStatusException ex) {
		ProblemDetail problem = peerFailure(title, ex);
		problem.setProperty("dimseStatus", ex.getStatus());
		problem.setProperty("dimseStatusMeaning", ex.getStatusMeaning());
		if (ex.getErrorComment() != null) {
			problem.setProperty("errorComment", ex.getErrorComment());
		}
		return problem;
	}

	private static ProblemDetail retrieveFailure(String title, RetrieveFailedAccessException ex) {
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("remote", ex.getRemote());
		problem.setProperty("errorType", ex.getClass().getSimpleName());
		return problem;
	}

}
