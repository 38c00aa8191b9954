package io.github.dicomscu.scu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.AeTitle;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.BindAddress;
import io.github.dicomscu.net.association.MaxPduLength;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.RequestedContexts;
import io.github.dicomscu.net.context.TooManyPresentationContextsException;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.query.FindResults;
import io.github.dicomscu.net.query.FindScu;
import io.github.dicomscu.net.query.GetScu;
import io.github.dicomscu.net.query.MoveScu;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryRetrieveModel;
import io.github.dicomscu.net.query.RetrieveProgress;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.net.query.StoreReceiver;
import io.github.dicomscu.net.storage.StoreContexts;
import io.github.dicomscu.net.storage.StoreInstance;
import io.github.dicomscu.net.storage.StoreResult;
import io.github.dicomscu.net.storage.StoreScu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central class of the SCU side: opens an association with a named remote AE for every
 * operation, runs the work on it, and releases it (or aborts it when the work fails). Engine
 * failures are translated into the {@link DicomAccessException} hierarchy, with messages that
 * name the remote.
 * <p>
 * An instance is immutable once built (see {@link #builder()}) and thread-safe: each call has
 * its own association, so one template serves any number of threads.
 * <p>
 * The presentation contexts of an operation are the remote's requested contexts
 * ({@link #getRequestedContexts(String)}) for {@link #echo(String)} and {@link #execute}; the
 * other operations propose what they need unless configuration says otherwise:
 * <ul>
 * <li>{@code store} and {@code storeAll}: the remote's own contexts if it has any, else contexts
 * derived from the instances ({@link StoreContexts#forInstances}), as DCMTK's {@code storescu}
 * does;</li>
 * <li>{@code find} and {@code findAll}: the remote's requested contexts (its own, else the global
 * ones) if they include the FIND SOP class of the query's information model, else that one
 * context alone;</li>
 * <li>{@code move}: the remote's own contexts if it has any that include the MOVE SOP class of
 * the model, else that one context alone;</li>
 * <li>{@code get}: the remote's own contexts if it has any that include the GET SOP class of the
 * model, else that context followed by the {@linkplain #getRetrieveStorageContexts() retrieve
 * storage contexts}, proposed with the SCP role.</li>
 * </ul>
 * The FIND, MOVE and GET contexts the template adds itself offer
 * {@link #getTransferSyntaxes()}.
 * <p>
 * Every association is logged at INFO in one line (the remote and how many of the proposed
 * presentation contexts it accepted); the engine logs the negotiated contexts as a table at
 * DEBUG under {@code io.github.dicomscu.net.association.Association}.
 */
public class AeTemplate implements AeOperations {

	/**
	 * Storage SOP classes a C-GET receives unless configured otherwise, as keywords: CT, MR and
	 * their enhanced forms, CR, DX and MG (for presentation and for processing), US (single and
	 * multi-frame), Secondary Capture, XA, RF, NM, PET, RT Image, Dose, Structure Set and Plan,
	 * Encapsulated PDF, Basic Text, Enhanced and Comprehensive SR, Key Object Selection and
	 * Grayscale Softcopy Presentation State.
	 */
	public static final List<String> DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES = List.of("CTImageStorage",
			"EnhancedCTImageStorage", "MRImageStorage", "EnhancedMRImageStorage", "ComputedRadiographyImageStorage",
			"DigitalXRayImageStorageForPresentation", "DigitalXRayImageStorageForProcessing",
			"DigitalMammographyXRayImageStorageForPresentation", "DigitalMammographyXRayImageStorageForProcessing",
			"UltrasoundImageStorage", "UltrasoundMultiFrameImageStorage", "SecondaryCaptureImageStorage",
			"XRayAngiographicImageStorage", "XRayRadiofluoroscopicImageStorage", "NuclearMedicineImageStorage",
			"PositronEmissionTomographyImageStorage", "RTImageStorage", "RTDoseStorage", "RTStructureSetStorage",
			"RTPlanStorage", "EncapsulatedPDFStorage", "BasicTextSRStorage", "EnhancedSRStorage",
			"ComprehensiveSRStorage", "KeyObjectSelectionDocumentStorage",
			"GrayscaleSoftcopyPresentationStateStorage");

	private static final Logger logger = LoggerFactory.getLogger(AeTemplate.class);

	private static final Consumer<RetrieveProgress> NO_PROGRESS = (progress) -> {
	};

	private final String aeTitle;

	private final long maxPduLength;

	private final AssociationTimeouts timeouts;

	private final BindAddress bindAddress;

	private final List<PresentationContext> requestedContexts;

	private final Map<String, RemoteAe> remotes;

	private final Map<String, List<PresentationContext>> remoteContexts;

	private final List<String> transferSyntaxes;

	private final List<PresentationContext> retrieveStorageContexts;

	private AeTemplate(Builder builder) {
		this.aeTitle = builder.aeTitle;
		this.maxPduLength = builder.maxPduLength;
		this.timeouts = builder.timeouts;
		this.bindAddress = builder.bindAddress;
		this.requestedContexts = builder.requestedContexts.toList();
		this.remotes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.remotes));
		Map<String, List<PresentationContext>> remoteContexts = new LinkedHashMap<>();
		builder.remoteContexts.forEach((name, contexts) -> remoteContexts.put(name, contexts.toList()));
		this.remoteContexts = Collections.unmodifiableMap(remoteContexts);
		this.transferSyntaxes = builder.transferSyntaxes;
		this.retrieveStorageContexts = builder.retrieveStorageContexts;
	}

	/**
	 * Start building a template: AE title {@value AssociationRequest#DEFAULT_CALLING_AE_TITLE},
	 * the default maximum PDU length and timeouts, no bind address, no contexts and no remotes.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public EchoResult echo(String remote) {
		return echo(remote, getRequestedContexts(remote), this.timeouts);
	}

	@Override
	public EchoResult echo(String remote, List<PresentationContext> contexts, Duration timeout) {
		Objects.requireNonNull(timeout, "timeout");
		return echo(remote, contexts, this.timeouts.withConnect(timeout).withAcse(timeout).withDimse(timeout));
	}

	/**
	 * Verify a remote with C-ECHO on an association that proposes the given contexts and runs
	 * with the given timers. A status other than Success is returned, not thrown.
	 * @param remote the remote's name
	 * @param contexts the contexts to propose, which must include Verification
	 * @param timeouts the timers of the association
	 * @return the outcome
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws DicomAccessException if the echo fails
	 */
	public EchoResult echo(String remote, List<PresentationContext> contexts, AssociationTimeouts timeouts) {
		RemoteAe remoteAe = getRemote(remote);
		long start = System.nanoTime();
		Echo echo = execute(remote, contexts, timeouts, (association) -> new Echo(association.echo(),
				association.getPeerImplementationClassUid(), association.getPeerImplementationVersionName()));
		Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
		return new EchoResult(remoteAe, echo.status(), Status.meaningOf(echo.status()), roundTrip,
				echo.implementationClassUid(), echo.implementationVersionName());
	}

	@Override
	public <T> T execute(String remote, AssociationCallback<T> callback) {
		return execute(remote, getRequestedContexts(remote), this.timeouts, callback);
	}

	@Override
	public <T> T execute(String remote, List<PresentationContext> contexts, AssociationCallback<T> callback) {
		return execute(remote, contexts, this.timeouts, callback);
	}

	/**
	 * Open an association with a remote proposing the given contexts with the given timers,
	 * run the callback on it and release it. If the callback fails the association is
	 * aborted, unless the failure is an engine failure that leaves it usable (a DIMSE failure
	 * status, or no accepted context for what was to be sent): that one is released before the
	 * translated exception is thrown. A release that fails once the callback has returned is
	 * logged and the association aborted; the callback's result is still returned.
	 * @param <T> the result type
	 * @param remote the remote's name
	 * @param contexts the contexts to propose, in order (1 to 128)
	 * @param timeouts the timers of the association
	 * @param callback the work
	 * @return the callback's result
	 * @throws UnknownRemoteException if no remote has that name
	 * @throws IllegalArgumentException if no context is given
	 * @throws io.github.dicomscu.net.context.TooManyPresentationContextsException if more than
	 * 128 contexts are given
	 * @throws DicomAccessException if the association or the callback fails
	 */
	public <T> T execute(String remote, List<PresentationContext> contexts, AssociationTimeouts timeouts,
			AssociationCallback<T> callback) {
		Objects.requireNonNull(callback, "callback");
		RemoteAe remoteAe = getRemote(remote);
		Association association = open(remoteAe, contexts, timeouts);
		T result;
		try {
			result = callback.doInAssociation(association);
		}
		catch (DicomNetworkException ex) {
			throw end(remoteAe, association, ex);
		}
		catch (RuntimeException | Error ex) {
			association.abort();
			throw ex;
		}
		release(remoteAe, association);
		return result;
	}

	/**
	 * Send one Part 10 file with C-STORE; see {@link AeOperations#store(String, Path)}.
	 * @param remote the remote's name
	 * @param file the Part 10 file
	 * @return the outcome; a failure status is returned, not thrown
	 * @throws UncheckedIOException if the file cannot be read or does not start with valid
	 * File Meta Information (the cause is then a
	 * {@link io.github.dicomscu.data.DicomParseException}); no association is opened
	 * @throws NoAcceptedContextException if the remote accepted no context of the
	 * instance's SOP class
	 * @throws TransferSyntaxNotAcceptedException if it accepted the SOP class only with
	 * transfer syntaxes the instance cannot be sent in
	 * @throws DicomAccessException if the association fails
	 */
	@Override
	public StoreResult store(String remote, Path file) {
		Objects.requireNonNull(file, "file");
		getRemote(remote);
		return store(remote, readInstance(file));
	}

	/**
	 * Send one data set with C-STORE; see {@link AeOperations#store(String, DataSet)}.
	 * @param remote the remote's name
	 * @param dataSet the data set, with SOP Class UID and SOP Instance UID
	 * @return the outcome; a failure status is returned, not thrown
	 * @throws IllegalArgumentException if the data set lacks SOP Class or Instance UID, or
	 * has encapsulated pixel data (send it with {@link #store(String, StoreInstance)})
	 * @throws NoAcceptedContextException if the remote accepted no context of the
	 * instance's SOP class
	 * @throws DicomAccessException if the association fails
	 */
	@Override
	public StoreResult store(String remote, DataSet dataSet) {
		Objects.requireNonNull(dataSet, "dataSet");
		return store(remote, StoreInstance.of(dataSet));
	}

	/**
	 * Send one instance with C-STORE, for example a data set with encapsulated pixel data
	 * ({@link StoreInstance#of(DataSet, io.github.dicomscu.data.TransferSyntax)}). Unless the
	 * remote has its own contexts configured, the association proposes the contexts derived
	 * from the instance.
	 * @param remote the remote's name
	 * @param instance the instance
	 * @return the outcome; a failure status is returned, not thrown
	 * @throws UncheckedIOException if the instance cannot be read; the association is aborted
	 * @throws NoAcceptedContextException if the remote accepted no context of the
	 * instance's SOP class
	 * @throws TransferSyntaxNotAcceptedException if it accepted the SOP class only with
	 * transfer syntaxes the instance cannot be sent in
	 * @throws DicomAccessException if the association fails
	 */
	@Override
	public StoreResult store(String remote, StoreInstance instance) {
		Objects.requireNonNull(instance, "instance");
		return execute(remote, storeContexts(remote, List.of(instance)), this.timeouts, (association) -> {
			try {
				return StoreScu.store(association, instance, Priority.MEDIUM);
			}
			catch (DicomNetworkException ex) {
				throw ex;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + instance + ": " + ex.getMessage(), ex);
			}
		});
	}

	/**
	 * Send several Part 10 files over one association; see
	 * {@link AeOperations#storeAll(String, Collection)}. Instances of more SOP classes (or
	 * compressed transfer syntaxes) than the 128 contexts of one association can carry are sent
	 * over consecutive associations, each proposing the contexts of its batch; if one of the
	 * later associations cannot be established, its instances are {@code NOT_SENT} with the
	 * reason. A file that cannot be read, or whose
	 * instance no accepted context fits, has a {@link io.github.dicomscu.net.storage.StoreOutcome#NOT_SENT}
	 * result (without SOP Class and Instance UID if the file could not be read); if no file can
	 * be read, no association is opened.
	 * @param remote the remote's name
	 * @param files the files
	 * @return one result per file, in the order given
	 * @throws DicomAccessException if the (first) association cannot be established
	 */
	@Override
	public List<StoreResult> storeAll(String remote, Collection<Path> files) {
		Objects.requireNonNull(files, "files");
		getRemote(remote);
		StoreResult[] results = new StoreResult[files.size()];
		List<StoreInstance> instances = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		int position = 0;
		for (Path file : files) {
			try {
				instances.add(StoreInstance.of(file));
				positions.add(position);
			}
			catch (IOException ex) {
				results[position] = StoreResult.notSent(null, null, "Cannot read " + file + ": " + ex.getMessage());
			}
			position++;
		}
		List<List<StoreInstance>> batches = this.remoteContexts.containsKey(remote) ? List.of(instances)
				: StoreContexts.batches(instances);
		int done = 0;
		for (List<StoreInstance> batch : batches) {
			List<StoreResult> sent;
			try {
				sent = execute(remote, storeContexts(remote, batch), this.timeouts,
						(association) -> StoreScu.storeAll(association, batch, Priority.MEDIUM));
			}
			catch (DicomAccessException ex) {
				if (done == 0) {
					throw ex;
				}
				sent = batch.stream()
					.map((instance) -> StoreResult.notSent(instance.sopInstanceUid(), instance.sopClassUid(),
							"The association for this batch of instances failed: " + ex.getMessage()))
					.toList();
			}
			for (int i = 0; i < sent.size(); i++) {
				results[positions.get(done + i)] = sent.get(i);
			}
			done += batch.size();
		}
		return List.of(results);
	}

	/**
	 * Query a remote with C-FIND; see {@link AeOperations#find(String, Query)}. The association
	 * is released as soon as the final response has been read, or when the stream is closed
	 * (after a C-CANCEL if the matches were not all read); it is aborted if the exchange fails.
	 * A failure while the stream is consumed is thrown as the translated
	 * {@link DicomAccessException}, such as a {@link DimseFailureException} for a failure status.
	 * @param remote the remote's name
	 * @param query the query
	 * @return the matches, a sequential stream to close
	 * @throws DicomAccessException if the association fails or the request cannot be sent
	 */
	@Override
	public Stream<DataSet> find(String remote, Query query) {
		Objects.requireNonNull(query, "query");
		List<PresentationContext> contexts = findContexts(remote, query.model());
		DataSet identifier = query.toIdentifier();
		RemoteAe remoteAe = getRemote(remote);
		Association association = open(remoteAe, contexts, this.timeouts);
		FindResults results;
		try {
			results = FindScu.find(association, query.model(), identifier, Priority.MEDIUM);
		}
		catch (DicomNetworkException ex) {
			throw end(remoteAe, association, ex);
		}
		catch (RuntimeException | Error ex) {
			association.abort();
			throw ex;
		}
		FindMatches matches = new FindMatches(remoteAe, association, results);
		return StreamSupport.stream(matches, false).onClose(matches::close);
	}

	@Override
	public List<DataSet> findAll(String remote, Query query, int maxResults) {
		Objects.requireNonNull(query, "query");
		if (maxResults < 0) {
			throw new IllegalArgumentException("maxResults must not be negative, got " + maxResults);
		}
		List<PresentationContext> contexts = findContexts(remote, query.model());
		DataSet identifier = query.toIdentifier();
		return execute(remote, contexts, this.timeouts, (association) -> {
			try (FindResults results = FindScu.find(association, query.model(), identifier, Priority.MEDIUM,
					maxResults)) {
				List<DataSet> matches = new ArrayList<>();
				for (DataSet match = results.nextMatch(); match != null; match = results.nextMatch()) {
					matches.add(match);
				}
				return matches;
			}
		});
	}

	/**
	 * Ask a remote to send instances to a destination AE with C-MOVE; see
	 * {@link AeOperations#move(String, Query, String, Consumer)}.
	 * @param remote the remote's name
	 * @param query what to move (model, level, unique keys)
	 * @param destination the destination AE title, known to the remote
	 * @param progress receives the counts of each pending response, may be {@code null}
	 * @return the final counts and failed SOP instance UIDs
	 * @throws IllegalArgumentException if the destination is not a valid AE title
	 * @throws MoveDestinationUnknownException if the remote does not know the destination
	 * @throws RetrieveFailedException if the move ends with another failure status
	 * @throws DicomAccessException if the association fails
	 */
	@Override
	public RetrieveResult move(String remote, Query query, String destination, Consumer<RetrieveProgress> progress) {
		Objects.requireNonNull(query, "query");
		String destinationAeTitle = AeTitle.check("move destination", destination);
		String sopClassUid = query.model().moveSopClassUid();
		List<PresentationContext> contexts = ownContextsWith(remote, sopClassUid)
			.orElseGet(() -> List.of(PresentationContext.of(sopClassUid, this.transferSyntaxes)));
		DataSet identifier = query.toIdentifier();
		Consumer<RetrieveProgress> listener = (progress != null) ? progress : NO_PROGRESS;
		return execute(remote, contexts, this.timeouts, (association) -> MoveScu.move(association, query.model(),
				identifier, destinationAeTitle, Priority.MEDIUM, listener));
	}

	/**
	 * Retrieve instances from a remote with C-GET; see
	 * {@link AeOperations#get(String, Query, StoreReceiver, Consumer)}.
	 * @param remote the remote's name
	 * @param query what to get (model, level, unique keys)
	 * @param receiver takes each instance
	 * @param progress receives the counts of each pending response, may be {@code null}
	 * @return the final counts and failed SOP instance UIDs
	 * @throws RetrieveFailedException if the get ends with a failure status
	 * @throws DicomAccessException if the association fails
	 */
	@Override
	public RetrieveResult get(String remote, Query query, StoreReceiver receiver, Consumer<RetrieveProgress> progress) {
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(receiver, "receiver");
		String sopClassUid = query.model().getSopClassUid();
		List<PresentationContext> contexts = ownContextsWith(remote, sopClassUid).orElseGet(() -> {
			List<PresentationContext> get = new ArrayList<>();
			get.add(PresentationContext.of(sopClassUid, this.transferSyntaxes));
			get.addAll(this.retrieveStorageContexts);
			return get;
		});
		DataSet identifier = query.toIdentifier();
		Consumer<RetrieveProgress> listener = (progress != null) ? progress : NO_PROGRESS;
		return execute(remote, contexts, this.timeouts, (association) -> GetScu.get(association, query.model(),
				identifier, Priority.MEDIUM, receiver, listener));
	}

	@Override
	public List<PresentationContext> getRequestedContexts(String remote) {
		getRemote(remote);
		return this.remoteContexts.getOrDefault(remote, this.requestedContexts);
	}

	@Override
	public Map<String, RemoteAe> getRemotes() {
		return this.remotes;
	}

	/**
	 * Return the calling AE title.
	 * @return the AE title
	 */
	public String getAeTitle() {
		return this.aeTitle;
	}

	/**
	 * Return the maximum length of the P-DATA-TF PDUs this AE receives.
	 * @return the length in bytes, 0 for no limit
	 */
	public long getMaxPduLength() {
		return this.maxPduLength;
	}

	/**
	 * Return the timers every association runs with unless a call gives others.
	 * @return the timeouts
	 */
	public AssociationTimeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Return the local address associations are opened from.
	 * @return the bind address, or {@code null} to let the system choose
	 */
	public BindAddress getBindAddress() {
		return this.bindAddress;
	}

	/**
	 * Return the contexts proposed to remotes that have none of their own.
	 * @return the contexts, in the order proposed
	 */
	public List<PresentationContext> getRequestedContexts() {
		return this.requestedContexts;
	}

	/**
	 * Return the transfer syntaxes of the FIND, MOVE and GET contexts the template proposes
	 * on its own.
	 * @return the transfer syntax UIDs, in order of preference
	 */
	public List<String> getTransferSyntaxes() {
		return this.transferSyntaxes;
	}

	/**
	 * Return the contexts a C-GET proposes, after the GET context, for the storage SOP classes
	 * it receives: one per SOP class, each with the SCP role.
	 * @return the contexts, in the order proposed
	 */
	public List<PresentationContext> getRetrieveStorageContexts() {
		return this.retrieveStorageContexts;
	}

	private Association open(RemoteAe remoteAe, List<PresentationContext> contexts, AssociationTimeouts timeouts) {
		AssociationRequest request = AssociationRequest.builder(remoteAe.host(), remoteAe.port())
			.callingAeTitle(this.aeTitle)
			.calledAeTitle(remoteAe.aeTitle())
			.maxPduLength(this.maxPduLength)
			.bindAddress(this.bindAddress)
			.timeouts(Objects.requireNonNull(timeouts, "timeouts"))
			.contexts(contexts)
			.build();
		Association association;
		try {
			association = Association.request(request);
		}
		catch (DicomNetworkException ex) {
			throw DicomExceptionTranslator.translate(remoteAe, ex);
		}
		logNegotiation(remoteAe, association);
		return association;
	}

	private List<PresentationContext> storeContexts(String remote, List<StoreInstance> instances) {
		List<PresentationContext> own = this.remoteContexts.get(remote);
		return (own != null) ? own : StoreContexts.forInstances(instances);
	}

	private List<PresentationContext> findContexts(String remote, QueryRetrieveModel model) {
		String sopClassUid = model.findSopClassUid();
		List<PresentationContext> requested = getRequestedContexts(remote);
		return includes(requested, sopClassUid) ? requested
				: List.of(PresentationContext.of(sopClassUid, this.transferSyntaxes));
	}

	private Optional<List<PresentationContext>> ownContextsWith(String remote, String sopClassUid) {
		getRemote(remote);
		List<PresentationContext> own = this.remoteContexts.get(remote);
		return (own != null && includes(own, sopClassUid)) ? Optional.of(own) : Optional.empty();
	}

	private static boolean includes(List<PresentationContext> contexts, String abstractSyntax) {
		return contexts.stream().anyMatch((context) -> context.abstractSyntax().equals(abstractSyntax));
	}

	private static StoreInstance readInstance(Path file) {
		try {
			return StoreInstance.of(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private RemoteAe getRemote(String remote) {
		RemoteAe remoteAe = this.remotes.get(remote);
		if (remoteAe == null) {
			throw new UnknownRemoteException(remote, this.remotes.keySet());
		}
		return remoteAe;
	}

	/**
	 * End an association after an engine failure and return the failure translated: release
	 * the association if the failure left it usable, else abort it.
	 */
	private static DicomAccessException end(RemoteAe remote, Association association, DicomNetworkException ex) {
		if (leavesAssociationUsable(ex) && association.isEstablished()) {
			release(remote, association);
		}
		else {
			association.abort();
		}
		return DicomExceptionTranslator.translate(remote, ex);
	}

	private static boolean leavesAssociationUsable(DicomNetworkException ex) {
		return ex instanceof io.github.dicomscu.net.dimse.DimseFailureException || ex instanceof io.github.dicomscu.net.association.NoAcceptedContextException
				|| ex instanceof io.github.dicomscu.net.storage.TransferSyntaxNotAcceptedException;
	}

	private static void release(RemoteAe remote, Association association) {
		if (!association.isEstablished()) {
			association.abort();
			return;
		}
		try {
			association.release();
		}
		catch (DicomNetworkException ex) {
			association.abort();
			logger.warn("Release of the association with remote '{}' ({}) failed after the work completed: {}",
					remote.name(), association.getPeer(), ex.getMessage());
		}
	}

	private static void logNegotiation(RemoteAe remote, Association association) {
		if (logger.isInfoEnabled()) {
			List<NegotiatedContext> contexts = association.getNegotiatedContexts();
			long accepted = contexts.stream().filter(NegotiatedContext::isAccepted).count();
			logger.info("Association with remote '{}' ({}): {} of {} presentation contexts accepted, {} rejected",
					remote.name(), association.getPeer(), accepted, contexts.size(), contexts.size() - accepted);
		}
	}

	/**
	 * The matches of a C-FIND read lazily from an association the template opened: the
	 * association is released once the final response has been read or when the stream is
	 * closed (after a C-CANCEL if the operation is still running), and aborted if the exchange
	 * fails. Meant for one thread, like the stream it backs.
	 */
	private static final class FindMatches extends Spliterators.AbstractSpliterator<DataSet> {

		private final RemoteAe remote;

		private final Association association;

		private final FindResults results;

		private boolean ended;

		FindMatches(RemoteAe remote, Association association, FindResults results) {
			super(Long.MAX_VALUE, ORDERED | NONNULL);
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
				throw end(this.remote, this.association, ex);
			}
			catch (RuntimeException | Error ex) {
				this.ended = true;
				this.association.abort();
				throw ex;
			}
			if (match == null) {
				this.ended = true;
				release(this.remote, this.association);
				return false;
			}
			action.accept(match);
			return true;
		}

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
				logger.warn("Cancelling the C-FIND on the association with remote '{}' ({}) failed: {}",
						this.remote.name(), this.association.getPeer(), ex.getMessage());
				return;
			}
			release(this.remote, this.association);
		}

	}

	/**
	 * What a C-ECHO returns from inside the association.
	 */
	private record Echo(int status, String implementationClassUid, String implementationVersionName) {
	}

	/**
	 * Mutable builder for {@link AeTemplate}, also what an {@link AeTemplateCustomizer}
	 * receives. The requested contexts are {@link RequestedContexts}: add them one by one (like
	 * pynetdicom's {@code add_requested_context}) or replace them all (like assigning
	 * {@code requested_contexts}); a change that would exceed 128 contexts throws
	 * {@link io.github.dicomscu.net.context.TooManyPresentationContextsException}. Not
	 * thread-safe.
	 */
	public static final class Builder {

		private String aeTitle = AssociationRequest.DEFAULT_CALLING_AE_TITLE;

		private long maxPduLength = AssociationRequest.DEFAULT_MAX_PDU_LENGTH;

		private AssociationTimeouts timeouts = AssociationTimeouts.defaults();

		private BindAddress bindAddress;

		private final RequestedContexts requestedContexts = new RequestedContexts();

		private final Map<String, RemoteAe> remotes = new LinkedHashMap<>();

		private final Map<String, RequestedContexts> remoteContexts = new LinkedHashMap<>();

		private List<String> transferSyntaxes = PresentationContext.DEFAULT_TRANSFER_SYNTAXES;

		private List<PresentationContext> retrieveStorageContexts = DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES.stream()
			.map((sopClass) -> PresentationContext.of(sopClass).withRoles(false, true))
			.toList();

		private Builder() {
		}

		/**
		 * Set the calling AE title.
		 * @param aeTitle the AE title; leading and trailing spaces are dropped
		 * @return this builder
		 * @throws IllegalArgumentException if it is not a valid AE title
		 */
		public Builder aeTitle(String aeTitle) {
			this.aeTitle = AeTitle.check("calling AE title", aeTitle);
			return this;
		}

		/**
		 * Set the maximum length of the P-DATA-TF PDUs this AE receives.
		 * @param maxPduLength the length in bytes, 0 for no limit
		 * @return this builder
		 * @throws IllegalArgumentException if {@link MaxPduLength#check(long)} rejects it
		 */
		public Builder maxPduLength(long maxPduLength) {
			this.maxPduLength = MaxPduLength.check(maxPduLength);
			return this;
		}

		/**
		 * Set the timers of every association.
		 * @param timeouts the timeouts
		 * @return this builder
		 */
		public Builder timeouts(AssociationTimeouts timeouts) {
			this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
			return this;
		}

		/**
		 * Set the local address associations are opened from.
		 * @param bindAddress the bind address, or {@code null} to let the system choose
		 * @return this builder
		 */
		public Builder bindAddress(BindAddress bindAddress) {
			this.bindAddress = bindAddress;
			return this;
		}

		/**
		 * Add a remote AE, or replace the one with the same name.
		 * @param remote the remote, which checked its AE title, host and port
		 * @return this builder
		 */
		public Builder remote(RemoteAe remote) {
			Objects.requireNonNull(remote, "remote");
			this.remotes.put(remote.name(), remote);
			return this;
		}

		/**
		 * Return the contexts proposed to every remote that has none of its own, to change in
		 * place.
		 * @return the requested contexts
		 */
		public RequestedContexts requestedContexts() {
			return this.requestedContexts;
		}

		/**
		 * Return the contexts proposed to one remote instead of the global ones, to change in
		 * place; the first call gives the remote its own, empty, list.
		 * @param remote the remote's name
		 * @return the remote's requested contexts
		 * @throws IllegalArgumentException if no remote has that name
		 */
		public RequestedContexts requestedContexts(String remote) {
			if (!this.remotes.containsKey(remote)) {
				throw new IllegalArgumentException("No remote named '" + remote + "'; known remotes: "
						+ String.join(", ", this.remotes.keySet()));
			}
			return this.remoteContexts.computeIfAbsent(remote, (name) -> new RequestedContexts());
		}

		/**
		 * Set the transfer syntaxes of the FIND, MOVE and GET contexts the template proposes on
		 * its own (by default {@link PresentationContext#DEFAULT_TRANSFER_SYNTAXES}).
		 * @param transferSyntaxes keywords or UIDs, in order of preference
		 * @return this builder
		 * @throws IllegalArgumentException if the list is empty or a syntax is unknown
		 */
		public Builder transferSyntaxes(List<String> transferSyntaxes) {
			Objects.requireNonNull(transferSyntaxes, "transferSyntaxes");
			this.transferSyntaxes = PresentationContext.of(Uid.VERIFICATION, transferSyntaxes).transferSyntaxes();
			return this;
		}

		/**
		 * Set the contexts a C-GET proposes after the GET context, one per storage SOP class it
		 * is to receive (by default {@link AeTemplate#DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES} with
		 * {@link PresentationContext#DEFAULT_TRANSFER_SYNTAXES}). Each is proposed with the SCP
		 * role and without the SCU role, whatever roles it names.
		 * @param contexts the contexts, at most 127 (the GET context makes 128)
		 * @return this builder
		 * @throws TooManyPresentationContextsException if there are more than 127
		 */
		public Builder retrieveStorageContexts(List<PresentationContext> contexts) {
			List<PresentationContext> withScpRole = contexts.stream()
				.map((context) -> context.withRoles(false, true))
				.toList();
			if (withScpRole.size() + 1 > RequestedContexts.MAXIMUM) {
				Map<String, Integer> sources = new LinkedHashMap<>();
				sources.put("the GET SOP class", 1);
				sources.put("retrieveStorageContexts()", withScpRole.size());
				throw new TooManyPresentationContextsException(withScpRole.size() + 1, sources);
			}
			this.retrieveStorageContexts = withScpRole;
			return this;
		}

		/**
		 * Return the contexts a C-GET proposes after the GET context.
		 * @return the contexts, each with the SCP role
		 */
		public List<PresentationContext> retrieveStorageContexts() {
			return this.retrieveStorageContexts;
		}

		/**
		 * Return the remotes added so far, by name.
		 * @return an unmodifiable view of the remotes
		 */
		public Map<String, RemoteAe> remotes() {
			return Collections.unmodifiableMap(this.remotes);
		}

		/**
		 * Build the template.
		 * @return the template
		 * @throws IllegalStateException if a remote would be proposed no context
		 */
		public AeTemplate build() {
			List<String> withoutContexts = new ArrayList<>();
			for (String remote : this.remotes.keySet()) {
				RequestedContexts contexts = this.remoteContexts.getOrDefault(remote, this.requestedContexts);
				if (contexts.isEmpty()) {
					withoutContexts.add(remote);
				}
			}
			if (!withoutContexts.isEmpty()) {
				throw new IllegalStateException("No presentation contexts to propose to remote(s) "
						+ String.join(", ", withoutContexts) + "; an association proposes at least one");
			}
			return new AeTemplate(this);
		}

	}

}
