package io.github.dicomscu.net.scp;

import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.DataSetSink;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.DimseMessage;

/**
 * Serves one kind of DIMSE request on an acceptor's association: handles the request and
 * sends its response (or responses) on the association.
 * <p>
 * A request's data set arrives in memory, in {@link DimseMessage#dataSet()}, unless the
 * handler takes it while it arrives through the sink it returns from
 * {@link #dataSetSink(Association, Command)}; the request is then handled by
 * {@link #handle(Association, DimseMessage, DataSetSink)}.
 */
@FunctionalInterface
public interface RequestHandler {

	/**
	 * Handle a request.
	 * @param association the association the request arrived on
	 * @param request the request
	 * @throws DicomNetworkException if sending the response fails; the association is
	 * then ended
	 */
	void handle(Association association, DimseMessage request) throws DicomNetworkException;

	/**
	 * Choose where the data set of a request goes while it arrives, once its command set
	 * is complete. If the sink is {@link AutoCloseable}, it is closed after the request
	 * was handled, or when the association fails before that.
	 * @param association the association the request arrives on
	 * @param command the request's command set, which announces a data set
	 * @return the sink, or {@code null} (the default) to receive the data set into memory
	 */
	default DataSetSink dataSetSink(Association association, Command command) {
		return null;
	}

	/**
	 * Handle a request whose data set went to the sink returned by
	 * {@link #dataSetSink(Association, Command)}. By default, calls
	 * {@link #handle(Association, DimseMessage)}.
	 * @param association the association the request arrived on
	 * @param request the request, without a data set if it went to the sink
	 * @param dataSetSink the sink that took the data set, or {@code null}
	 * @throws DicomNetworkException if sending the response fails; the association is
	 * then ended
	 */
	default void handle(Association association, DimseMessage request, DataSetSink dataSetSink)
			throws DicomNetworkException {
		handle(association, request);
	}

}
