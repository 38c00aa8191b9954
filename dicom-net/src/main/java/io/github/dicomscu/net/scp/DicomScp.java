package io.github.dicomscu.net.scp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.association.UserIdentityVerifier;
import io.github.dicomscu.net.association.AccessPolicy;
import io.github.dicomscu.net.association.AcceptorSettings;
import io.github.dicomscu.net.pdu.AeTitle;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.DataSetSink;
import io.github.dicomscu.net.association.DataSetTooLargeException;
import io.github.dicomscu.net.association.MaxDataSetInMemory;
import io.github.dicomscu.net.association.MaxPduLength;
import io.github.dicomscu.net.association.Port;
import io.github.dicomscu.net.association.TlsHandshake;
import io.github.dicomscu.net.association.TlsSettings;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.Status;

/**
 * A small DICOM acceptor (SCP): listens on a port, negotiates associations against the
 * abstract and transfer syntaxes it was configured with (rejecting the others with the
 * per-context reason of PS3.8), answers C-ECHO, and dispatches other requests to
 * {@link RequestHandler}s. Its capacity is bounded: at most
 * {@link Builder#maxPendingConnections(int)} connections await their A-ASSOCIATE-RQ (each
 * until ARTIM expires; a connection beyond them is closed at once), and at most
 * {@link Builder#maxAssociations(int)} associations, and
 * {@link Builder#maxAssociationsPerCallingAeTitle(int)} from one calling AE title, are
 * served at once (more are rejected transiently with local-limit-exceeded). Each
 * connection runs on a thread of a pool of that many threads; {@link #stop()} aborts them
 * and returns once every thread and socket is gone. With {@link Builder#tls(Supplier)}
 * every connection is secured with TLS first, on its own thread, its handshake bounded by
 * the ARTIM timeout.
 */
