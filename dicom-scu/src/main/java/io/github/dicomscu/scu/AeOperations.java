package io.github.dicomscu.scu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.RetrieveProgress;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.net.query.StoreReceiver;
import io.github.dicomscu.net.storage.StoreInstance;
import io.github.dicomscu.net.storage.StoreResult;

/**
 * The operations of a DICOM application entity acting as SCU towards named remote AEs:
 * the whole API of the template library. Implemented by {@link AeTemplate}, whose
 * configuration (remotes, contexts, timeouts) is read from the template itself; an
 * interface so that it can be replaced or mocked.
 * <p>
 * Every method opens its own association and ends it before returning (except
 * {@link #find(String, Query)}, whose stream ends it): released while it is still
 * established, also after a failure that left it intact such as a DIMSE failure status,
 * and aborted once a failure broke it, such as a timeout. Engine failures are thrown as
 * {@link DicomAccessException}s, translated by the implementation's
 * {@link DicomExceptionTranslator}; {@link DicomAccessException#isTransient()} tells
 * whether a retry may succeed.
 */
public interface AeOperations {

	/**
	 * Verify a remote with C-ECHO on an association that proposes the remote's requested
	 * contexts (which must include Verification).
	 * @param remote the remote's name
	 * @return the outcome
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws DicomAccessException if the echo fails
	 */
	EchoResult echo(String remote);

	/**
	 * Verify a remote with C-ECHO on an association that proposes the given contexts, the
	 * whole check (connect, association, C-ECHO and release together) bounded by the
	 * given timeout; for example a health check that proposes Verification only and must
	 * answer in time. Each step is also bounded by its own timer, as for every
	 * association. A status other than Success is returned, not thrown; when the timeout
	 * expires the failure is a {@link DicomTimeoutException} of kind
	 * {@link io.github.dicomscu.net.association.TimeoutKind#OPERATION} (or of the step's
	 * own timer, when that one ends first).
	 * @param remote the remote's name
	 * @param contexts the contexts to propose, which must include Verification
	 * @param timeout the timeout of the whole check
	 * @return the outcome
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws DicomAccessException if the echo fails
	 */
	EchoResult echo(String remote, List<PresentationContext> contexts, Duration timeout);

	/**
	 * Open an association with a remote, proposing its requested contexts, run the
	 * callback on it and end it: released if it is still established, else aborted. A
	 * {@link io.github.dicomscu.net.pdu.DicomNetworkException} of the callback is thrown
	 * translated; a RuntimeException or Error of the callback aborts the association and
	 * is thrown as it is. A release that fails after the callback returned is logged, and
	 * the result still returned.
	 * @param <T> the result type
	 * @param remote the remote's name
	 * @param callback the work
	 * @return the callback's result
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws DicomAccessException if the association or the callback fails
	 */
	<T> T execute(String remote, AssociationCallback<T> callback);

	/**
	 * Open an association with a remote proposing the given contexts, run the callback on
	 * it and end it, as {@link #execute(String, AssociationCallback)} does.
	 * @param <T> the result type
	 * @param remote the remote's name
	 * @param contexts the contexts to propose, in order (1 to 128)
	 * @param callback the work
	 * @return the callback's result
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws IllegalArgumentException if no context is given
	 * @throws io.github.dicomscu.net.context.TooManyPresentationContextsException if more
	 * than 128 contexts are given
	 * @throws DicomAccessException if the association or the callback fails
	 */
	<T> T execute(String remote, List<PresentationContext> contexts, AssociationCallback<T> callback);

	/**
	 * Send one Part 10 file with C-STORE. Unless the remote has its own contexts
	 * configured, the association proposes contexts derived from the instance (its SOP
	 * class with its own transfer syntax, plus the uncompressed ones).
	 * @param remote the remote's name
	 * @param file the Part 10 file
	 * @return the outcome; a failure status is returned, not thrown
	 * @throws java.io.UncheckedIOException if the file cannot be read, does not start
	 * with valid File Meta Information, or is truncated or malformed (a length that runs
	 * past the end of the file, an item that never ends: the whole file is checked first
	 * with {@link io.github.dicomscu.data.DicomFile#scan(Path)}, and the cause is then a
	 * {@link io.github.dicomscu.data.DicomParseException} naming the offset); no
	 * association is opened
	 * @throws NoAcceptedContextException if the remote accepted no context of the
	 * instance's SOP class
	 * @throws TransferSyntaxNotAcceptedException if it accepted the SOP class only with
	 * transfer syntaxes the instance cannot be sent in
	 * @throws DicomAccessException if the association fails
	 */
	StoreResult store(String remote, Path file);

