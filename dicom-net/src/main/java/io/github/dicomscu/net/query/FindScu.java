package io.github.dicomscu.net.query;

import java.util.Objects;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Priority;

/**
 * The C-FIND service user (PS3.4 C.4.1 and K.4.1, PS3.7 9.1.2): sends a query on an
 * established association and returns its matches as lazily read {@link FindResults}.
 * <p>
 * The association must have an accepted presentation context for the FIND SOP class of
 * the information model; the identifier is encoded in that context's transfer syntax.
 */
public final class FindScu {

	private FindScu() {
	}

	/**
	 * Query with medium priority and no limit on the number of results.
	 * @param association the association
	 * @param query the query
	 * @return the results, to be closed
	 * @throws DicomNetworkException if no FIND context of the model was accepted or
	 * sending fails
	 */
	public static FindResults find(Association association, Query query) throws DicomNetworkException {
		return find(association, query, Priority.MEDIUM, 0);
	}

	/**
	 * Query with a priority and a limit on the number of results.
	 * @param association the association
	 * @param query the query
	 * @param priority the priority
	 * @param maxResults the number of matches after which the operation is cancelled, 0
	 * for no limit
	 * @return the results, to be closed
	 * @throws DicomNetworkException if no FIND context of the model was accepted or
	 * sending fails
	 */
	public static FindResults find(Association association, Query query, Priority priority, int maxResults)
			throws DicomNetworkException {
		return find(association, query.model(), query.toIdentifier(), priority, maxResults);
	}

	/**
	 * Query with an identifier built elsewhere and no limit on the number of results.
	 * @param association the association
	 * @param model the information model
	 * @param identifier the identifier, with Query/Retrieve Level unless the model is
	 * Modality Worklist
	 * @param priority the priority
	 * @return the results, to be closed
	 * @throws DicomNetworkException if no FIND context of the model was accepted or
	 * sending fails
	 */
	public static FindResults find(Association association, QueryRetrieveModel model, DataSet identifier,
			Priority priority) throws DicomNetworkException {
		return find(association, model, identifier, priority, 0);
	}

	/**
	 * Query with an identifier built elsewhere and a limit on the number of results.
	 * @param association the association
	 * @param model the information model
	 * @param identifier the identifier
	 * @param priority the priority
	 * @param maxResults the number of matches after which the operation is cancelled, 0
	 * for no limit
	 * @return the results, to be closed
	 * @throws DicomNetworkException if no FIND context of the model was accepted or
	 * sending fails
	 */
	public static FindResults find(Association association, QueryRetrieveModel model, DataSet identifier,
			Priority priority, int maxResults) throws DicomNetworkException {
		Objects.requireNonNull(identifier, "identifier");
		Objects.requireNonNull(priority, "priority");
		if (maxResults < 0) {
			throw new IllegalArgumentException("maxResults must not be negative, got " + maxResults);
		}
		String sopClassUid = model.findSopClassUid();
		OutstandingRequest request = OutstandingRequest.send(association, sopClassUid,
				(messageId) -> Command.findRq(messageId, sopClassUid, priority), identifier, CommandField.C_FIND_RSP,
				AssociationTimeouts.DEFAULT_CANCEL_GRACE);
		return new FindResults(request, maxResults);
	}

}
