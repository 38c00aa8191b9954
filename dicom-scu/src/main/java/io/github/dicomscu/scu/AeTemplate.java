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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.AeTitle;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.BindAddress;
import io.github.dicomscu.net.association.MaxDataSetInMemory;
import io.github.dicomscu.net.association.MaxPduLength;
import io.github.dicomscu.net.association.TlsSettings;
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
import io.github.dicomscu.net.query.RetrieveProgress;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.net.query.StoreReceiver;
import io.github.dicomscu.net.storage.StoreContexts;
import io.github.dicomscu.net.storage.StoreInstance;
import io.github.dicomscu.net.storage.StoreResult;
import io.github.dicomscu.net.storage.StoreScu;

/**
 * The central class of the SCU side: opens an association with a named remote AE for
 * every operation, runs the work on it, and ends it: released while it is still
 * established, aborted once a failure broke it (the template asks the association, it
 * keeps no list of failures). Engine failures are translated into the
 * {@link DicomAccessException} hierarchy by the {@linkplain #getExceptionTranslator()
 * exception translator}, by default a {@link DefaultDicomExceptionTranslator} whose
 * messages name the remote.
 * <p>
 * An instance is immutable once built (see {@link #builder()}) and thread-safe: each call
 * has its own association, so one template serves any number of threads. Its operations
 * are those of {@link AeOperations}; its getters, such as {@link #getRemotes()}, are a
 * read-only view of its configuration.
 * <p>
 * The presentation contexts of an operation are the remote's requested contexts
 * ({@link #getRequestedContexts(String)}) for {@link #echo(String)} and {@link #execute};
 * the other operations propose what they need unless configuration says otherwise:
 * <ul>
 * <li>{@code store} and {@code storeAll}: the remote's own contexts if it has any, else
 * contexts derived from the instances ({@link StoreContexts#forInstances}), as DCMTK's
 * {@code storescu} does;</li>
 * <li>{@code find} and {@code findAll}: the remote's requested contexts (its own, else
 * the global ones) if they include the FIND SOP class of the query's information model,
 * else that one context alone;</li>
 * <li>{@code move}: the remote's own contexts if it has any that include the MOVE SOP
 * class of the model, else that one context alone;</li>
 * <li>{@code get}: the remote's own contexts if it has any that include the GET SOP class
 * of the model, else that context followed by the
 * {@linkplain #getRetrieveStorageContexts() retrieve storage contexts}, proposed with the
 * SCP role.</li>
 * </ul>
 * The FIND, MOVE and GET contexts the template adds itself offer
 * {@link #getTransferSyntaxes()}.
 * <p>
 * Every association is logged at INFO in one line (the remote and how many of the
 * proposed presentation contexts it accepted); the engine logs the negotiated contexts as
 * a table at DEBUG under {@code io.github.dicomscu.net.association.Association}.
 */
public class AeTemplate implements AeOperations {

	/**
	 * Storage SOP classes a C-GET receives unless configured otherwise, as keywords: CT,
	 * MR and their enhanced forms, CR, DX and MG (for presentation and for processing),
	 * US (single and multi-frame), Secondary Capture, XA, RF, NM, PET, RT Image, Dose,
	 * Structure Set and Plan, Encapsulated PDF, Basic Text, Enhanced and Comprehensive
	 * SR, Key Object Selection and Grayscale Softcopy Presentation State.
	 */
	public static final List<String> DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES = List.of("CTImageStorage",
			"EnhancedCTImageStorage", "MRImageStorage", "EnhancedMRImageStorage", "ComputedRadiographyImageStorage",
			"DigitalXRayImageStorageForPresentation", "DigitalXRayImageStorageForProcessing",
			"DigitalMammographyXRayImageStorageForPresentation", "DigitalMammographyXRayImageStorageForProcessing",
			"UltrasoundImageStorage", "UltrasoundMultiFrameImageStorage", "SecondaryCaptureImageStorage",
			"XRayAngiographicImageStorage", "XRayRadiofluoroscopicImageStorage", "NuclearMedicineImageStorage",
			"PositronEmissionTomographyImageStorage", "RTImageStorage", "RTDoseStorage", "RTStructureSetStorage",
			"RTPlanStorage", "EncapsulatedPDFStorage", "BasicTextSRStorage", "EnhancedSRStorage",
			"ComprehensiveSRStorage", "KeyObjectSelectionDocumentStorage", "GrayscaleSoftcopyPresentationStateStorage");

