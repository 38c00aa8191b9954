package io.github.dicomscu.net.association;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.RequestedContexts;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.MessageIdSequence;
import io.github.dicomscu.net.pdu.Abort;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRj;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.Pdu;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PduType;
import io.github.dicomscu.net.pdu.PresentationDataValueHandler;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.PresentationContextRq;
import io.github.dicomscu.net.pdu.ReleaseRp;
import io.github.dicomscu.net.pdu.ReleaseRq;
import io.github.dicomscu.net.pdu.RoleSelection;
import io.github.dicomscu.net.pdu.UserInformation;

/**
 * A DICOM association over one TCP connection, driven by the PS3.8 protocol machine. An
 * association is opened as requestor with {@link #request(AssociationRequest)} or as acceptor
 * with {@link #accept(Socket, AcceptorSettings, boolean)}; once established it exchanges DIMSE
 * messages and ends by {@link #release()} or {@link #abort()}.
 * <p>
 * An association is meant for one thread at a time; {@link #abort()} may be called from any
 * thread and ends a blocked read or write. The connection is a socket channel, so
 * interrupting a thread blocked in its I/O also closes the connection (without an A-ABORT). Every wait is bounded by one of the timers in
 * {@link AssociationTimeouts}; every failure ends the connection and is reported as a
 * {@link DicomNetworkException} subclass.
 */