	/**
	 * Send one data set held in memory with C-STORE (encoded in Explicit VR Little Endian
	 * unless the peer only accepts another uncompressed transfer syntax).
	 * @param remote the remote's name
	 * @param dataSet the data set, with SOP Class UID and SOP Instance UID
	 * @return the outcome; a failure status is returned, not thrown
	 * @throws IllegalArgumentException if the data set lacks SOP Class or Instance UID,
	 * or has encapsulated pixel data (send it with {@link #store(String, StoreInstance)})
	 * @throws NoAcceptedContextException if the remote accepted no context of the
	 * instance's SOP class
	 * @throws DicomAccessException if the association fails
	 */
	StoreResult store(String remote, DataSet dataSet);

	/**
	 * Send one instance with C-STORE, for example a data set with encapsulated pixel data
	 * ({@link StoreInstance#of(DataSet, io.github.dicomscu.data.TransferSyntax)}). Unless
	 * the remote has its own contexts configured, the association proposes the contexts
	 * derived from the instance.
	 * @param remote the remote's name
	 * @param instance the instance
	 * @return the outcome; a failure status is returned, not thrown
	 * @throws java.io.UncheckedIOException if the instance cannot be read; the
	 * association is aborted
	 * @throws NoAcceptedContextException if the remote accepted no context of the
	 * instance's SOP class
	 * @throws TransferSyntaxNotAcceptedException if it accepted the SOP class only with
	 * transfer syntaxes the instance cannot be sent in
	 * @throws DicomAccessException if the association fails
	 */
	StoreResult store(String remote, StoreInstance instance);

	/**
	 * Send several Part 10 files over one association, one result per file in order: no
	 * instance is dropped silently, and the failure of one does not hide the others (an
	 * association lost midway leaves the rest of its batch {@code UNCONFIRMED}).
	 * Instances of more SOP classes (or compressed transfer syntaxes) than the 128
	 * contexts of one association can carry are sent over consecutive associations, each
	 * proposing the contexts of its batch; if one of the later associations cannot be
	 * established, its instances are {@code NOT_SENT} with the reason. A file that cannot
	 * be read or is truncated or malformed (checked before any association, as
	 * {@link #store(String, Path)} does), or whose instance no accepted context fits, has
	 * a {@link io.github.dicomscu.net.storage.StoreOutcome#NOT_SENT} result (without SOP
	 * Class and Instance UID if the file could not be read); if no file can be read, no
	 * association is opened.
	 * @param remote the remote's name
	 * @param files the files
	 * @return one result per file, in the order given
	 * @throws DicomAccessException if the (first) association cannot be established
	 */
	List<StoreResult> storeAll(String remote, Collection<Path> files);

	/**
	 * Query a remote with C-FIND. The matches are read lazily from an open association:
	 * close the stream (try-with-resources) to end it. The association is released as
	 * soon as the final response has been read, or when the stream is closed (after a
	 * C-CANCEL if the matches were not all read); it is aborted if the exchange broke it.
	 * @param remote the remote's name
	 * @param query the query (model, level, matching and return keys)
	 * @return the matches, values trimmed of DICOM padding, a sequential stream to close
	 * @throws DicomAccessException if the association fails or the request cannot be
	 * sent; a failure while the stream is consumed is thrown then, translated, such as a
	 * {@link DimseFailureException} for a failure status
	 */
	Stream<DataSet> find(String remote, Query query);

	/**
	 * Query a remote with C-FIND and collect at most {@code maxResults} matches (C-CANCEL
	 * is sent when the limit is reached). The implementation bounds what it collects in
	 * memory ({@link AeTemplate#getMaxFindResults()}): when {@code maxResults} is 0 or
	 * above that maximum and the remote returns more matches than the maximum, the C-FIND
	 * is cancelled and a {@link TooManyMatchesException} thrown, never a truncated list.
	 * @param remote the remote's name
	 * @param query the query
	 * @param maxResults the most matches to collect, 0 for all (up to the
	 * implementation's maximum)
	 * @return the matches
	 * @throws IllegalArgumentException if {@code maxResults} is negative
	 * @throws TooManyMatchesException if the remote returns more matches than the
	 * implementation collects
	 * @throws DimseFailureException if the remote answers with a failure status
	 * @throws DicomAccessException if the association fails
	 */
	List<DataSet> findAll(String remote, Query query, int maxResults);