	/**
	 * The most matches {@code findAll} collects in memory unless configured otherwise:
	 * 10,000.
	 */
	public static final int DEFAULT_MAX_FIND_RESULTS = 10_000;

	private static final Consumer<RetrieveProgress> NO_PROGRESS = (progress) -> {
	};

	private final String aeTitle;

	private final long maxPduLength;

	private final long maxDataSetInMemory;

	private final AssociationTimeouts timeouts;

	private final Duration cancelGrace;

	private final int maxFindResults;

	private final BindAddress bindAddress;

	private final DicomExceptionTranslator exceptionTranslator;

	private final RemoteAssociations associations;

	private final Map<String, RemoteAe> remotes;

	private final ProposedContexts contexts;

	private AeTemplate(Builder builder) {
		this.aeTitle = builder.aeTitle;
		this.maxPduLength = builder.maxPduLength;
		this.maxDataSetInMemory = builder.maxDataSetInMemory;
		this.timeouts = builder.timeouts;
		this.cancelGrace = builder.cancelGrace;
		this.maxFindResults = builder.maxFindResults;
		this.bindAddress = builder.bindAddress;
		this.exceptionTranslator = builder.exceptionTranslator;
		this.associations = new RemoteAssociations(this.aeTitle, this.maxPduLength, this.maxDataSetInMemory,
				this.bindAddress, Map.copyOf(builder.remoteTls), this.exceptionTranslator);
		this.remotes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.remotes));
		Map<String, List<PresentationContext>> remoteContexts = new LinkedHashMap<>();
		builder.remoteContexts.forEach((name, contexts) -> remoteContexts.put(name, contexts.toList()));
		this.contexts = new ProposedContexts(builder.requestedContexts.toList(),
				Collections.unmodifiableMap(remoteContexts), builder.transferSyntaxes, builder.retrieveStorageContexts);
	}

	/**
	 * Start building a template: AE title
	 * {@value AssociationRequest#DEFAULT_CALLING_AE_TITLE}, the default maximum PDU
	 * length and timeouts, no bind address, no contexts and no remotes, and the
	 * {@link DefaultDicomExceptionTranslator}.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public EchoResult echo(String remote) {
		return echo(getRemote(remote), this.contexts.requested(remote), null);
	}

	@Override
	public EchoResult echo(String remote, List<PresentationContext> contexts, Duration timeout) {
		Objects.requireNonNull(timeout, "timeout");
		return echo(getRemote(remote), contexts, AssociationTimeouts.check("echo", timeout));
	}

	@Override
	public <T> T execute(String remote, AssociationCallback<T> callback) {
		return execute(getRemote(remote), this.contexts.requested(remote), callback);
	}

	@Override
	public <T> T execute(String remote, List<PresentationContext> contexts, AssociationCallback<T> callback) {
		return execute(getRemote(remote), contexts, callback);
	}

	@Override
	public StoreResult store(String remote, Path file) {
		Objects.requireNonNull(file, "file");
		getRemote(remote);
		return store(remote, readInstance(file));
	}

	@Override
	public StoreResult store(String remote, DataSet dataSet) {
		Objects.requireNonNull(dataSet, "dataSet");
		return store(remote, StoreInstance.of(dataSet));
	}

	@Override
	public StoreResult store(String remote, StoreInstance instance) {
		Objects.requireNonNull(instance, "instance");
		RemoteAe remoteAe = getRemote(remote);
		return execute(remoteAe, this.contexts.store(remote, List.of(instance)), (association) -> {
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

	@Override
	public List<StoreResult> storeAll(String remote, Collection<Path> files) {
		Objects.requireNonNull(files, "files");
		RemoteAe remoteAe = getRemote(remote);
		return new StoreBatches(files).send(this.contexts.hasOwn(remote),
				(batch) -> execute(remoteAe, this.contexts.store(remote, batch),
						(association) -> StoreScu.storeAll(association, batch, Priority.MEDIUM)));
	}

	@Override
	public Stream<DataSet> find(String remote, Query query) {
		Objects.requireNonNull(query, "query");
		RemoteAe remoteAe = getRemote(remote);
		DataSet identifier = query.toIdentifier();
		Association association = this.associations.open(remoteAe, this.contexts.find(remote, query.model()),
				this.timeouts, null);
		FindResults results;
		try {
			results = FindScu.find(association, query.model(), identifier, Priority.MEDIUM)
				.setCancelGrace(this.cancelGrace);
		}
		catch (DicomNetworkException ex) {
			throw this.associations.fail(remoteAe, association, ex);
		}
		catch (RuntimeException | Error ex) {
			association.abort();
			throw ex;
		}
		FindMatches matches = new FindMatches(this.associations, remoteAe, association, results);
		return StreamSupport.stream(matches, false).onClose(matches::close);
	}

	@Override
	public List<DataSet> findAll(String remote, Query query, int maxResults) {
		Objects.requireNonNull(query, "query");
		if (maxResults < 0) {
			throw new IllegalArgumentException("maxResults must not be negative, got " + maxResults);
		}
		RemoteAe remoteAe = getRemote(remote);
		DataSet identifier = query.toIdentifier();
		return execute(remoteAe, this.contexts.find(remote, query.model()), (association) -> {
			try (FindResults results = FindScu.find(association, query.model(), identifier, Priority.MEDIUM,
					maxResults)) {
				return results.setCancelGrace(this.cancelGrace).toList(this.maxFindResults);
			}
		});
	}

	@Override
	public RetrieveResult move(String remote, Query query, String destination, Consumer<RetrieveProgress> progress,
			BooleanSupplier cancelRequested) {
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(cancelRequested, "cancelRequested");
		String destinationAeTitle = AeTitle.check("move destination", destination);
		RemoteAe remoteAe = getRemote(remote);
		DataSet identifier = query.toIdentifier();
		Consumer<RetrieveProgress> listener = (progress != null) ? progress : NO_PROGRESS;
		return execute(remoteAe, this.contexts.move(remote, query.model()),
				(association) -> MoveScu.move(association, query.model(), identifier, destinationAeTitle,
						Priority.MEDIUM, listener, cancelRequested, this.cancelGrace));
	}

	@Override
	public RetrieveResult get(String remote, Query query, StoreReceiver receiver, Consumer<RetrieveProgress> progress,
			BooleanSupplier cancelRequested) {
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(cancelRequested, "cancelRequested");
		Objects.requireNonNull(receiver, "receiver");
		RemoteAe remoteAe = getRemote(remote);
		DataSet identifier = query.toIdentifier();
		Consumer<RetrieveProgress> listener = (progress != null) ? progress : NO_PROGRESS;
		return execute(remoteAe, this.contexts.get(remote, query.model()), (association) -> GetScu.get(association,
				query.model(), identifier, Priority.MEDIUM, receiver, listener, cancelRequested, this.cancelGrace));
	}

	/**
	 * Return the contexts proposed to a remote by {@link #echo(String)} and
	 * {@link #execute(String, AssociationCallback)}: its own if configured, else the
	 * global ones.
	 * @param remote the remote's name
	 * @return the contexts, in the order proposed
	 * @throws UnknownRemoteException if no remote has that name
	 */
	public List<PresentationContext> getRequestedContexts(String remote) {
		getRemote(remote);
		return this.contexts.requested(remote);
	}

	/**
	 * Return the configured remotes by name, in configuration order.
	 * @return an unmodifiable map of the remotes
	 */
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
	 * Return the largest data set collected in memory from a remote, such as a C-FIND
	 * match; a larger one aborts the association with a {@link DataSetTooLargeException}.
	 * @return the limit in bytes
	 */
	public long getMaxDataSetInMemory() {
		return this.maxDataSetInMemory;
	}

	/**
	 * Return the timers every association runs with unless a call gives others.
	 * @return the timeouts
	 */
	public AssociationTimeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Return how long a remote has, after a C-CANCEL-RQ of a C-FIND, C-MOVE or C-GET, to
	 * send its final response before the association is aborted.
	 * @return the grace period
	 */
	public Duration getCancelGrace() {
		return this.cancelGrace;
	}

	/**
	 * Return the most matches {@code findAll} collects in memory; a remote that returns
	 * more gets a C-CANCEL-RQ and the caller a {@link TooManyMatchesException}.
	 * @return the maximum
	 */
	public int getMaxFindResults() {
		return this.maxFindResults;
	}

	/**
	 * Return the local address associations are opened from.
	 * @return the bind address, or {@code null} to let the system choose
	 */
	public BindAddress getBindAddress() {
		return this.bindAddress;
	}

	/**
	 * Return the TLS settings the next association with a remote would use.
	 * @param remote the remote's name
	 * @return the settings, or {@code null} for plain TCP
	 */
	public TlsSettings getTls(String remote) {
		return this.associations.tls(remote);
	}

	/**
	 * Return the contexts proposed to remotes that have none of their own.
	 * @return the contexts, in the order proposed
	 */
	public List<PresentationContext> getRequestedContexts() {
		return this.contexts.global();
	}

	/**
	 * Return the transfer syntaxes of the FIND, MOVE and GET contexts the template
	 * proposes on its own.
	 * @return the transfer syntax UIDs, in order of preference
	 */
	public List<String> getTransferSyntaxes() {
		return this.contexts.transferSyntaxes();
	}

	/**
	 * Return the contexts a C-GET proposes, after the GET context, for the storage SOP
	 * classes it receives: one per SOP class, each with the SCP role.
	 * @return the contexts, in the order proposed
	 */
	public List<PresentationContext> getRetrieveStorageContexts() {
		return this.contexts.retrieveStorage();
	}

	/**
	 * Return the strategy that translates engine failures into
	 * {@link DicomAccessException}s.
	 * @return the exception translator
	 */
	public DicomExceptionTranslator getExceptionTranslator() {
		return this.exceptionTranslator;
	}

	private EchoResult echo(RemoteAe remote, List<PresentationContext> contexts, Duration overallTimeout) {
		long start = System.nanoTime();
		Echo echo = execute(remote, contexts, overallTimeout, (association) -> new Echo(association.echo(),
				association.getPeerImplementationClassUid(), association.getPeerImplementationVersionName()));
		Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
		return new EchoResult(remote, echo.status(), Status.meaningOf(echo.status()), roundTrip,
				echo.implementationClassUid(), echo.implementationVersionName());
	}

	/**
	 * Open an association, run the callback on it and end it: released if it is still
	 * established, aborted otherwise (the engine aborts an association that a failure
	 * broke). A RuntimeException or Error of the callback aborts the association and is
	 * rethrown as it is; an engine failure is rethrown translated.
	 */
	private <T> T execute(RemoteAe remote, List<PresentationContext> contexts, AssociationCallback<T> callback) {
		return execute(remote, contexts, null, callback);
	}

	/**
	 * Run a callback as {@link #execute(RemoteAe, List, AssociationCallback)} does,
	 * within an overall timeout for the whole association, from the connect to the end of
	 * the release, or {@code null} for none.
	 */
	private <T> T execute(RemoteAe remote, List<PresentationContext> contexts, Duration overallTimeout,
			AssociationCallback<T> callback) {
		Objects.requireNonNull(callback, "callback");
		Association association = this.associations.open(remote, contexts, this.timeouts, overallTimeout);
		T result;
		try {
			result = callback.doInAssociation(association);
		}
		catch (DicomNetworkException ex) {
			throw this.associations.fail(remote, association, ex);
		}
		catch (RuntimeException | Error ex) {
			association.abort();
			throw ex;
		}
		this.associations.end(remote, association);
		return result;
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
	 * What a C-ECHO returns from inside the association.
	 */
	private record Echo(int status, String implementationClassUid, String implementationVersionName) {
	}

	/**
	 * Mutable builder for {@link AeTemplate}, also what an {@link AeTemplateCustomizer}
	 * receives. The requested contexts are {@link RequestedContexts}: add them one by one
	 * (like pynetdicom's {@code add_requested_context}) or replace them all (like
	 * assigning {@code requested_contexts}); a change that would exceed 128 contexts
	 * throws {@link io.github.dicomscu.net.context.TooManyPresentationContextsException}.
	 * Not thread-safe.
	 */
	public static final class Builder {

		private String aeTitle = AssociationRequest.DEFAULT_CALLING_AE_TITLE;

		private long maxPduLength = AssociationRequest.DEFAULT_MAX_PDU_LENGTH;

		private long maxDataSetInMemory = MaxDataSetInMemory.DEFAULT;

		private AssociationTimeouts timeouts = AssociationTimeouts.defaults();

		private Duration cancelGrace = AssociationTimeouts.DEFAULT_CANCEL_GRACE;

		private int maxFindResults = DEFAULT_MAX_FIND_RESULTS;

		private BindAddress bindAddress;

		private DicomExceptionTranslator exceptionTranslator = new DefaultDicomExceptionTranslator();

		private final RequestedContexts requestedContexts = new RequestedContexts();

		private final Map<String, RemoteAe> remotes = new LinkedHashMap<>();

		private final Map<String, RequestedContexts> remoteContexts = new LinkedHashMap<>();

		private final Map<String, Supplier<TlsSettings>> remoteTls = new LinkedHashMap<>();

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
		 * Set the largest data set collected in memory from a remote (default 64 MiB).
		 * @param maxDataSetInMemory the limit in bytes
		 * @return this builder
		 * @throws IllegalArgumentException if {@link MaxDataSetInMemory#check(long)}
		 * rejects it
		 */
		public Builder maxDataSetInMemory(long maxDataSetInMemory) {
			this.maxDataSetInMemory = MaxDataSetInMemory.check(maxDataSetInMemory);
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
		 * Set how long a remote has, after a C-CANCEL-RQ of a C-FIND, C-MOVE or C-GET, to
		 * send its final response (default
		 * {@link AssociationTimeouts#DEFAULT_CANCEL_GRACE}); a remote that still sends
		 * pending responses after it gets an A-ABORT.
		 * @param cancelGrace the grace period
		 * @return this builder
		 * @throws IllegalArgumentException if {@link AssociationTimeouts#check} rejects
		 * it
		 */
		public Builder cancelGrace(Duration cancelGrace) {
			this.cancelGrace = AssociationTimeouts.check("cancel grace", cancelGrace);
			return this;
		}

		/**
		 * Set the most matches {@code findAll} collects in memory (default
		 * {@value AeTemplate#DEFAULT_MAX_FIND_RESULTS}); a remote that returns more gets
		 * a C-CANCEL-RQ and the caller a {@link TooManyMatchesException}.
		 * @param maxFindResults the maximum, positive
		 * @return this builder
		 * @throws IllegalArgumentException if it is not positive
		 */
		public Builder maxFindResults(int maxFindResults) {
			if (maxFindResults <= 0) {
				throw new IllegalArgumentException("maxFindResults must be positive, got " + maxFindResults);
			}
			this.maxFindResults = maxFindResults;
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
		 * Set the strategy that translates engine failures into
		 * {@link DicomAccessException}s (by default a
		 * {@link DefaultDicomExceptionTranslator}).
		 * @param exceptionTranslator the exception translator
		 * @return this builder
		 */
		public Builder exceptionTranslator(DicomExceptionTranslator exceptionTranslator) {
			this.exceptionTranslator = Objects.requireNonNull(exceptionTranslator, "exceptionTranslator");
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
		 * Return the contexts proposed to every remote that has none of its own, to
		 * change in place.
		 * @return the requested contexts
		 */
		public RequestedContexts requestedContexts() {
			return this.requestedContexts;
		}

		/**
		 * Return the contexts proposed to one remote instead of the global ones, to
		 * change in place; the first call gives the remote its own, empty, list.
		 * @param remote the remote's name
		 * @return the remote's requested contexts
		 * @throws IllegalArgumentException if no remote has that name
		 */
		public RequestedContexts requestedContexts(String remote) {
			requireRemote(remote);
			return this.remoteContexts.computeIfAbsent(remote, (name) -> new RequestedContexts());
		}

		private void requireRemote(String remote) {
			if (!this.remotes.containsKey(remote)) {
				throw new IllegalArgumentException(
						"No remote named '" + remote + "'; known remotes: " + String.join(", ", this.remotes.keySet()));
			}
		}

		/**
		 * Secure the associations with one remote with TLS. The supplier is asked for the
		 * settings at every association, so that new key material or trust (a reloaded
		 * certificate) applies to the next association.
		 * @param remote the remote's name
		 * @param tls supplies the TLS settings, or {@code null} for plain TCP (the
		 * default)
		 * @return this builder
		 * @throws IllegalArgumentException if no remote has that name
		 */
		public Builder tls(String remote, Supplier<TlsSettings> tls) {
			requireRemote(remote);
			if (tls != null) {
				this.remoteTls.put(remote, tls);
			}
			else {
				this.remoteTls.remove(remote);
			}
			return this;
		}

		/**
		 * Set the transfer syntaxes of the FIND, MOVE and GET contexts the template
		 * proposes on its own (by default
		 * {@link PresentationContext#DEFAULT_TRANSFER_SYNTAXES}).
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
		 * Set the contexts a C-GET proposes after the GET context, one per storage SOP
		 * class it is to receive (by default
		 * {@link AeTemplate#DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES} with
		 * {@link PresentationContext#DEFAULT_TRANSFER_SYNTAXES}). Each is proposed with
		 * the SCP role and without the SCU role, whatever roles it names.
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
