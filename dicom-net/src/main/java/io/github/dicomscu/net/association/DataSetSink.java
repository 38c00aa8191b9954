package io.github.dicomscu.net.association;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the data set of an incoming DIMSE message fragment by fragment, straight from
 * the connection, so that a data set of any size is received without being held in
 * memory.
 */
@FunctionalInterface
public interface DataSetSink {

	/**
	 * Take one fragment of the data set.
	 * @param fragment the fragment's bytes, valid only during this call; unread bytes are
	 * skipped
	 * @param length the number of bytes in the fragment
	 * @param last whether this is the last fragment of the data set
	 * @throws IOException if handling the fragment fails; the association is then aborted
	 */
	void fragment(InputStream fragment, long length, boolean last) throws IOException;

}
