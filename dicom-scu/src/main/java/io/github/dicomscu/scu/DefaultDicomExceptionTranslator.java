package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * The default {@link DicomExceptionTranslator}: every engine exception becomes the
 * exception of this package with the same simple name (as spring-ldap mirrors
 * {@code javax.naming}), carrying the same details, and an engine exception it does not
 * know becomes an {@link UncategorizedDicomException}. The message names the remote, as
 * in {@code "remote 'pacs' (ORTHANC@10.0.0.5:4242): "}, followed by the engine's text;
 * the engine exception is kept as the cause. Stateless and thread-safe.
 */
public class DefaultDicomExceptionTranslator implements DicomExceptionTranslator {

	@Override
	public DicomAccessException translate(RemoteAe remote, DicomNetworkException ex) {
		String name = remote.name();
		String message = message(remote, ex);
		if (ex instanceof io.github.dicomscu.net.association.DicomConnectException) {
			return new DicomConnectException(name, message, ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.DicomTlsException tls) {
			return new DicomTlsException(name, message, tls.getFailure(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.AssociationRejectedException rejected) {
			return new AssociationRejectedException(name, message, rejected.getResult(), rejected.getSource(),
					rejected.getReason(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.AssociationAbortedException aborted) {
			return new AssociationAbortedException(name, message, aborted.getSource(), aborted.getReason(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.UserIdentityNotConfirmedException notConfirmed) {
			return new UserIdentityNotConfirmedException(name, message, notConfirmed.getIdentityType(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.AssociationClosedException) {
			return new AssociationClosedException(name, message, ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.DicomTimeoutException timeout) {
			return new DicomTimeoutException(name, message, timeout.getKind(), timeout.getTimeout(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.association.DataSetTooLargeException tooLarge) {
			return new DataSetTooLargeException(name, message, tooLarge.getLimit(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.query.TooManyMatchesException tooMany) {
			return new TooManyMatchesException(name, message, tooMany.getLimit(), ex);
		}
		if (ex instanceof io.github.dicomscu.net.pdu.DicomProtocolException) {
			return new DicomProtocolException(name, message, ex);
		}
		if (ex instanceof io.github.dicomscu.net.query.MoveDestinationUnknownException unknown) {
			return new MoveDestinationUnknownException(name, message, unknown.getDestination(), unknown.getResult(),
					unknown.getErrorComment(), ex);
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
		return new UncategorizedDicomException(name, message, ex);
	}

	/**
	 * Return the message of a translated exception: the remote, then the engine's text.
	 * @param remote the remote
	 * @param ex the engine failure
	 * @return the message
	 */
	static String message(RemoteAe remote, DicomNetworkException ex) {
		return "remote '" + remote.name() + "' (" + remote.aeTitle() + "@" + remote.host() + ":" + remote.port() + "): "
				+ ex.getMessage();
	}

}
