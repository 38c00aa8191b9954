package io.github.dicomscu.scu;

import io.github.dicomscu.net.association.AssociationAbortedException;
import io.github.dicomscu.net.association.DicomConnectException;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.association.DicomTimeoutException;
import io.github.dicomscu.net.dimse.DimseFailureException;
import io.github.dicomscu.net.association.AssociationRejectedException;
import io.github.dicomscu.net.association.NoAcceptedContextException;
import io.github.dicomscu.net.query.MoveDestinationUnknownException;
import io.github.dicomscu.net.query.RetrieveFailedException;
import io.github.dicomscu.net.storage.TransferSyntaxNotAcceptedException;

/**
 * Translates the engine's checked {@link DicomNetworkException}s into the
 * {@link DicomAccessException} hierarchy. The message names the remote, as in
 * {@code "remote 'pacs' (ORTHANC@10.0.0.5:4242): "}, followed by the engine's text; the
 * engine exception is kept as the cause.
 * <p>
 * An {@link io.github.dicomscu.net.association.AssociationClosedException} (the connection ended without
 * an A-ABORT) and any other network failure become a
 * {@link DicomAssociationAbortedException} without abort source and reason.
 * <p>
 * A failure status ({@link DimseFailureException}) becomes a {@link DimseStatusException}
 * carrying the code, its meaning and the Error Comment; a failed C-MOVE or C-GET a
 * {@link RetrieveFailedAccessException} with the final counts, and an unknown move destination
 * a {@link MoveDestinationUnknownAccessException} naming it. An instance whose transfer syntax
 * the peer did not accept becomes a {@link TransferSyntaxNotAcceptedAccessException}.
 */
final class DicomExceptionTranslator {

	private DicomExceptionTranslator() {
	}

	/**
	 * Translate an engine failure in an exchange with a remote.
	 * @param remote the remote
	 * @param ex the engine failure
	 * @return the exception to throw
	 */
	static DicomAccessException translate(RemoteAe remote, DicomNetworkException ex) {
		String name = remote.name();
		String message = "remote '" + name + "' (" + remote.aeTitle() + "@" + remote.host() + ":" + remote.port()
				+ "): " + ex.getMessage();
		if (ex instanceof DicomConnectException) {
			return new DicomConnectionFailureException(name, message, ex);
		}
		if (ex instanceof AssociationRejectedException rejected) {
			return new DicomAssociationRejectedException(name, message, rejected.getResult(), rejected.getSource(),
					rejected.getReason(), ex);
		}
		if (ex instanceof AssociationAbortedException aborted) {
			return new DicomAssociationAbortedException(name, message, aborted.getSource(), aborted.getReason(), ex);
		}
		if (ex instanceof DicomTimeoutException timeout) {
			return new DicomTimeoutAccessException(name, message, timeout.getKind(), timeout.getTimeout(), ex);
		}
		if (ex instanceof DicomProtocolException) {
			return new DicomProtocolViolationException(name, message, ex);
		}
		if (ex instanceof MoveDestinationUnknownException unknown) {
			return new MoveDestinationUnknownAccessException(name, message, unknown.getDestination(),
					unknown.getResult(), unknown.getErrorComment(), ex);
		}
		if (ex instanceof RetrieveFailedException retrieve) {
			return new RetrieveFailedAccessException(name, message, retrieve.getOperation(), retrieve.getResult(),
					retrieve.getErrorComment(), ex);
		}
		if (ex instanceof DimseFailureException failure) {
			return new DimseStatusException(name, message, failure.getOperation(), failure.getStatus(),
					failure.getErrorComment(), ex);
		}
		if (ex instanceof TransferSyntaxNotAcceptedException transferSyntax) {
			return new TransferSyntaxNotAcceptedAccessException(name, message, transferSyntax.getSopClassUid(),
					transferSyntax.getSopInstanceUid(), transferSyntax.getTransferSyntaxUid(),
					transferSyntax.getAcceptedTransferSyntaxUids(), ex);
		}
		if (ex instanceof NoAcceptedContextException noContext) {
			return new NoAcceptedPresentationContextException(name, message, noContext.getAbstractSyntax(),
					noContext.getNegotiated(), ex);
		}
		return new DicomAssociationAbortedException(name, message, null, null, ex);
	}

}
