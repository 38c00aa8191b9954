package io.github.dicomscu.net.pdu;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the presentation data values of a P-DATA-TF PDU one at a time, straight from
 * the connection, for {@link PduDecoder#readPresentationDataValues}.
 */
@FunctionalInterface
public interface PresentationDataValueHandler {

	/**
	 * Handle one presentation data value. The fragment stream ends after {@code length}
	 * bytes; bytes the handler leaves unread are skipped afterwards, and closing the
	 * stream has no effect on the connection. If the connection ends early the stream
	 * throws a {@link io.github.dicomscu.net.pdu.DicomProtocolException} rather than
	 * returning end of stream.
	 * @param contextId the presentation context id, an odd number between 1 and 255
	 * @param command whether the fragment belongs to a command rather than a data set
	 * @param last whether the fragment is the last one of its command or data set
	 * @param fragment the fragment, valid only during this call
	 * @param length the number of bytes in the fragment
	 * @throws IOException if reading the fragment or handling it fails
	 */
	void handle(int contextId, boolean command, boolean last, InputStream fragment, long length) throws IOException;

}
