package io.github.dicomscu.net.scp;

import io.github.dicomscu.net.DicomNetworkException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.dimse.DimseMessage;

/**
 * Serves one kind of DIMSE request on an acceptor's association: handles the request and sends
 * its response (or responses) on the association.
 */
@FunctionalInterface
public interface RequestHandler {

	/**
	 * Handle a request.
	 * @param association the association the request arrived on
	 * @param request the request
	 * @throws DicomNetworkException if sending the response fails; the association is then
	 * ended
	 */
	void handle(Association association, DimseMessage request) throws DicomNetworkException;

}
