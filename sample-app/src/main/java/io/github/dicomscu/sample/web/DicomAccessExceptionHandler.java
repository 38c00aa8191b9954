package io.github.dicomscu.sample.web;

import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.scu.DicomAccessException;
import io.github.dicomscu.scu.AssociationAbortedException;
import io.github.dicomscu.scu.AssociationRejectedException;
import io.github.dicomscu.scu.DicomConnectException;
import io.github.dicomscu.scu.DicomProtocolException;
import io.github.dicomscu.scu.DicomTimeoutException;
import io.github.dicomscu.scu.DimseFailureException;
import io.github.dicomscu.scu.MoveDestinationUnknownException;
import io.github.dicomscu.scu.NoAcceptedContextException;
import io.github.dicomscu.scu.RetrieveFailedException;
import io.github.dicomscu.scu.TransferSyntaxNotAcceptedException;
import io.github.dicomscu.scu.UnknownRemoteException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns {@link DicomAccessException}s into RFC 9457 problem details: 404 for an unknown
 * remote, 502 (Bad Gateway) for a failure of the peer or of the network to it. The
 * exception's message is the {@code detail}; {@code remote} and {@code errorType} (the
 * exception's simple name) are always present, with further properties for some failures:
 * the DIMSE status of a failure status, and the sub-operation counts of a failed C-MOVE
 * or C-GET.
 */
@RestControllerAdvice
public class DicomAccessExceptionHandler {

	@ExceptionHandler
	ProblemDetail handleUnknownRemote(UnknownRemoteException ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown remote AE", ex);
	}

	@ExceptionHandler
	ProblemDetail handleConnectionFailure(DicomConnectException ex) {
		return peerFailure("Connection to the remote AE failed", ex);
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
		ProblemDetail problem = peerFailure("Remote AE timed out", ex);
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, ex.getMessage());
		problem.setTitle("Retrieve timed out");
		problem.setProperty("remote", ex.getRemote());
		problem.setProperty("errorType", ex.getClass().getSimpleName());
		problem.setProperty("timeoutMs", ex.getTimeout().toMillis());
		return problem;
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("remote", ex.getRemote());
		problem.setProperty("errorType", ex.getClass().getSimpleName());
		return problem;
	}

}