public final class Association implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(Association.class);

	/** PDV header bytes inside a P-DATA-TF variable field: item length, context id, control header. */
	private static final int PDV_OVERHEAD = 6;

	/** Fragment size used when the peer announces no maximum length. */
	private static final int UNLIMITED_FRAGMENT_SIZE = 1024 * 1024;

	/** Largest command set accepted, in bytes. */
	private static final int MAXIMUM_COMMAND_LENGTH = 64 * 1024;

	private final PduChannel channel;

	private final boolean requestor;

	private final String peer;

	private final String localAeTitle;

	private final String peerAeTitle;

	private final AssociationTimeouts timeouts;

	private final List<NegotiatedContext> contexts;

	private final Map<Integer, NegotiatedContext> contextsById;

	private final UserInformation peerUserInformation;

	private final long peerMaxPduLength;

	private final MessageIdSequence messageIds = new MessageIdSequence();

	private final ReentrantLock writeLock = new ReentrantLock();

	private PDataOutputStream pDataOutputStream;

	private volatile AssociationState state;

	private Association(PduChannel channel, boolean requestor, String peer, String localAeTitle, String peerAeTitle,
			AssociationTimeouts timeouts, List<NegotiatedContext> contexts, UserInformation peerUserInformation) {
		this.channel = channel;
		this.requestor = requestor;
		this.peer = peer;
		this.localAeTitle = localAeTitle;
		this.peerAeTitle = peerAeTitle;
		this.timeouts = timeouts;
		this.contexts = List.copyOf(contexts);
		Map<Integer, NegotiatedContext> byId = new LinkedHashMap<>();
		contexts.forEach((context) -> byId.put(context.id(), context));
		this.contextsById = Collections.unmodifiableMap(byId);
		this.peerUserInformation = peerUserInformation;
		this.peerMaxPduLength = Math.max(0, peerUserInformation.maximumLength());
		this.state = AssociationState.STA6;
	}

	/**
	 * Connect to a peer and negotiate an association (PS3.8 Sta1 → Sta4 → Sta5 → Sta6).
	 * @param request what to request
	 * @return the established association
	 * @throws DicomConnectException if the connection or the local bind fails
	 * @throws DicomTimeoutException if the connect or ACSE timeout expires
	 * @throws AssociationRejectedException if the peer rejects the association
	 * @throws AssociationAbortedException if the peer aborts during negotiation
	 * @throws DicomProtocolException if the peer violates the protocol
	 * @throws AssociationClosedException if the peer closes the connection without answering
	 */
	public static Association request(AssociationRequest request) throws DicomNetworkException {
		String peer = request.describePeer();
		Socket socket = connect(request);
		PduChannel channel;
		try {
			channel = new PduChannel(socket, request.getMaxPduLength(), request.getTimeouts().dimse());
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new DicomConnectException("Cannot use the connection to " + peer + ": " + ex.getMessage(),
					request.getHost(), request.getPort(), ex);
		}
		AssociateRq associateRq = toAssociateRq(request);
		try {
			channel.write(associateRq);
			Pdu answer = channel.read(TimeoutKind.ACSE, request.getTimeouts().acse(),
					"no A-ASSOCIATE-AC or A-ASSOCIATE-RJ from " + peer);
			if (answer instanceof AssociateAc accept) {
				List<NegotiatedContext> negotiated = negotiated(associateRq, request.getContexts(), accept);
				Association association = new Association(channel, true, peer, request.getCallingAeTitle(),
						request.getCalledAeTitle(), request.getTimeouts(), negotiated, accept.userInformation());
				association.logNegotiation();
				return association;
			}
			if (answer instanceof AssociateRj reject) {
				channel.close();
				throw new AssociationRejectedException(peer, reject);
			}
			if (answer instanceof Abort abort) {
				channel.close();
				throw new AssociationAbortedException(peer, abort.source(), abort.reason());
			}
			if (answer == null) {
				channel.close();
				throw new AssociationClosedException(
						peer + " closed the connection without answering the A-ASSOCIATE-RQ");
			}
			throw unexpected(answer, AssociationState.STA5, peer);
		}
		catch (DicomProtocolException ex) {
			sendAbortAndClose(channel, AbortSource.SERVICE_PROVIDER, ex.getAbortReason());
			throw ex;
		}
		catch (DicomTimeoutException ex) {
			sendAbortAndClose(channel, AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED);
			throw ex;
		}
		catch (DicomNetworkException ex) {
			channel.close();
			throw ex;
		}
		catch (IOException ex) {
			channel.close();
			throw new AssociationClosedException("Connection to " + peer + " failed during association negotiation: "
					+ ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			sendAbortAndClose(channel, AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED);
			throw ex;
		}
	}

	/**
	 * Act as acceptor on an accepted connection: wait (ARTIM) for the A-ASSOCIATE-RQ, negotiate
	 * against the settings and answer with an A-ASSOCIATE-AC or -RJ (PS3.8 Sta2 → Sta3 → Sta6).
	 * @param socket the accepted connection
	 * @param settings what to accept
	 * @param overCapacity whether to reject the association as a transient local limit
	 * @return the established association, or {@code null} if it was rejected (the connection
	 * is then closed)
	 * @throws DicomNetworkException if the requestor aborts, times out or violates the protocol
	 */
	public static Association accept(Socket socket, AcceptorSettings settings, boolean overCapacity)
			throws DicomNetworkException {
		String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
		PduChannel channel;
		try {
			socket.setTcpNoDelay(true);
			channel = new PduChannel(socket, settings.maxPduLength(), settings.timeouts().dimse());
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new AssociationClosedException("Cannot use the connection from " + peer + ": " + ex.getMessage(), ex);
		}
		try {
			Pdu pdu = channel.read(TimeoutKind.ARTIM, settings.timeouts().artim(), "no A-ASSOCIATE-RQ from " + peer);
			if (pdu == null) {
				channel.close();
				throw new AssociationClosedException(peer + " closed the connection before sending an A-ASSOCIATE-RQ");
			}
			if (pdu instanceof Abort abort) {
				channel.close();
				throw new AssociationAbortedException(peer, abort.source(), abort.reason());
			}
			if (!(pdu instanceof AssociateRq associateRq)) {
				throw unexpected(pdu, AssociationState.STA2, peer);
			}
			String requestorAe = associateRq.callingAeTitle() + "@" + peer;
			AssociateRj reject = rejectionOf(associateRq, settings, overCapacity);
			if (reject != null) {
				logger.info("Rejecting association from {}: {}, {}", requestorAe, reject.resultEnum().text(),
						reject.reason().text());
				channel.write(reject);
				awaitClose(channel, settings.timeouts().artim());
				return null;
			}
			AssociateAc associateAc = toAssociateAc(associateRq, settings);
			List<NegotiatedContext> negotiated = negotiatedByAcceptor(associateRq, associateAc);
			channel.write(associateAc);
			Association association = new Association(channel, false, requestorAe, associateRq.calledAeTitle(),
					associateRq.callingAeTitle(), settings.timeouts(), negotiated, associateRq.userInformation());
			association.logNegotiation();
			return association;
		}
		catch (DicomProtocolException ex) {
			sendAbortAndClose(channel, AbortSource.SERVICE_PROVIDER, ex.getAbortReason());
			throw ex;
		}
		catch (DicomNetworkException ex) {
			channel.close();
			throw ex;
		}
		catch (IOException ex) {
			channel.close();
			throw new AssociationClosedException("Connection from " + peer + " failed during association negotiation: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Return the contexts as negotiated, in the order proposed.
	 * @return the negotiated contexts
	 */
	public List<NegotiatedContext> getNegotiatedContexts() {
		return this.contexts;
	}

	/**
	 * Return the negotiated context with the given id.
	 * @param contextId the presentation context id
	 * @return the context, or empty if no context has that id
	 */
	public Optional<NegotiatedContext> getContext(int contextId) {
		return Optional.ofNullable(this.contextsById.get(contextId));
	}

	/**
	 * Return the first accepted context for an abstract syntax.
	 * @param abstractSyntax the abstract syntax UID
	 * @return the accepted context
	 * @throws NoAcceptedContextException if none was accepted
	 */
	public NegotiatedContext requireAcceptedContext(String abstractSyntax) throws NoAcceptedContextException {
		for (NegotiatedContext context : this.contexts) {
			if (context.isAccepted() && context.abstractSyntax().equals(abstractSyntax)) {
				return context;
			}
		}
		throw new NoAcceptedContextException(this.peer, abstractSyntax, this.contexts);
	}

	/**
	 * Return the peer, such as {@code STORESCP@127.0.0.1:11112}.
	 * @return the peer description
	 */
	public String getPeer() {
		return this.peer;
	}

	public String getLocalAeTitle() {
		return this.localAeTitle;
	}

	public String getPeerAeTitle() {
		return this.peerAeTitle;
	}

	/**
	 * Return the maximum P-DATA-TF PDU length the peer receives, 0 for no limit.
	 * @return the length
	 */
	public long getPeerMaxPduLength() {
		return this.peerMaxPduLength;
	}

	/**
	 * Return the peer's user information as received.
	 * @return the user information
	 */
	public UserInformation getPeerUserInformation() {
		return this.peerUserInformation;
	}

	public String getPeerImplementationClassUid() {
		return this.peerUserInformation.implementationClassUid();
	}

	public String getPeerImplementationVersionName() {
		return this.peerUserInformation.implementationVersionName();
	}

	public AssociationTimeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Return the protocol machine state.
	 * @return the state
	 */
	public AssociationState getState() {
		return this.state;
	}

	/**
	 * Return whether the association is established and can carry messages.
	 * @return whether established
	 */
	public boolean isEstablished() {
		return this.state == AssociationState.STA6;
	}

	/**
	 * Return the next message id for a request on this association.
	 * @return the message id
	 */
	public int nextMessageId() {
		return this.messageIds.next();
	}

	/**
	 * Send a C-ECHO request on the first accepted Verification context and wait (DIMSE timeout)
	 * for its response.
	 * @return the response status
	 * @throws NoAcceptedContextException if no Verification context was accepted
	 * @throws DicomNetworkException if the exchange fails
	 */
	public int echo() throws DicomNetworkException {
		NegotiatedContext context = requireAcceptedContext(Uid.VERIFICATION);
		int messageId = nextMessageId();
		send(context.id(), Command.echoRq(messageId));
		DimseMessage response = receiveResponse(messageId, CommandField.C_ECHO_RSP);
		return response.command().status();
	}

	/**
	 * Send one DIMSE message without a data set.
	 * @param contextId the accepted presentation context to send on
	 * @param command the command set
	 * @throws DicomNetworkException if the association is not established or the write fails
	 */
	public void send(int contextId, Command command) throws DicomNetworkException {
		send(contextId, command, (DataSetSource) null);
	}

	/**
	 * Send one DIMSE message, fragmented into P-DATA-TF PDUs that fit the peer's maximum length.
	 * @param contextId the accepted presentation context to send on
	 * @param command the command set
	 * @param dataSet the encoded data set, or {@code null} if the command has none
	 * @throws DicomNetworkException if the association is not established or the write fails
	 */
	public void send(int contextId, Command command, byte[] dataSet) throws DicomNetworkException {
		send(contextId, command, (dataSet != null) ? DataSetSource.of(dataSet) : null);
	}

	/**
	 * Send one DIMSE message whose data set is streamed: it is cut into P-DATA-TF PDUs as the
	 * source writes it, so no more than a buffer of it is held in memory.
	 * @param contextId the accepted presentation context to send on
	 * @param command the command set
	 * @param dataSet writes the encoded data set in the context's transfer syntax, or
	 * {@code null} if the command has none
	 * @throws DicomNetworkException if the association is not established or the write fails
	 * (the association is then aborted)
	 */
	public void send(int contextId, Command command, DataSetSource dataSet) throws DicomNetworkException {
		NegotiatedContext context = this.contextsById.get(contextId);
		if (context == null || !context.isAccepted()) {
			throw new IllegalArgumentException("Presentation context " + contextId + " is not an accepted context");
		}
		byte[] commandBytes = command.encode();
		this.writeLock.lock();
		try {
			checkEstablished("send " + command.commandField().text());
			PDataOutputStream out = pDataOutputStream();
			out.begin(contextId, true);
			out.write(commandBytes);
			out.finish();
			if (dataSet != null) {
				out.begin(contextId, false);
				dataSet.writeTo(out);
				out.finish();
			}
			out.flush();
		}
		catch (IOException ex) {
			throw failed("sending " + command.commandField().text(), ex);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Wait for the response to a request: the next message, which must be {@code expected}
	 * and answer {@code messageId}.
	 * @param messageId the request's message id
	 * @param expected the expected response command field
	 * @return the response
	 * @throws DicomNetworkException on timeout, abort, release by the peer or a protocol error
	 */
	public DimseMessage receiveResponse(int messageId, CommandField expected) throws DicomNetworkException {
		DimseMessage message = receive(TimeoutKind.DIMSE, this.timeouts.dimse(), "no " + expected.text());
		if (message == null) {
			throw new AssociationClosedException(
					this.peer + " released the association while a " + expected.text() + " was outstanding");
		}
		Command command = message.command();
		if (command.commandField() != expected || command.messageIdBeingRespondedTo() != messageId) {
			DicomProtocolException ex = new DicomProtocolException("Expected " + expected.text()
					+ " to message " + messageId + " but received " + command.commandField().text()
					+ " to message " + command.messageIdBeingRespondedTo(), AbortReason.UNEXPECTED_PDU_PARAMETER);
			abortWith(AbortSource.SERVICE_PROVIDER, ex.getAbortReason());
			throw ex;
		}
		return message;
	}

	/**
	 * Wait for the next complete DIMSE message. As acceptor, an A-RELEASE-RQ from the requestor
	 * is answered and ends the association; this method then returns {@code null}.
	 * @param kind the timer bounding the wait for the first PDU of the message
	 * @param timeout its timeout
	 * @param detail what is awaited, for a timeout message
	 * @return the message, or {@code null} if the peer released the association
	 * @throws DicomNetworkException on timeout, abort, a protocol error, or a release while
	 * acting as requestor
	 */
	public DimseMessage receive(TimeoutKind kind, Duration timeout, String detail) throws DicomNetworkException {
		return receive(kind, timeout, detail, (command) -> null);
	}

	/**
	 * Wait for the next complete DIMSE message, streaming its data set to a sink chosen from
	 * its command set. Where the chooser returns {@code null}, the data set is collected into
	 * the returned message instead.
	 * @param kind the timer bounding the wait for the first PDU of the message
	 * @param timeout its timeout
	 * @param detail what is awaited, for a timeout message
	 * @param sinks chooses the sink for a message's data set from its command set
	 * @return the message (with a {@code null} data set when it went to a sink), or
	 * {@code null} if the peer released the association
	 * @throws DicomNetworkException on timeout, abort, a protocol error, a sink failure, or a
	 * release while acting as requestor
	 */
	public DimseMessage receive(TimeoutKind kind, Duration timeout, String detail,
			Function<Command, DataSetSink> sinks) throws DicomNetworkException {
		checkEstablished("receive a message");
		MessageAssembler assembler = new MessageAssembler(sinks);
		TimeoutKind currentKind = kind;
		Duration currentTimeout = timeout;
		try {
			while (true) {
				PduType type = this.channel.nextType(currentKind, currentTimeout, detail + " from " + this.peer);
				currentKind = TimeoutKind.DIMSE;
				currentTimeout = this.timeouts.dimse();
				if (type == PduType.P_DATA_TF) {
					this.channel.readPresentationDataValues(assembler);
					if (assembler.message != null) {
						return assembler.message;
					}
					continue;
				}
				Pdu pdu = (type != null) ? this.channel.read(currentKind, currentTimeout, detail) : null;
				if (pdu instanceof ReleaseRq) {
					onReleaseRequestInSta6();
					if (this.requestor) {
						throw new AssociationClosedException(this.peer + " released the association: " + detail);
					}
					return null;
				}
				else if (pdu instanceof Abort abort) {
					this.state = AssociationState.STA1;
					this.channel.close();
					throw new AssociationAbortedException(this.peer, abort.source(), abort.reason());
				}
				else if (pdu == null) {
					this.state = AssociationState.STA1;
					this.channel.close();
					throw new AssociationClosedException(this.peer + " closed the connection: " + detail);
				}
				else {
					throw unexpected(pdu, this.state, this.peer);
				}
			}
		}
		catch (IOException ex) {
			throw failed("receiving a message", ex);
		}
	}

	/**
	 * Release the association (PS3.8 Sta6 → Sta7 → Sta1): send A-RELEASE-RQ, wait (ACSE timeout)
	 * for the A-RELEASE-RP and close the connection. A release collision is resolved as the
	 * standard prescribes.
	 * @throws DicomNetworkException if the peer aborts, times out or violates the protocol; the
	 * connection is closed in every case
	 */
	public void release() throws DicomNetworkException {
		this.writeLock.lock();
		try {
			checkEstablished("release");
			this.channel.write(new ReleaseRq());
			this.state = AssociationState.STA7;
		}
		catch (IOException ex) {
			throw failed("sending A-RELEASE-RQ", ex);
		}
		finally {
			this.writeLock.unlock();
		}
		try {
			while (true) {
				Pdu pdu = this.channel.read(TimeoutKind.ACSE, this.timeouts.acse(), "no A-RELEASE-RP from " + this.peer);
				if (pdu instanceof ReleaseRp) {
					if (this.state == AssociationState.STA7 || this.state == AssociationState.STA11) {
						this.state = AssociationState.STA1;
						this.channel.close();
						return;
					}
					// Sta10: the requestor answered our collision; answer its request in turn
					this.channel.write(new ReleaseRp());
					this.state = AssociationState.STA13;
					awaitClose(this.channel, this.timeouts.artim());
					this.state = AssociationState.STA1;
					return;
				}
				if (pdu instanceof ReleaseRq) {
					if (this.requestor) {
						// release collision, requestor side: Sta9, answer, then await the RP in Sta11
						this.state = AssociationState.STA9;
						this.channel.write(new ReleaseRp());
						this.state = AssociationState.STA11;
					}
					else {
						// release collision, acceptor side: await the RP in Sta10, then answer (Sta12)
						this.state = AssociationState.STA10;
					}
				}
				else if (pdu instanceof PDataTf) {
					logger.debug("Discarding P-DATA-TF from {} received while awaiting A-RELEASE-RP", this.peer);
				}
				else if (pdu instanceof Abort abort) {
					this.state = AssociationState.STA1;
					this.channel.close();
					throw new AssociationAbortedException(this.peer, abort.source(), abort.reason());
				}
				else if (pdu == null) {
					this.state = AssociationState.STA1;
					this.channel.close();
					throw new AssociationClosedException(this.peer + " closed the connection before answering the A-RELEASE-RQ");
				}
				else {
					throw unexpected(pdu, this.state, this.peer);
				}
			}
		}
		catch (IOException ex) {
			throw failed("releasing the association", ex);
		}
	}

	/**
	 * Abort the association: send an A-ABORT (service-user) and close the connection. Safe to
	 * call from any thread and more than once.
	 */
	public void abort() {
		abortWith(AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED);
	}

	/**
	 * Release the association if it is established, abort it if the release fails, and close
	 * the connection in every case. Never throws.
	 */
	@Override
	public void close() {
		if (this.state == AssociationState.STA6) {
			try {
				release();
				return;
			}
			catch (DicomNetworkException ex) {
				logger.debug("Release of the association with {} failed: {}", this.peer, ex.getMessage());
			}
		}
		if (this.state != AssociationState.STA1) {
			abort();
		}
		this.channel.close();
	}

	@Override
	public String toString() {
		return "Association " + this.localAeTitle + (this.requestor ? " -> " : " <- ") + this.peer + " (" + this.state
				+ ")";
	}

	private void onReleaseRequestInSta6() throws IOException {
		this.state = AssociationState.STA8;
		this.writeLock.lock();
		try {
			this.channel.write(new ReleaseRp());
		}
		finally {
			this.writeLock.unlock();
		}
		this.state = AssociationState.STA13;
		if (this.requestor) {
			this.channel.close();
		}
		else {
			awaitClose(this.channel, this.timeouts.artim());
		}
		this.state = AssociationState.STA1;
	}

	private void abortWith(AbortSource source, AbortReason reason) {
		if (this.state == AssociationState.STA1 || this.channel.isClosed()) {
			this.state = AssociationState.STA1;
			this.channel.close();
			return;
		}
		if (this.writeLock.tryLock()) {
			try {
				this.channel.write(new Abort(source, reason));
			}
			catch (IOException ex) {
				logger.debug("Could not send A-ABORT to {}: {}", this.peer, ex.getMessage());
			}
			finally {
				this.writeLock.unlock();
			}
		}
		this.state = AssociationState.STA1;
		this.channel.close();
	}

	private void checkEstablished(String action) throws AssociationClosedException {
		if (this.state != AssociationState.STA6) {
			throw new AssociationClosedException("Cannot " + action + ": the association with " + this.peer
					+ " is not established (" + this.state.description() + ")");
		}
	}

	private DicomNetworkException failed(String action, IOException ex) {
		if (ex instanceof DicomProtocolException protocolError) {
			abortWith(AbortSource.SERVICE_PROVIDER, protocolError.getAbortReason());
			return protocolError;
		}
		if (ex instanceof DicomTimeoutException) {
			abortWith(AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED);
			return (DicomTimeoutException) ex;
		}
		boolean abortedLocally = this.state == AssociationState.STA1;
		this.state = AssociationState.STA1;
		this.channel.close();
		if (ex instanceof DicomNetworkException networkError) {
			return networkError;
		}
		return new AssociationClosedException(abortedLocally
				? "The association with " + this.peer + " was aborted locally while " + action
				: "Connection to " + this.peer + " failed while " + action + ": " + ex.getMessage(), ex);
	}

	private PDataOutputStream pDataOutputStream() {
		if (this.pDataOutputStream == null) {
			int maxFragment = (this.peerMaxPduLength == 0) ? UNLIMITED_FRAGMENT_SIZE
					: (int) Math.min(UNLIMITED_FRAGMENT_SIZE, this.peerMaxPduLength - PDV_OVERHEAD);
			this.pDataOutputStream = new PDataOutputStream(this.channel.pDataOutput(), maxFragment);
		}
		return this.pDataOutputStream;
	}

	private void logNegotiation() {
		if (logger.isDebugEnabled()) {
			StringBuilder table = new StringBuilder();
			table.append(String.format("Association %s %s %s negotiated %d presentation contexts:%n", this.localAeTitle,
					this.requestor ? "->" : "<-", this.peer, this.contexts.size()));
			table.append(String.format("  %3s  %-56s  %-50s  %s%n", "ID", "Abstract Syntax", "Result", "Transfer Syntax"));
			for (NegotiatedContext context : this.contexts) {
				table.append(String.format("  %3d  %-56s  %-50s  %s%n", context.id(),
						UidDictionary.nameOf(context.abstractSyntax()), context.result().text(),
						context.isAccepted() ? UidDictionary.nameOf(context.transferSyntax()) : "-"));
			}
			logger.debug(table.toString().stripTrailing());
		}
	}

	private static Socket connect(AssociationRequest request) throws DicomNetworkException {
		String peer = request.describePeer();
		Socket socket;
		try {
			// a socket channel's socket: P-DATA-TF PDUs are written from a direct buffer without a copy
			socket = SocketChannel.open().socket();
		}
		catch (IOException ex) {
			throw new DicomConnectException("Cannot connect to " + peer + ": " + ex.getMessage(), request.getHost(),
					request.getPort(), ex);
		}
		try {
			socket.setTcpNoDelay(true);
			BindAddress bindAddress = request.getBindAddress();
			if (bindAddress != null) {
				socket.setReuseAddress(true);
				try {
					socket.bind(bindAddress.toSocketAddress());
				}
				catch (BindException ex) {
					throw new DicomConnectException("Cannot bind the local address " + bindAddress + " to connect to "
							+ peer + ": " + ex.getMessage()
							+ ((bindAddress.port() != 0) ? ". The address may be in use, or the port may still be in "
									+ "TIME_WAIT from an earlier association (the requestor closes the connection first "
									+ "after a release, so its fixed local port stays in TIME_WAIT for up to a few minutes); "
									+ "use port 0 for an ephemeral port" : ""),
							request.getHost(), request.getPort(), ex);
				}
				catch (UnknownHostException ex) {
					throw new DicomConnectException("Cannot resolve the local bind address " + bindAddress.host(),
							request.getHost(), request.getPort(), ex);
				}
			}
			Duration timeout = request.getTimeouts().connect();
			try {
				socket.connect(new InetSocketAddress(request.getHost(), request.getPort()),
						(int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
			}
			catch (SocketTimeoutException ex) {
				throw new DicomTimeoutException(TimeoutKind.CONNECT, timeout, "no connection to " + peer);
			}
			catch (ConnectException | NoRouteToHostException ex) {
				throw new DicomConnectException("Cannot connect to " + peer + ": " + ex.getMessage(), request.getHost(),
						request.getPort(), ex);
			}
			catch (UnknownHostException ex) {
				throw new DicomConnectException("Cannot connect to " + peer + ": unknown host " + request.getHost(),
						request.getHost(), request.getPort(), ex);
			}
			return socket;
		}
		catch (DicomNetworkException ex) {
			closeQuietly(socket);
			throw ex;
		}
		catch (IOException | IllegalArgumentException ex) {
			closeQuietly(socket);
			throw new DicomConnectException("Cannot connect to " + peer + ": " + ex.getMessage(), request.getHost(),
					request.getPort(), ex);
		}
	}

	private static AssociateRq toAssociateRq(AssociationRequest request) {
		List<PresentationContextRq> items = new ArrayList<>();
		Map<String, RoleSelection> roles = new LinkedHashMap<>();
		List<PresentationContext> contexts = request.getContexts();
		for (int i = 0; i < contexts.size(); i++) {
			PresentationContext context = contexts.get(i);
			items.add(new PresentationContextRq(RequestedContexts.contextId(i), context.abstractSyntax(),
					context.transferSyntaxes()));
			if (context.scuRole() != null || context.scpRole() != null) {
				roles.putIfAbsent(context.abstractSyntax(), new RoleSelection(context.abstractSyntax(),
						!Boolean.FALSE.equals(context.scuRole()), Boolean.TRUE.equals(context.scpRole())));
			}
		}
		UserInformation userInformation = new UserInformation(request.getMaxPduLength(), ImplementationInfo.CLASS_UID,
				ImplementationInfo.VERSION_NAME, null, List.copyOf(roles.values()), List.of(), List.of(),
				request.getUserIdentity(), null, List.of());
		return new AssociateRq(1, request.getCalledAeTitle(), request.getCallingAeTitle(),
				Uid.DICOM_APPLICATION_CONTEXT, items, userInformation);
	}

	private static List<NegotiatedContext> negotiated(AssociateRq associateRq, List<PresentationContext> proposed,
			AssociateAc associateAc) throws DicomProtocolException {
		Map<Integer, PresentationContextAc> results = new LinkedHashMap<>();
		for (PresentationContextAc result : associateAc.presentationContexts()) {
			results.put(result.id(), result);
		}
		Map<String, RoleSelection> roles = new LinkedHashMap<>();
		associateAc.userInformation().roleSelections().forEach((role) -> roles.put(role.sopClassUid(), role));
		List<NegotiatedContext> negotiated = new ArrayList<>();
		for (int i = 0; i < proposed.size(); i++) {
			PresentationContext context = proposed.get(i);
			PresentationContextRq item = associateRq.presentationContexts().get(i);
			PresentationContextAc result = results.get(item.id());
			if (result == null) {
				negotiated.add(new NegotiatedContext(item.id(), context, PresentationContextResult.NO_REASON, null, true,
						false));
				continue;
			}
			String transferSyntax = null;
			if (result.result() == PresentationContextResult.ACCEPTANCE) {
				transferSyntax = result.transferSyntax();
				if (!item.transferSyntaxes().contains(transferSyntax)) {
					throw new DicomProtocolException("A-ASSOCIATE-AC accepts presentation context " + item.id()
							+ " with transfer syntax " + transferSyntax + ", which was not proposed for it",
							AbortReason.INVALID_PDU_PARAMETER_VALUE);
				}
			}
			RoleSelection role = roles.get(context.abstractSyntax());
			boolean proposedRoles = context.scuRole() != null || context.scpRole() != null;
			boolean scuRole = (role == null || !proposedRoles) || role.scuRole();
			boolean scpRole = role != null && proposedRoles && role.scpRole() && Boolean.TRUE.equals(context.scpRole());
			negotiated.add(new NegotiatedContext(item.id(), context, result.result(), transferSyntax, scuRole, scpRole));
		}
		return negotiated;
	}

	private static AssociateRj rejectionOf(AssociateRq associateRq, AcceptorSettings settings, boolean overCapacity) {
		if ((associateRq.protocolVersion() & 0x0001) == 0) {
			return new AssociateRj(1, 2, 2);
		}
		if (!Uid.DICOM_APPLICATION_CONTEXT.equals(associateRq.applicationContextName())) {
			return new AssociateRj(1, 1, 2);
		}
		if (settings.aeTitle() != null && !settings.aeTitle().equals(associateRq.calledAeTitle())) {
			return new AssociateRj(1, 1, 7);
		}
		if (overCapacity) {
			return new AssociateRj(2, 3, 2);
		}
		return null;
	}

	private static AssociateAc toAssociateAc(AssociateRq associateRq, AcceptorSettings settings) {
		List<PresentationContextAc> results = new ArrayList<>();
		for (PresentationContextRq item : associateRq.presentationContexts()) {
			List<String> accepted = settings.syntaxes().get(item.abstractSyntax());
			if (accepted == null) {
				results.add(new PresentationContextAc(item.id(), PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, ""));
				continue;
			}
			String transferSyntax = item.transferSyntaxes().stream().filter(accepted::contains).findFirst().orElse(null);
			results.add((transferSyntax != null)
					? new PresentationContextAc(item.id(), PresentationContextResult.ACCEPTANCE, transferSyntax)
					: new PresentationContextAc(item.id(), PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, ""));
		}
		UserInformation userInformation = new UserInformation(settings.maxPduLength(), ImplementationInfo.CLASS_UID,
				ImplementationInfo.VERSION_NAME, null, associateRq.userInformation().roleSelections(), List.of(), List.of(),
				null, null, List.of());
		return new AssociateAc(1, associateRq.calledAeTitle(), associateRq.callingAeTitle(),
				Uid.DICOM_APPLICATION_CONTEXT, results, userInformation);
	}

	private static List<NegotiatedContext> negotiatedByAcceptor(AssociateRq associateRq, AssociateAc associateAc) {
		Map<String, RoleSelection> roles = new LinkedHashMap<>();
		associateRq.userInformation().roleSelections().forEach((role) -> roles.put(role.sopClassUid(), role));
		List<NegotiatedContext> negotiated = new ArrayList<>();
		for (int i = 0; i < associateRq.presentationContexts().size(); i++) {
			PresentationContextRq item = associateRq.presentationContexts().get(i);
			PresentationContextAc result = associateAc.presentationContexts().get(i);
			RoleSelection role = roles.get(item.abstractSyntax());
			PresentationContext context = PresentationContext.of(item.abstractSyntax(), item.transferSyntaxes());
			boolean accepted = result.result() == PresentationContextResult.ACCEPTANCE;
			negotiated.add(new NegotiatedContext(item.id(), context, result.result(),
					accepted ? result.transferSyntax() : null, role == null || role.scuRole(),
					role != null && role.scpRole()));
		}
		return negotiated;
	}

	private static DicomProtocolException unexpected(Pdu pdu, AssociationState state, String peer) {
		return new DicomProtocolException("Unexpected " + pduName(pdu) + " from " + peer + " in state "
				+ state.name().charAt(0) + state.name().substring(1).toLowerCase() + " (" + state.description() + ")",
				AbortReason.UNEXPECTED_PDU);
	}

	private static String pduName(Pdu pdu) {
		return pdu.type().text();
	}

	private static void sendAbortAndClose(PduChannel channel, AbortSource source, AbortReason reason) {
		try {
			channel.write(new Abort(source, reason));
		}
		catch (IOException ex) {
			logger.debug("Could not send A-ABORT: {}", ex.getMessage());
		}
		channel.close();
	}

	private static void awaitClose(PduChannel channel, Duration artim) {
		try {
			while (channel.read(TimeoutKind.ARTIM, artim, "the peer did not close the connection") != null) {
				// PS3.8 Sta13: PDUs received while awaiting the close are ignored
			}
		}
		catch (IOException ex) {
			logger.debug("Closing the connection after the ARTIM wait: {}", ex.getMessage());
		}
		channel.close();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing more to do with a socket that failed to close
		}
	}

	/**
	 * Collects the presentation data values of one message: the command set into memory, the
	 * data set into a sink or into memory, checking that fragments arrive in order on one
	 * accepted context.
	 */
	private final class MessageAssembler implements PresentationDataValueHandler {

		private final Function<Command, DataSetSink> sinks;

		private final ByteArrayOutputStream commandBytes = new ByteArrayOutputStream(256);

		private int contextId;

		private Command command;

		private DataSetSink sink;

		private ByteArrayOutputStream dataBytes;

		private DimseMessage message;

		MessageAssembler(Function<Command, DataSetSink> sinks) {
			this.sinks = sinks;
		}

		@Override
		public void handle(int contextId, boolean command, boolean last, InputStream fragment, long length)
				throws IOException {
			if (this.message != null) {
				throw new DicomProtocolException("P-DATA-TF carries a fragment after the end of a "
						+ this.message.command().commandField().text(), AbortReason.UNEXPECTED_PDU_PARAMETER);
			}
			checkContext(contextId);
			if (command) {
				if (this.command != null) {
					throw new DicomProtocolException("Command fragment received after the command set was complete",
							AbortReason.UNEXPECTED_PDU_PARAMETER);
				}
				if (this.commandBytes.size() + length > MAXIMUM_COMMAND_LENGTH) {
					throw new DicomProtocolException("Command set longer than " + MAXIMUM_COMMAND_LENGTH + " bytes",
							AbortReason.INVALID_PDU_PARAMETER_VALUE);
				}
				fragment.transferTo(this.commandBytes);
				if (last) {
					this.command = Command.decode(this.commandBytes.toByteArray());
					if (!this.command.hasDataSet()) {
						this.message = new DimseMessage(contextId, this.command, null);
					}
					else {
						this.sink = this.sinks.apply(this.command);
						if (this.sink == null) {
							this.dataBytes = new ByteArrayOutputStream(8192);
						}
					}
				}
				return;
			}
			if (this.command == null) {
				throw new DicomProtocolException("Data set fragment received before the command set was complete",
						AbortReason.UNEXPECTED_PDU_PARAMETER);
			}
			if (this.sink != null) {
				this.sink.fragment(fragment, length, last);
			}
			else {
				fragment.transferTo(this.dataBytes);
			}
			if (last) {
				this.message = new DimseMessage(contextId, this.command,
						(this.dataBytes != null) ? this.dataBytes.toByteArray() : null);
			}
		}

		private void checkContext(int id) throws DicomProtocolException {
			if (this.contextId == 0) {
				NegotiatedContext context = Association.this.contextsById.get(id);
				if (context == null || !context.isAccepted()) {
					throw new DicomProtocolException("P-DATA-TF on presentation context " + id
							+ ", which is not an accepted context", AbortReason.INVALID_PDU_PARAMETER_VALUE);
				}
				this.contextId = id;
			}
			else if (id != this.contextId) {
				throw new DicomProtocolException("P-DATA-TF fragment on presentation context " + id
						+ " inside a message on context " + this.contextId, AbortReason.INVALID_PDU_PARAMETER_VALUE);
			}
		}

	}

}
