package io.github.dicomscu.net.query;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.DicomTimeoutException;
import io.github.dicomscu.net.dimse.DimseFailureException;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.dimse.StatusCategory;

/**
 * The matches of one C-FIND operation, read from the association one response at a time
 * as the caller asks for them, so that no more than one match is held in memory.
 * <p>
 * Pending responses yield their identifiers; a success, cancel or warning status ends the
 * matches; a failure status ends them with a {@link DimseFailureException} (matches
 * already returned stay valid). {@link #close() Closing} the results before the final
 * response, or reaching the maximum number of results, sends a C-CANCEL-RQ and reads the
 * remaining responses up to the final one, so that the association can carry the next
 * request. A peer that still sends pending responses when the
 * {@link #setCancelGrace(Duration) cancel grace period} has passed gets an A-ABORT, and
 * the caller a {@link DicomTimeoutException}.
 * <p>
 * Results are bound to their association and, like it, meant for one thread. Close them,
 * for example with try-with-resources, or the operation stays outstanding on the
 * association.
 */
public final class FindResults implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FindResults.class);

	private final OutstandingRequest request;

	private final int maxResults;

	private int matchCount;

	private int status = -1;

	private boolean unsupportedOptionalKeys;

	FindResults(OutstandingRequest request, int maxResults) {
		this.request = request;
		this.maxResults = maxResults;
	}

	/**
	 * Return the next match, waiting (DIMSE timeout) for the next response.
	 * @return the identifier of the match, values decoded with the accepted transfer
	 * syntax, or {@code null} once the operation is complete
	 * @throws DimseFailureException if the final response has a failure status
	 * @throws DicomNetworkException if the exchange fails; the association is then
	 * aborted
	 */
	public DataSet nextMatch() throws DicomNetworkException {
		while (!isComplete()) {
			DimseMessage response = this.request.nextResponse();
			int code = response.command().status();
			if (Status.categoryOf(code) != StatusCategory.PENDING) {
				complete(response.command());
				break;
			}
			this.unsupportedOptionalKeys |= (code == Status.PENDING_WARNING);
			DataSet match = this.request.identifierOf(response);
			if (match == null) {
				logger.debug("Ignoring a pending C-FIND-RSP without identifier from {}",
						PrintableText.of(this.request.association().getPeer()));
				continue;
			}
			this.matchCount++;
			if (this.maxResults > 0 && this.matchCount >= this.maxResults) {
				close();
			}
			return match;
		}
		return null;
	}

	/**
	 * Read the remaining matches into a list, at most a given number: the first match
	 * past it ends the operation as {@link #close()} does (C-CANCEL-RQ, then the
	 * responses up to the final one) and throws, so that a peer cannot fill memory and
	 * the caller never gets a silently truncated answer. A limit on the number of results
	 * given to {@link FindScu} that is not above this maximum ends the operation first.
	 * @param maxMatches the most matches to collect, positive
	 * @return the matches, in the order received
	 * @throws TooManyMatchesException if the peer returned more than {@code maxMatches}
	 * matches; the association can carry the next request
	 * @throws DimseFailureException if the final response has a failure status
	 * @throws DicomNetworkException if the exchange fails; the association is then
	 * aborted
	 */
	public List<DataSet> toList(int maxMatches) throws DicomNetworkException {
		if (maxMatches <= 0) {
			throw new IllegalArgumentException("maxMatches must be positive, got " + maxMatches);
		}
		List<DataSet> matches = new ArrayList<>();
		for (DataSet match = nextMatch(); match != null; match = nextMatch()) {
			if (matches.size() == maxMatches) {
				close();
				throw new TooManyMatchesException(CommandField.C_FIND_RQ.text() + " " + this.request.messageId()
						+ " to " + PrintableText.of(this.request.association().getPeer()) + " returned more than "
						+ maxMatches + " matches, the most collected in memory; the operation was cancelled after "
						+ this.matchCount + " matches (narrow the query or read the matches as a stream)", maxMatches);
			}
			matches.add(match);
		}
		return matches;
	}

	/**
	 * Return the matches as a sequential stream that reads responses as it is consumed.
	 * Closing the stream closes these results. A failure while reading is thrown as an
	 * {@link UncheckedIOException} whose cause is the {@link DicomNetworkException}.
	 * @return the stream
	 */
	public Stream<DataSet> stream() {
		Spliterator<DataSet> matches = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
				Spliterator.ORDERED | Spliterator.NONNULL) {

			@Override
			public boolean tryAdvance(Consumer<? super DataSet> action) {
				DataSet match;
				try {
					match = nextMatch();
				}
				catch (DicomNetworkException ex) {
					throw new UncheckedIOException(ex.getMessage(), ex);
				}
				if (match == null) {
					return false;
				}
				action.accept(match);
				return true;
			}

		};
		return StreamSupport.stream(matches, false).onClose(() -> {
			try {
				close();
			}
			catch (DicomNetworkException ex) {
				throw new UncheckedIOException(ex.getMessage(), ex);
			}
		});
	}

	/**
	 * Set how long the peer has, after the C-CANCEL-RQ, to send the final response;
	 * {@link AssociationTimeouts#DEFAULT_CANCEL_GRACE} unless set.
	 * @param cancelGrace the grace period
	 * @return these results
	 * @throws IllegalArgumentException if {@link AssociationTimeouts#check} rejects it
	 */
	public FindResults setCancelGrace(Duration cancelGrace) {
		this.request.setCancelGrace(cancelGrace);
		return this;
	}

	/**
	 * Return whether the final response was received.
	 * @return whether the operation is complete
	 */
	public boolean isComplete() {
		return this.status >= 0;
	}

	/**
	 * Return whether a C-CANCEL-RQ was sent, because the results were closed early or the
	 * maximum number of results was reached.
	 * @return whether the operation was cancelled by this side
	 */
	public boolean isCancelled() {
		return this.request.isCancelled();
	}

	/**
	 * Return the status of the final response.
	 * @return the status: {@link Status#SUCCESS}, {@link Status#CANCEL}, a warning, or
	 * the failure that {@link #nextMatch()} threw (or that answered a C-CANCEL-RQ)
	 * @throws IllegalStateException if the operation is not complete
	 */
	public int getStatus() {
		if (!isComplete()) {
			throw new IllegalStateException("The C-FIND operation is not complete");
		}
		return this.status;
	}

	/**
	 * Return the number of matches returned so far.
	 * @return the count
	 */
	public int getMatchCount() {
		return this.matchCount;
	}

	/**
	 * Return whether a pending response said that one or more optional keys were not
	 * supported (status {@code 0xFF01}): such keys were not matched on.
	 * @return whether the SCP ignored optional keys
	 */
	public boolean hasUnsupportedOptionalKeys() {
		return this.unsupportedOptionalKeys;
	}

	/**
	 * End the operation: if the final response has not arrived, send a C-CANCEL-RQ and
	 * read the responses up to the final one, discarding their matches. Does nothing once
	 * the operation is complete or the association has ended.
	 * @throws DicomTimeoutException if pending responses still arrive after the cancel
	 * grace period; the association is then aborted
	 * @throws DicomNetworkException if the exchange fails; the association is then
	 * aborted
	 */
	@Override
	public void close() throws DicomNetworkException {
		if (isComplete() || !this.request.association().isEstablished()) {
			return;
		}
		this.request.cancel();
		while (!isComplete()) {
			DimseMessage response = this.request.nextResponse();
			int code = response.command().status();
			if (Status.categoryOf(code) == StatusCategory.PENDING) {
				this.request.checkCancelGrace();
				continue;
			}
			this.status = code;
		}
		logger.debug("C-FIND {} to {} cancelled after {} matches ({} more discarded), final status {}",
				this.request.messageId(), PrintableText.of(this.request.association().getPeer()), this.matchCount,
				this.request.messagesAfterCancel(), Status.toString(this.status, CommandField.C_FIND_RSP));
	}

	private void complete(Command response) throws DimseFailureException {
		this.status = response.status();
		if (Status.categoryOf(this.status) == StatusCategory.FAILURE) {
			throw new DimseFailureException(this.request.association().getPeer(), CommandField.C_FIND_RQ, this.status,
					response.errorComment());
		}
	}

}
