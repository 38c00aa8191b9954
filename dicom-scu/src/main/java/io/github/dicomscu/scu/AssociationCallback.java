package io.github.dicomscu.scu;

import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.Association;

/**
 * Work done on an open association by {@link AeOperations#execute}: the template opens
 * the association, runs the callback, then releases it if it is still established, else
 * aborts it; a RuntimeException or Error of the callback aborts it.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface AssociationCallback<T> {

	/**
	 * Use the association.
	 * @param association the established association
	 * @return a result, or {@code null}
	 * @throws DicomNetworkException if the exchange fails; the template translates it
	 * into a {@link DicomAccessException}
	 */
	T doInAssociation(Association association) throws DicomNetworkException;

}
