package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * Translates the engine's checked {@link DicomNetworkException}s into the
 * {@link DicomAccessException} hierarchy. The message names the remote, as in
 * {@code "remote 'pacs' (ORTHANC@10.0.0.5:4242): "}, followed by the engine's text; the
 * engine exception is kept as the cause.
 * <p>
 * An {@link io.github.dicomscu.net.association.AssociationClosedException} (the connection ended without
 * an A-ABORT) and any other network failure become a
 * {@link AssociationAbortedException} without abort source and reason.
 * <p>
 * A failure status ({@link io.github.dicomscu.net.dimse.DimseFailureException}) becomes a {@link DimseFailureException}
 * carrying the code, its meaning and the Error Comment; a failed C-MOVE or C-GET a
 * {@link RetrieveFailedException} with the final counts, and an unknown move destination
 * a {@link MoveDestinationUnknownException} naming it. An instance whose transfer syntax
 * the peer did not accept becomes a {@link TransferSyntaxNotAcceptedException}.
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
		if (ex instanceof io.github.dicomscu.net.association.DicomConnectException) {
			return new DicomConnectException(name, message, ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.AssociationRejectedException rejected) {
			return new AssociationRejectedException(name, message, rejected.getResult(), rejected.getSource(),
					rejected.getReason(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.AssociationAbortedException aborted) {
			return new AssociationAbortedException(name, message, aborted.getSource(), aborted.getReason(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.DicomTimeoutException timeout) {
			return new DicomTimeoutException(name, message, timeout.getKind(), timeout.getTimeout(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.pdu.DicomProtocolException) {
			return new DicomProtocolException(name, message, ex);
		}
		if (ex instanceof io.github.dicomscu.net.query.MoveDestinationUnknownException unknown) {
			return new MoveDestinationUnknownException(name, message, unknown.getDestination(),
					unknown.getResult(), unknown.getErrorComment(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.query.RetrieveFailedException retrieve) {
			return new RetrieveFailedException(name, message, retrieve.getOperation(), retrieve.getResult(),
					retrieve.getErrorComment(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.dimse.DimseFailureException failure) {
			return new DimseFailureException(name, message, failure.getOperation(), failure.getStatus(),
					failure.getErrorComment(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.storage.TransferSyntaxNotAcceptedException transferSyntax) {
			return new TransferSyntaxNotAcceptedException(name, message, transferSyntax.getSopClassUid(),
					transferSyntax.getSopInstanceUid(), transferSyntax.getTransferSyntaxUid(),
					transferSyntax.getAcceptedTransferSyntaxUids(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.NoAcceptedContextException noContext) {
			return new NoAcceptedContextException(name, message, noContext.getAbstractSyntax(),
					noContext.getNegotiated(), ex);
		}
		return new AssociationAbortedException(name, message, null, null, ex);
	}

}