	/**
	 * Ask a remote to send instances to a destination AE with C-MOVE.
	 * @param remote the remote's name
	 * @param query what to move (model, level, unique keys)
	 * @param destination the destination AE title, known to the remote
	 * @param progress receives the counts of each pending response, may be {@code null}
	 * @return the final counts and failed SOP instance UIDs
	 * @throws IllegalArgumentException if the destination is not a valid AE title
	 * @throws MoveDestinationUnknownException if the remote does not know the destination
	 * (0xA801)
	 * @throws RetrieveFailedException if the move ends with another failure status
	 * @throws DicomAccessException if the association fails
	 */
	default RetrieveResult move(String remote, Query query, String destination, Consumer<RetrieveProgress> progress) {
		return move(remote, query, destination, progress, () -> false);
	}

	/**
	 * Ask a remote to send instances to a destination AE with C-MOVE, cancelling on
	 * request: the supplier is asked before each response is awaited, and once it returns
	 * {@code true} a C-CANCEL-RQ is sent; the move ends with the remote's final response
	 * (normally status cancel), and a remote that still sends pending responses after the
	 * implementation's cancel grace period ({@link AeTemplate#getCancelGrace()}) is
	 * aborted with a {@link DicomTimeoutException} of kind
	 * {@link io.github.dicomscu.net.association.TimeoutKind#CANCEL}.
	 * @param remote the remote's name
	 * @param query what to move (model, level, unique keys)
	 * @param destination the destination AE title, known to the remote
	 * @param progress receives the counts of each pending response, may be {@code null}
	 * @param cancelRequested says whether to cancel the move
	 * @return the final counts and failed SOP instance UIDs
	 * @throws IllegalArgumentException if the destination is not a valid AE title
	 * @throws MoveDestinationUnknownException if the remote does not know the destination
	 * (0xA801)
	 * @throws RetrieveFailedException if the move ends with another failure status
	 * @throws DicomTimeoutException if the remote ignores the C-CANCEL-RQ past the grace
	 * period
	 * @throws DicomAccessException if the association fails
	 */
	RetrieveResult move(String remote, Query query, String destination, Consumer<RetrieveProgress> progress,
			BooleanSupplier cancelRequested);

	/**
	 * Retrieve instances from a remote with C-GET: they arrive as C-STORE sub-operations
	 * on the same association, proposed with SCP role selection for the storage SOP
	 * classes the implementation is configured to receive (see
	 * {@link AeTemplate#getRetrieveStorageContexts()}).
	 * @param remote the remote's name
	 * @param query what to get (model, level, unique keys)
	 * @param receiver takes each instance
	 * @param progress receives the counts of each pending response, may be {@code null}
	 * @return the final counts and failed SOP instance UIDs
	 * @throws RetrieveFailedException if the get ends with a failure status
	 * @throws DicomAccessException if the association fails
	 */
	default RetrieveResult get(String remote, Query query, StoreReceiver receiver,
			Consumer<RetrieveProgress> progress) {
		return get(remote, query, receiver, progress, () -> false);
	}

	/**
	 * Retrieve instances from a remote with C-GET, cancelling on request as
	 * {@link #move(String, Query, String, Consumer, BooleanSupplier)} does: C-STORE
	 * sub-operations already under way are still received, and a remote that still sends
	 * pending responses or sub-operations after the cancel grace period is aborted with a
	 * {@link DicomTimeoutException}.
	 * @param remote the remote's name
	 * @param query what to get (model, level, unique keys)
	 * @param receiver takes each instance
	 * @param progress receives the counts of each pending response, may be {@code null}
	 * @param cancelRequested says whether to cancel the get
	 * @return the final counts and failed SOP instance UIDs
	 * @throws RetrieveFailedException if the get ends with a failure status
	 * @throws DicomTimeoutException if the remote ignores the C-CANCEL-RQ past the grace
	 * period
	 * @throws DicomAccessException if the association fails
	 */
	RetrieveResult get(String remote, Query query, StoreReceiver receiver, Consumer<RetrieveProgress> progress,
			BooleanSupplier cancelRequested);

}
