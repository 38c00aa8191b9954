package io.github.dicomscu.scu;

import java.util.Spliterators;
import java.util.function.Consumer;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.query.FindResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matches of a C-FIND read lazily from an association a template opened: the
 * association is ended once the final response has been read or when the stream is closed
 * (after a C-CANCEL if the operation is still running), and the failure of the exchange
 * is thrown translated. Meant for one thread, like the stream it backs.
 */
final class FindMatches extends Spliterators.AbstractSpliterator<DataSet> {

	private static final Logger logger = LoggerFactory.getLogger(AeTemplate.class);

	private final RemoteAssociations associations;

	private final RemoteAe remote;

	private final Association association;

	private final FindResults results;

	private boolean ended;

	FindMatches(RemoteAssociations associations, RemoteAe remote, Association association, FindResults results) {
		super(Long.MAX_VALUE, ORDERED | NONNULL);
		this.associations = associations;
		this.remote = remote;
		this.association = association;
		this.results = results;
	}

	@Override
	public boolean tryAdvance(Consumer<? super DataSet> action) {
		if (this.ended) {
			return false;
		}
		DataSet match;
		try {
			match = this.results.nextMatch();
		}
		catch (DicomNetworkException ex) {
			this.ended = true;
			throw this.associations.fail(this.remote, this.association, ex);
		}
		catch (RuntimeException | Error ex) {
			this.ended = true;
			this.association.abort();
			throw ex;
		}
		if (match == null) {
			this.ended = true;
			this.associations.end(this.remote, this.association);
			return false;
		}
		action.accept(match);
		return true;
	}

	/**
	 * Cancel the C-FIND if it is still running and end the association; the stream's
	 * close handler.
	 */
	void close() {
		if (this.ended) {
			return;
		}
		this.ended = true;
		try {
			this.results.close();
		}
		catch (DicomNetworkException ex) {
			this.association.abort();
			logger.warn("Cancelling the C-FIND on the association with remote '{}' ({}) failed: {}", this.remote.name(),
					PrintableText.of(this.association.getPeer()), PrintableText.ofMessage(ex.getMessage()));
			return;
		}
		this.associations.end(this.remote, this.association);
	}

}