public final class DicomScp implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DicomScp.class);

	private static final AtomicInteger instances = new AtomicInteger();

	private final String aeTitle;

	private final InetAddress bindAddress;

	private final int requestedPort;

	private final AcceptorSettings settings;

	private final int maxPendingConnections;

	private final AssociationSlots slots;

	private final Map<CommandField, RequestHandler> handlers;

	private final Supplier<TlsSettings> tls;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final Set<Association> associations = ConcurrentHashMap.newKeySet();

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger pending = new AtomicInteger();

	private final String name;

	private volatile ServerSocket serverSocket;

	private Thread acceptorThread;

	private ExecutorService executor;

	private DicomScp(Builder builder) {
		this.aeTitle = builder.aeTitle;
		this.bindAddress = builder.bindAddress;
		this.requestedPort = builder.port;
		this.settings = new AcceptorSettings(builder.aeTitle, builder.syntaxes, builder.maxPduLength,
				builder.maxDataSetInMemory, builder.timeouts,
				new AccessPolicy(builder.allowedCallingAeTitles, builder.userIdentityVerifier));
		this.maxPendingConnections = builder.maxPendingConnections;
		this.slots = new AssociationSlots(builder.maxAssociations, builder.maxAssociationsPerCallingAeTitle);
		this.handlers = new EnumMap<>(builder.handlers);
		this.tls = builder.tls;
		this.name = "dicom-scp-" + instances.incrementAndGet();
	}

	/**
	 * Start building an acceptor. By default it listens on 127.0.0.1, an ephemeral port,
	 * accepts any called AE title and Verification with the default transfer syntaxes.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Bind the port and start accepting associations.
	 * @return this acceptor
	 * @throws IOException if the port cannot be bound
	 */
	public synchronized DicomScp start() throws IOException {
		if (this.serverSocket != null) {
			throw new IllegalStateException("Already started on port " + getPort());
		}
		// a server socket channel's socket: accepted connections have channels, which
		// P-DATA-TF PDUs are written to
		ServerSocket server = ServerSocketChannel.open().socket();
		server.setReuseAddress(true);
		try {
			server.bind(new InetSocketAddress(this.bindAddress, this.requestedPort), 50);
		}
		catch (IOException ex) {
			server.close();
			throw ex;
		}
		this.serverSocket = server;
		AtomicInteger threads = new AtomicInteger();
		// a connection holds a thread while it awaits its A-ASSOCIATE-RQ (as one of the
		// pending connections) and then while it is an association: never more threads;
		// idle threads are reused and end after 30 s
		int poolSize = this.maxPendingConnections + this.slots.maxAssociations();
		this.executor = new ThreadPoolExecutor(0, poolSize, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, this.name + "-association-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.acceptorThread = new Thread(this::acceptLoop, this.name + "-acceptor");
		this.acceptorThread.setDaemon(true);
		this.acceptorThread.start();
		logger.info("DICOM SCP {} listening on {}:{}{}", (this.aeTitle != null) ? this.aeTitle : "(any AE title)",
				this.bindAddress.getHostAddress(), getPort(), (this.tls != null) ? " (TLS)" : "");
		return this;
	}

	/**
	 * Return the port listened on, the ephemeral one chosen if 0 was configured.
	 * @return the port
	 * @throws IllegalStateException if not started
	 */
	public int getPort() {
		ServerSocket server = this.serverSocket;
		if (server == null) {
			throw new IllegalStateException("The SCP is not started");
		}
		return server.getLocalPort();
	}

	/**
	 * Return the AE title that requestors must call, or {@code null} if any is accepted.
	 * @return the AE title
	 */
	public String getAeTitle() {
		return this.aeTitle;
	}

	/**
	 * Return the largest data set collected in memory from a requestor.
	 * @return the limit in bytes
	 */
	public long getMaxDataSetInMemory() {
		return this.settings.maxDataSetInMemory();
	}

	/**
	 * Return the maximum number of associations served at once.
	 * @return the limit
	 */
	public int getMaxAssociations() {
		return this.slots.maxAssociations();
	}

	/**
	 * Return the maximum number of associations served at once for one calling AE title.
	 * @return the limit
	 */
	public int getMaxAssociationsPerCallingAeTitle() {
		return this.slots.maxPerCallingAeTitle();
	}

	/**
	 * Return the maximum number of connections awaiting their A-ASSOCIATE-RQ at once.
	 * @return the limit
	 */
	public int getMaxPendingConnections() {
		return this.maxPendingConnections;
	}

	/**
	 * Return whether connections are secured with TLS.
	 * @return whether TLS is used
	 */
	public boolean isTls() {
		return this.tls != null;
	}

	/**
	 * Return the number of connections being served.
	 * @return the count
	 */
	public int getActiveConnectionCount() {
		return this.active.get();
	}

	/**
	 * Return whether the acceptor is listening.
	 * @return whether running
	 */
	public boolean isRunning() {
		ServerSocket server = this.serverSocket;
		return server != null && !server.isClosed();
	}

	/**
	 * The name of this SCP, the prefix of its threads' names.
	 * @return the name, unique in this JVM
	 */
	String name() {
		return this.name;
	}

	/**
	 * Stop listening, abort every association and wait for their threads to end.
	 */
	public synchronized void stop() {
		ServerSocket server = this.serverSocket;
		if (server == null || server.isClosed()) {
			return;
		}
		try {
			server.close();
		}
		catch (IOException ex) {
			logger.debug("Closing the server socket failed: {}", PrintableText.ofMessage(ex.getMessage()));
		}
		this.associations.forEach(Association::abort);
		this.connections.forEach(DicomScp::closeQuietly);
		this.executor.shutdownNow();
		try {
			this.acceptorThread.join(5000);
			if (!this.executor.awaitTermination(5, TimeUnit.SECONDS)) {
				logger.warn("DICOM SCP {} threads did not end within 5 s", this.name);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		logger.info("DICOM SCP on port {} stopped", server.getLocalPort());
	}

	@Override
	public void close() {
		stop();
	}

	private void acceptLoop() {
		ServerSocket server = this.serverSocket;
		while (!server.isClosed()) {
			Socket socket;
			try {
				socket = server.accept();
			}
			catch (IOException ex) {
				if (!server.isClosed()) {
					logger.warn("Accepting a connection failed: {}", PrintableText.ofMessage(ex.getMessage()));
				}
				continue;
			}
			if (this.pending.incrementAndGet() > this.maxPendingConnections) {
				this.pending.decrementAndGet();
				logger.debug("Closed the connection from {}: {} connections already await their A-ASSOCIATE-RQ",
						socket.getRemoteSocketAddress(), this.maxPendingConnections);
				closeQuietly(socket);
				continue;
			}
			this.connections.add(socket);
			this.active.incrementAndGet();
			try {
				this.executor.execute(() -> serve(socket));
			}
			catch (RejectedExecutionException ex) {
				this.pending.decrementAndGet();
				this.active.decrementAndGet();
				this.connections.remove(socket);
				closeQuietly(socket);
			}
		}
	}

	private void serve(Socket socket) {
		Association association = null;
		String[] admitted = new String[1];
		try {
			try {
				Socket connection = (this.tls != null)
						? TlsHandshake.accept(socket, this.tls.get(), this.settings.timeouts().artim()) : socket;
				association = Association.accept(connection, this.settings, (callingAeTitle) -> {
					boolean acquired = this.slots.acquire(callingAeTitle);
					admitted[0] = acquired ? callingAeTitle : null;
					return acquired;
				});
			}
			finally {
				this.pending.decrementAndGet();
			}
			if (association == null) {
				return;
			}
			this.associations.add(association);
			if (!isRunning()) {
				association.abort();
				return;
			}
			serveRequests(association);
		}
		catch (DataSetTooLargeException ex) {
			logger.warn("Aborted the association from {}: {}", socket.getRemoteSocketAddress(),
					PrintableText.ofMessage(ex.getMessage()));
		}
		catch (DicomNetworkException ex) {
			logger.warn("Association from {} ended: {}", socket.getRemoteSocketAddress(),
					PrintableText.ofMessage(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			logger.error("Association from {} failed", socket.getRemoteSocketAddress(), ex);
			if (association != null) {
				association.abort();
			}
		}
		finally {
			if (association != null) {
				this.associations.remove(association);
			}
			if (admitted[0] != null) {
				this.slots.release(admitted[0]);
			}
			closeQuietly(socket);
			this.connections.remove(socket);
			this.active.decrementAndGet();
		}
	}

	private void serveRequests(Association association) throws DicomNetworkException {
		while (true) {
			DataSetSink[] sink = new DataSetSink[1];
			try {
				DimseMessage request = association.receive(TimeoutKind.IDLE, association.getTimeouts().idle(),
						"no request", (command) -> sink[0] = dataSetSink(association, command));
				if (request == null) {
					logger.debug("{} released", PrintableText.of(association));
					return;
				}
				dispatch(association, request, sink[0]);
			}
			finally {
				closeQuietly(sink[0]);
			}
		}
	}

	private DataSetSink dataSetSink(Association association, Command command) {
		RequestHandler handler = this.handlers.get(command.commandField());
		return (handler != null) ? handler.dataSetSink(association, command) : null;
	}

	private void dispatch(Association association, DimseMessage request, DataSetSink sink)
			throws DicomNetworkException {
		CommandField field = request.command().commandField();
		RequestHandler handler = this.handlers.get(field);
		if (handler != null) {
			handler.handle(association, request, sink);
		}
		else if (field == CommandField.C_ECHO_RQ) {
			association.send(request.contextId(), Command.echoRsp(request.command().messageId(), Status.SUCCESS));
		}
		else {
			refuse(association, request);
		}
	}

	private static void refuse(Association association, DimseMessage request) throws DicomNetworkException {
		Command command = request.command();
		CommandField field = command.commandField();
		if (field.isResponse() || field == CommandField.C_CANCEL_RQ) {
			logger.debug("Ignoring {} from {}: no handler", field.text(), PrintableText.of(association.getPeer()));
			return;
		}
		Command response = new Command().putUS(CommandTag.COMMAND_FIELD, field.code() | 0x8000)
			.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, command.messageId())
			.putUS(CommandTag.COMMAND_DATA_SET_TYPE, Command.NO_DATA_SET)
			.putUS(CommandTag.STATUS, Status.UNRECOGNIZED_OPERATION);
		String sopClass = command.affectedSopClassUid();
		if (sopClass != null) {
			response.putUid(CommandTag.AFFECTED_SOP_CLASS_UID, sopClass);
		}
		association.send(request.contextId(), response);
	}

	private static void closeQuietly(DataSetSink sink) {
		if (sink instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.warn("Closing the data set sink {} failed: {}", sink, PrintableText.ofMessage(ex.getMessage()));
			}
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// the socket is unusable either way
		}
	}

	/**
	 * Builder for {@link DicomScp}.
	 */
	public static final class Builder {

		private String aeTitle;

		private InetAddress bindAddress = InetAddress.getLoopbackAddress();

		private int port;

		private final Map<String, List<String>> syntaxes = new LinkedHashMap<>();

		private long maxPduLength = AssociationRequest.DEFAULT_MAX_PDU_LENGTH;

		private long maxDataSetInMemory = MaxDataSetInMemory.DEFAULT;

		private AssociationTimeouts timeouts = AssociationTimeouts.defaults();

		private int maxAssociations = ScpCapacity.DEFAULT_MAX_ASSOCIATIONS;

		private int maxAssociationsPerCallingAeTitle = ScpCapacity.DEFAULT_MAX_ASSOCIATIONS_PER_CALLING_AE_TITLE;

		private int maxPendingConnections = ScpCapacity.DEFAULT_MAX_PENDING_CONNECTIONS;

		private final Map<CommandField, RequestHandler> handlers = new EnumMap<>(CommandField.class);

		private Set<String> allowedCallingAeTitles = Set.of();

		private UserIdentityVerifier userIdentityVerifier = UserIdentityVerifier.acceptAll();

		private Supplier<TlsSettings> tls;

		private Builder() {
			this.syntaxes.put(Uid.VERIFICATION, PresentationContext.DEFAULT_TRANSFER_SYNTAXES);
		}

		/**
		 * Set the AE title requestors must call; others are rejected with
		 * called-AE-title-not-recognized. {@code null} (the default) accepts any.
		 * @param aeTitle the AE title
		 * @return this builder
		 */
		public Builder aeTitle(String aeTitle) {
			this.aeTitle = (aeTitle != null) ? AeTitle.check("SCP AE title", aeTitle) : null;
			return this;
		}

		/**
		 * Set the calling AE titles allowed to associate; others are rejected with
		 * calling-AE-title-not-recognized. Empty (the default) allows any.
		 * @param allowedCallingAeTitles the AE titles
		 * @return this builder
		 * @throws IllegalArgumentException if one is not a valid AE title
		 */
		public Builder allowedCallingAeTitles(Collection<String> allowedCallingAeTitles) {
			this.allowedCallingAeTitles = new AccessPolicy(Set.copyOf(allowedCallingAeTitles),
					this.userIdentityVerifier)
				.allowedCallingAeTitles();
			return this;
		}

		/**
		 * Set the verifier that accepts or refuses the user identity of each request
		 * (default: {@link UserIdentityVerifier#acceptAll()}).
		 * @param userIdentityVerifier the verifier
		 * @return this builder
		 */
		public Builder userIdentityVerifier(UserIdentityVerifier userIdentityVerifier) {
			this.userIdentityVerifier = Objects.requireNonNull(userIdentityVerifier, "userIdentityVerifier");
			return this;
		}

		/**
		 * Set the local address to listen on (default: the loopback address).
		 * @param bindAddress the address
		 * @return this builder
		 */
		public Builder bindAddress(InetAddress bindAddress) {
			this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
			return this;
		}

		/**
		 * Set the port to listen on, 0 (the default) for an ephemeral one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = Port.checkLocal("SCP", port);
			return this;
		}

		/**
		 * Accept an abstract syntax (keyword or UID) with the given transfer syntaxes
		 * (the four defaults if none are given). Replaces earlier settings for the same
		 * abstract syntax.
		 * @param abstractSyntax the abstract syntax
		 * @param transferSyntaxes the transfer syntaxes
		 * @return this builder
		 */
		public Builder accept(String abstractSyntax, String... transferSyntaxes) {
			PresentationContext context = (transferSyntaxes.length == 0) ? PresentationContext.of(abstractSyntax)
					: PresentationContext.of(abstractSyntax, transferSyntaxes);
			return accept(context);
		}

		/**
		 * Accept a context's abstract syntax with its transfer syntaxes.
		 * @param context the context
		 * @return this builder
		 */
		public Builder accept(PresentationContext context) {
			this.syntaxes.put(context.abstractSyntax(), context.transferSyntaxes());
			return this;
		}

		/**
		 * Accept every abstract syntax of a prebuilt set with the given transfer syntaxes
		 * (the four defaults if none are given).
		 * @param set the set
		 * @param transferSyntaxes the transfer syntaxes
		 * @return this builder
		 */
		public Builder accept(ContextSet set, String... transferSyntaxes) {
			for (String abstractSyntax : set.abstractSyntaxes()) {
				accept(abstractSyntax, transferSyntaxes);
			}
			return this;
		}

		/**
		 * Stop accepting an abstract syntax, Verification included.
		 * @param abstractSyntax the abstract syntax keyword or UID
		 * @return this builder
		 */
		public Builder refuse(String abstractSyntax) {
			this.syntaxes.remove(PresentationContext.of(abstractSyntax).abstractSyntax());
			return this;
		}

		/**
		 * Set the maximum P-DATA-TF PDU length received, 0 for no limit.
		 * @param maxPduLength the length
		 * @return this builder
		 * @throws IllegalArgumentException if {@link MaxPduLength#check(long)} rejects it
		 */
		public Builder maxPduLength(long maxPduLength) {
			this.maxPduLength = MaxPduLength.check(maxPduLength);
			return this;
		}

		/**
		 * Set the largest data set collected in memory from a requestor (one that no
		 * handler streams to a {@link DataSetSink}); a larger one aborts the association
		 * with one WARN line.
		 * @param maxDataSetInMemory the limit in bytes
		 * @return this builder
		 * @throws IllegalArgumentException if {@link MaxDataSetInMemory#check(long)}
		 * rejects it
		 */
		public Builder maxDataSetInMemory(long maxDataSetInMemory) {
			this.maxDataSetInMemory = MaxDataSetInMemory.check(maxDataSetInMemory);
			return this;
		}

		public Builder timeouts(AssociationTimeouts timeouts) {
			this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
			return this;
		}

		/**
		 * Set how many associations may run at once (default
		 * {@value ScpCapacity#DEFAULT_MAX_ASSOCIATIONS}); more are rejected transiently
		 * with local-limit-exceeded.
		 * @param maxAssociations the limit
		 * @return this builder
		 * @throws IllegalArgumentException if
		 * {@link ScpCapacity#checkMaxAssociations(int)} rejects it
		 */
		public Builder maxAssociations(int maxAssociations) {
			this.maxAssociations = ScpCapacity.checkMaxAssociations(maxAssociations);
			return this;
		}

		/**
		 * Set how many associations from one calling AE title may run at once (default
		 * {@value ScpCapacity#DEFAULT_MAX_ASSOCIATIONS_PER_CALLING_AE_TITLE}); more are
		 * rejected transiently with local-limit-exceeded.
		 * @param maxAssociations the limit
		 * @return this builder
		 * @throws IllegalArgumentException if
		 * {@link ScpCapacity#checkMaxAssociationsPerCallingAeTitle(int)} rejects it
		 */
		public Builder maxAssociationsPerCallingAeTitle(int maxAssociations) {
			this.maxAssociationsPerCallingAeTitle = ScpCapacity.checkMaxAssociationsPerCallingAeTitle(maxAssociations);
			return this;
		}

		/**
		 * Set how many connections may await their A-ASSOCIATE-RQ at once (default
		 * {@value ScpCapacity#DEFAULT_MAX_PENDING_CONNECTIONS}); each is closed when
		 * ARTIM expires, and a connection beyond them is closed at once.
		 * @param maxPendingConnections the limit
		 * @return this builder
		 * @throws IllegalArgumentException if
		 * {@link ScpCapacity#checkMaxPendingConnections(int)} rejects it
		 */
		public Builder maxPendingConnections(int maxPendingConnections) {
			this.maxPendingConnections = ScpCapacity.checkMaxPendingConnections(maxPendingConnections);
			return this;
		}

		/**
		 * Serve a kind of request with a handler (C-ECHO is answered with success unless
		 * a handler is set for it).
		 * @param field the request command field
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder handler(CommandField field, RequestHandler handler) {
			if (field.isResponse()) {
				throw new IllegalArgumentException(field.text() + " is a response, not a request");
			}
			this.handlers.put(field, Objects.requireNonNull(handler, "handler"));
			return this;
		}

		/**
		 * Secure every connection with TLS.
		 * @param tls the TLS settings, or {@code null} for plain TCP (the default)
		 * @return this builder
		 */
		public Builder tls(TlsSettings tls) {
			return tls((tls != null) ? () -> tls : null);
		}

		/**
		 * Secure every connection with TLS, with the settings the supplier gives when the
		 * connection is accepted (so that new key material applies to new connections).
		 * @param tls supplies the TLS settings, or {@code null} for plain TCP (the
		 * default)
		 * @return this builder
		 */
		public Builder tls(Supplier<TlsSettings> tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Build the acceptor; call {@link DicomScp#start()} to listen.
		 * @return the acceptor
		 */
		public DicomScp build() {
			return new DicomScp(this);
		}

	}

}
