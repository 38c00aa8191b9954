package io.github.dicomscu.net.association;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.MessageIdSequence;
import io.github.dicomscu.net.pdu.Abort;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRj;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.Pdu;
import io.github.dicomscu.net.pdu.PduType;
import io.github.dicomscu.net.pdu.ReleaseRp;
import io.github.dicomscu.net.pdu.ReleaseRq;
import io.github.dicomscu.net.pdu.UserIdentityAc;
import io.github.dicomscu.net.pdu.UserIdentityRq;
import io.github.dicomscu.net.pdu.UserInformation;

/**
 * A DICOM association over one TCP connection, driven by the PS3.8 protocol machine. An
 * association is opened as requestor with {@link #request(AssociationRequest)} or as
 * acceptor with {@link #accept(Socket, AcceptorSettings, boolean)}; once established it
 * exchanges DIMSE messages and ends by {@link #release()} or {@link #abort()}.
 * <p>
 * Every step goes through the protocol machine, which keeps PS3.8 Table 9-10 as data (see
 * {@link AssociationEvent}, {@link AssociationAction}): its one transition is the only
 * writer of {@link #getState()}.
 * <p>
 * An association is meant for one thread at a time; {@link #abort()} may be called from
 * any thread and ends a blocked read or write. The connection is a socket channel, so
 * interrupting a thread blocked in its I/O also closes the connection (without an
 * A-ABORT). Every wait is bounded by a deadline set by one of the timers in
 * {@link AssociationTimeouts} for a whole phase (a peer that drips bytes does not restart
 * it) and, for a request with an {@link AssociationRequest#getOverallTimeout() overall
 * timeout}, by the overall deadline too; every failure that ends the association closes
 * the connection and is reported as a {@link DicomNetworkException} subclass (see
 * {@link #isEstablished()}).
 */
public final class Association implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(Association.class);

	/**
	 * PDV header bytes inside a P-DATA-TF variable field: item length, context id,
	 * control header.
	 */
	private static final int PDV_OVERHEAD = 6;

	/** Fragment size used when the peer announces no maximum length. */
	private static final int UNLIMITED_FRAGMENT_SIZE = 1024 * 1024;

	/** Collects every data set in memory. */
	private static final Function<Command, DataSetSink> NO_SINKS = (command) -> null;

	private final ProtocolMachine machine;

	private final PduChannel channel;

	private final ReentrantLock writeLock;

	private final String peer;

	private final String localAeTitle;

	private final String peerAeTitle;

	private final AssociationTimeouts timeouts;

	private final Deadline overall;

	private final List<NegotiatedContext> contexts;

	private final Map<Integer, NegotiatedContext> contextsById;

	private final UserInformation peerUserInformation;

	private final long peerMaxPduLength;

	private final long maxDataSetInMemory;

	private final MessageIdSequence messageIds = new MessageIdSequence();

	private PDataOutputStream pDataOutputStream;

	private Association(ProtocolMachine machine, String peer, String localAeTitle, String peerAeTitle,
			AssociationTimeouts timeouts, Deadline overall, long maxDataSetInMemory, List<NegotiatedContext> contexts,
			UserInformation peerUserInformation) {
		this.machine = machine;
		this.channel = machine.channel();
		this.writeLock = machine.writeLock();
		this.peer = peer;
		this.localAeTitle = localAeTitle;
		this.peerAeTitle = peerAeTitle;
		this.timeouts = timeouts;
		this.overall = overall;
		this.maxDataSetInMemory = maxDataSetInMemory;
		this.contexts = List.copyOf(contexts);
		Map<Integer, NegotiatedContext> byId = new LinkedHashMap<>();
		contexts.forEach((context) -> byId.put(context.id(), context));
		this.contextsById = Collections.unmodifiableMap(byId);
		this.peerUserInformation = peerUserInformation;
		this.peerMaxPduLength = Math.max(0, peerUserInformation.maximumLength());
		logNegotiation();
	}

	/**
	 * Connect to a peer and negotiate an association (PS3.8 Sta1 → Sta4 → Sta5 → Sta6).
	 * The ACSE timeout runs from the sending of the A-ASSOCIATE-RQ until the whole answer
	 * has arrived; the request's overall timeout, if it has one, starts here.
	 * @param request what to request
	 * @return the established association
	 * @throws DicomConnectException if the connection or the local bind fails
	 * @throws DicomTimeoutException if the connect or ACSE timeout, or the overall
	 * timeout, expires
	 * @throws DicomTlsException if TLS is configured and cannot be established, or is not
	 * configured and the peer answers with TLS
	 * @throws AssociationRejectedException if the peer rejects the association
	 * @throws AssociationAbortedException if the peer aborts during negotiation
	 * @throws DicomProtocolException if the peer violates the protocol
	 * @throws AssociationClosedException if the peer closes the connection without
	 * answering
	 * @throws UserIdentityNotConfirmedException if a positive response to the user
	 * identity was requested and the peer gave none
	 */
	public static Association request(AssociationRequest request) throws DicomNetworkException {
		String peer = request.describePeer();
		Deadline overall = (request.getOverallTimeout() != null)
				? Deadline.after(TimeoutKind.OPERATION, request.getOverallTimeout()) : null;
		ProtocolMachine machine = new ProtocolMachine(TransportConnector.connect(request, overall), true);
		// the connector's connect was AE-1 and its completion Evt2: the machine takes the
		// open connection
		machine.fire(AssociationEvent.EVT1);
		machine.fire(AssociationEvent.EVT2);
		RequestorNegotiation negotiation = new RequestorNegotiation(request);
		String awaited = "no A-ASSOCIATE-AC or A-ASSOCIATE-RJ";
		try {
			Deadline acse = Deadline.after(TimeoutKind.ACSE, request.getTimeouts().acse()).within(overall);
			machine.write(negotiation.associateRq());
			Pdu answer = machine.channel().read(acse, () -> awaited + " from " + peer);
			List<NegotiatedContext> negotiated = null;
			if (answer instanceof AssociateAc accept) {
				MaxPduLength.checkPeers(accept.userInformation().maximumLength(), "A-ASSOCIATE-AC from " + peer);
				negotiated = negotiation.contexts(accept);
			}
			if (machine.received(answer, peer, awaited) == AssociationAction.AE_3) {
				checkUserIdentityConfirmed(request, (AssociateAc) answer, machine, peer);
				return new Association(machine, peer, request.getCallingAeTitle(), request.getCalledAeTitle(),
						request.getTimeouts(), overall, request.getMaxDataSetInMemory(), negotiated,
						((AssociateAc) answer).userInformation());
			}
			machine.closeTransport();
			throw new AssociationRejectedException(peer, (AssociateRj) answer);
		}
		catch (IOException ex) {
			throw machine.failed("negotiating the association",
					TlsHandshake.explain(ex, machine.channel().socket(), peer), peer);
		}
		catch (RuntimeException ex) {
			machine.abort(AssociationEvent.EVT15, Abort.byServiceUser());
			throw ex;
		}
	}

	private static void checkUserIdentityConfirmed(AssociationRequest request, AssociateAc accept,
			ProtocolMachine machine, String peer) throws UserIdentityNotConfirmedException {
		UserIdentityRq identity = request.getUserIdentity();
		if (identity != null && identity.positiveResponseRequested()
				&& accept.userInformation().userIdentityAc() == null) {
			machine.abort(AssociationEvent.EVT15, Abort.byServiceUser());
			throw new UserIdentityNotConfirmedException(peer, identity.type());
		}
	}

	/**
	 * Act as acceptor on an accepted connection: wait for the A-ASSOCIATE-RQ, all of it
	 * within the ARTIM timeout from now, negotiate against the settings and answer with
	 * an A-ASSOCIATE-AC or -RJ (PS3.8 Sta1 → Sta2 → Sta3 → Sta6, or Sta13 on rejection).
	 * @param socket the accepted connection
	 * @param settings what to accept
	 * @param admission told the calling AE title of a request that is otherwise
	 * acceptable, answers whether there is capacity for it (taking that capacity); a
	 * request it refuses is rejected transiently with local-limit-exceeded
	 * @return the established association, or {@code null} if it was rejected (the
	 * connection is then closed)
	 * @throws DicomNetworkException if the requestor aborts, times out or violates the
	 * protocol
	 */
	public static Association accept(Socket socket, AcceptorSettings settings, Predicate<String> admission)
			throws DicomNetworkException {
		Deadline artim = Deadline.after(TimeoutKind.ARTIM, settings.timeouts().artim());
		String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
		ProtocolMachine machine = new ProtocolMachine(TransportConnector.accepted(socket, settings, peer), false);
		machine.fire(AssociationEvent.EVT5);
		String awaited = "no A-ASSOCIATE-RQ";
		try {
			Pdu pdu = machine.channel().read(artim, () -> awaited + " from " + peer);
			AcceptorNegotiation negotiation = null;
			if (pdu instanceof AssociateRq associateRq) {
				MaxPduLength.checkPeers(associateRq.userInformation().maximumLength(), "A-ASSOCIATE-RQ from " + peer);
				negotiation = new AcceptorNegotiation(associateRq, settings, admission);
			}
			// AE-6: Sta3 if the service-provider accepts the request, else Sta13 with an
			// A-ASSOCIATE-RJ
			machine.received(pdu, negotiation == null || negotiation.isAcceptableByServiceProvider(), peer, awaited);
			AssociateRq associateRq = (AssociateRq) pdu;
			String requestorAe = associateRq.callingAeTitle() + "@" + peer;
			AssociateRj reject = negotiation.rejection();
			if (reject != null) {
				if (machine.state() == AssociationState.STA3) {
					// AE-8: the service-user rejects
					machine.fire(AssociationEvent.EVT8);
				}
				logger.info("Rejecting association from {}: {}, {}", PrintableText.of(requestorAe),
						reject.resultEnum().text(), reject.reason().text());
				machine.write(reject);
				machine.awaitClose(Deadline.after(TimeoutKind.ARTIM, settings.timeouts().artim()));
				return null;
			}
			AssociateAc associateAc = negotiation.associateAc();
			List<NegotiatedContext> contexts = negotiation.contexts(associateAc);
			machine.fire(AssociationEvent.EVT7);
			machine.write(associateAc);
			return new Association(machine, requestorAe, associateRq.calledAeTitle(), associateRq.callingAeTitle(),
					settings.timeouts(), null, settings.maxDataSetInMemory(), contexts, associateRq.userInformation());
		}
		catch (IOException ex) {
			throw machine.failed("negotiating the association", ex, peer);
		}
		catch (IllegalArgumentException ex) {
			// a value of the A-ASSOCIATE-RQ the negotiation cannot use, such as a
			// malformed UID
			throw machine.failed("negotiating the association",
					new DicomProtocolException("Invalid A-ASSOCIATE-RQ from " + peer + ": " + ex.getMessage(),
							AbortReason.INVALID_PDU_PARAMETER_VALUE, ex),
					peer);
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

	/**
	 * Return, as acceptor, the user identity the requestor sent.
	 * @return the requestor's user identity, or empty if it sent none (always empty as
	 * requestor)
	 */
	public Optional<UserIdentityRq> getRequestorUserIdentity() {
		return Optional.ofNullable(this.peerUserInformation.userIdentityRq());
	}

	/**
	 * Return, as requestor, the acceptor's answer to a user identity that asked for a
	 * positive response.
	 * @return the server response, or empty if the A-ASSOCIATE-AC carried none (always
	 * empty as acceptor)
	 */
	public Optional<UserIdentityAc> getUserIdentityResponse() {
		return Optional.ofNullable(this.peerUserInformation.userIdentityAc());
	}

	public String getPeerImplementationClassUid() {
		return this.peerUserInformation.implementationClassUid();
	}

	public String getPeerImplementationVersionName() {
		return this.peerUserInformation.implementationVersionName();
	}

	/**
	 * Return the largest data set collected in memory from the peer.
	 * @return the limit in bytes
	 */
	public long getMaxDataSetInMemory() {
		return this.maxDataSetInMemory;
	}

	public AssociationTimeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Return the protocol machine state.
	 * @return the state
	 */
	public AssociationState getState() {
		return this.machine.state();
	}

	/**
	 * Return whether the association is established and can carry messages (PS3.8 Sta6).
	 * <p>
	 * A failure that breaks the association (a timeout, an abort by either side, a
	 * protocol error, a closed connection, a failed write, a data set source or sink
	 * failing in the middle of a message) leaves it not established with its connection
	 * closed; a failure that leaves it usable (such as a
	 * {@link NoAcceptedContextException}, or a DIMSE failure status raised by a service)
	 * leaves it established. A caller decides from this method, not from the exception's
	 * class, whether the association can still be released.
	 * @return whether established
	 */
	public boolean isEstablished() {
		return this.machine.state() == AssociationState.STA6;
	}

	/**
	 * Return the next message id for a request on this association.
	 * @return the message id
	 */
	public int nextMessageId() {
		return this.messageIds.next();
	}

	/**
	 * Send a C-ECHO request on the first accepted Verification context and wait for its
	 * response (see {@link #receiveResponse(int, CommandField)}).
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
	 * @throws DicomNetworkException if the association is not established or the write
	 * fails
	 */
	public void send(int contextId, Command command) throws DicomNetworkException {
		send(contextId, command, (DataSetSource) null);
	}

	/**
	 * Send one DIMSE message, fragmented into P-DATA-TF PDUs that fit the peer's maximum
	 * length.
	 * @param contextId the accepted presentation context to send on
	 * @param command the command set
	 * @param dataSet the encoded data set, or {@code null} if the command has none
	 * @throws DicomNetworkException if the association is not established or the write
	 * fails
	 */
	public void send(int contextId, Command command, byte[] dataSet) throws DicomNetworkException {
		send(contextId, command, (dataSet != null) ? DataSetSource.of(dataSet) : null);
	}

	/**
	 * Send one DIMSE message whose data set is streamed: it is cut into P-DATA-TF PDUs as
	 * the source writes it, so no more than a buffer of it is held in memory.
	 * @param contextId the accepted presentation context to send on
	 * @param command the command set
	 * @param dataSet writes the encoded data set in the context's transfer syntax, or
	 * {@code null} if the command has none
	 * @throws DicomNetworkException if the association is not established or the write
	 * fails (the association is then aborted)
	 */
	public void send(int contextId, Command command, DataSetSource dataSet) throws DicomNetworkException {
		NegotiatedContext context = this.contextsById.get(contextId);
		if (context == null || !context.isAccepted()) {
			throw new IllegalArgumentException("Presentation context " + contextId + " is not an accepted context");
		}
		byte[] commandBytes = command.encode();
		this.writeLock.lock();
		try {
			if (this.machine.fire(AssociationEvent.EVT9) == null) {
				throw notEstablished("send " + command.commandField().text());
			}
			writeMessage(contextId, commandBytes, dataSet, command);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Wait for the response to a request: the next message, which must be
	 * {@code expected} and answer {@code messageId}. The whole message, command set and
	 * data set, must arrive within the DIMSE timeout from now.
	 * @param messageId the request's message id
	 * @param expected the expected response command field
	 * @return the response
	 * @throws DicomNetworkException on timeout, abort, release by the peer or a protocol
	 * error
	 */
	public DimseMessage receiveResponse(int messageId, CommandField expected) throws DicomNetworkException {
		DimseMessage message = receive(dimseDeadline(), false, () -> "no " + expected.text(), NO_SINKS);
		if (message == null) {
			throw new AssociationClosedException(
					this.peer + " released the association while a " + expected.text() + " was outstanding");
		}
		Command command = message.command();
		if (command.commandField() != expected || command.messageIdBeingRespondedTo() != messageId) {
			throw this.machine.failed("receiving a response", new DicomProtocolException(
					"Expected " + expected.text() + " to message " + messageId + " but received "
							+ command.commandField().text() + " to message " + command.messageIdBeingRespondedTo(),
					AbortReason.UNEXPECTED_PDU_PARAMETER), this.peer);
		}
		return message;
	}

	/**
	 * Wait for the next complete DIMSE message. As acceptor, an A-RELEASE-RQ from the
	 * requestor is answered and ends the association; this method then returns
	 * {@code null}.
	 * @param kind the timer bounding the wait for the message (see
	 * {@link #receive(TimeoutKind, Duration, String, Function)})
	 * @param timeout its timeout
	 * @param detail what is awaited, for a timeout message
	 * @return the message, or {@code null} if the peer released the association
	 * @throws DicomNetworkException on timeout, abort, a protocol error, or a release
	 * while acting as requestor
	 */
	public DimseMessage receive(TimeoutKind kind, Duration timeout, String detail) throws DicomNetworkException {
		return receive(kind, timeout, detail, NO_SINKS);
	}

	/**
	 * Wait for the next complete DIMSE message, streaming its data set to a sink chosen
	 * from its command set. Where the chooser returns {@code null}, the data set is
	 * collected into the returned message instead.
	 * <p>
	 * The timer is a deadline from now: with {@link TimeoutKind#DIMSE} it bounds the
	 * whole message; with another timer (such as {@link TimeoutKind#IDLE} while an
	 * acceptor awaits the next request) it bounds the wait for the message's first PDU,
	 * and from that PDU on the rest of the message must arrive within the DIMSE timeout.
	 * One exception: a data set streamed to a sink may be large and slow, so while it
	 * arrives the DIMSE deadline restarts, at a PDU boundary, each time at least
	 * {@value #STREAMING_PROGRESS} more bytes of it have arrived: a slow but steady peer
	 * goes on, a peer that drips a few bytes per PDU is cut off.
	 * @param kind the timer bounding the wait
	 * @param timeout its timeout
	 * @param detail what is awaited, for a timeout message
	 * @param sinks chooses the sink for a message's data set from its command set
	 * @return the message (with a {@code null} data set when it went to a sink), or
	 * {@code null} if the peer released the association
	 * @throws DicomNetworkException on timeout, abort, a protocol error, a sink failure,
	 * or a release while acting as requestor
	 */
	public DimseMessage receive(TimeoutKind kind, Duration timeout, String detail, Function<Command, DataSetSink> sinks)
			throws DicomNetworkException {
		return receive(Deadline.after(kind, timeout).within(this.overall), kind != TimeoutKind.DIMSE, () -> detail,
				sinks);
	}

	private DimseMessage receive(Deadline first, boolean dimseAfterFirstPdu, Supplier<String> detail,
			Function<Command, DataSetSink> sinks) throws DicomNetworkException {
		if (this.machine.state() != AssociationState.STA6) {
			throw notEstablished("receive a message");
		}
		MessageAssembler assembler = new MessageAssembler(this.contextsById, sinks, this.maxDataSetInMemory, this.peer);
		Supplier<String> awaited = () -> detail.get() + " from " + this.peer;
		Supplier<String> incomplete = () -> detail.get() + " from " + this.peer + ", only part of a message arrived";
		Deadline deadline = first;
		boolean begun = false;
		long progressMark = -1;
		try {
			while (true) {
				if (assembler.isStreamingToSink()
						&& (progressMark < 0 || assembler.streamedBytes() - progressMark >= STREAMING_PROGRESS)) {
					deadline = dimseDeadline();
					progressMark = assembler.streamedBytes();
				}
				PduType type = this.channel.nextType(deadline, begun ? incomplete : awaited);
				if (!begun && dimseAfterFirstPdu) {
					deadline = dimseDeadline();
				}
				begun = true;
				if (type == PduType.P_DATA_TF) {
					if (this.machine.fire(AssociationEvent.EVT10) != AssociationAction.DT_2) {
						throw ProtocolMachine.abortedLocally(this.peer, detail.get());
					}
					this.channel.readPresentationDataValues(deadline, assembler, incomplete);
					if (assembler.message() != null) {
						return assembler.message();
					}
					continue;
				}
				Pdu pdu = (type != null) ? this.channel.read(deadline, incomplete) : null;
				if (this.machine.received(pdu, this.peer, detail.get()) != AssociationAction.AR_2) {
					throw ProtocolMachine.abortedLocally(this.peer, detail.get());
				}
				answerRelease();
				if (this.machine.isRequestor()) {
					throw new AssociationClosedException(this.peer + " released the association: " + detail.get());
				}
				return null;
			}
		}
		catch (IOException ex) {
			throw this.machine.failed("receiving a message", ex, this.peer);
		}
		catch (RuntimeException ex) {
			this.machine.abort(AssociationEvent.EVT15, Abort.byServiceUser());
			throw ex;
		}
	}

	/**
	 * Release the association (PS3.8 Sta6 → Sta7 → Sta1): send A-RELEASE-RQ, wait for the
	 * A-RELEASE-RP, within the ACSE timeout from the sending, and close the connection. A
	 * release collision is resolved as the standard prescribes: the requestor answers the
	 * peer's A-RELEASE-RQ at once (Sta9, Sta11), the acceptor after the A-RELEASE-RP to
	 * its own (Sta10, Sta12).
	 * @throws DicomNetworkException if the peer aborts, times out or violates the
	 * protocol; the connection is closed in every case
	 */
	public void release() throws DicomNetworkException {
		if (this.machine.fire(AssociationEvent.EVT11) == null) {
			throw notEstablished("release");
		}
		String awaited = "no A-RELEASE-RP";
		try {
			Deadline deadline = Deadline.after(TimeoutKind.ACSE, this.timeouts.acse()).within(this.overall);
			this.machine.write(new ReleaseRq());
			while (this.machine.state() != AssociationState.STA1) {
				Pdu pdu = this.channel.read(deadline, () -> awaited + " from " + this.peer);
				switch (this.machine.received(pdu, this.peer, awaited)) {
					case AR_3 -> this.channel.close();
					case AR_8 -> {
						if (this.machine.state() == AssociationState.STA9) {
							this.machine.fire(AssociationEvent.EVT14);
							this.machine.write(new ReleaseRp());
						}
					}
					case AR_10 -> answerRelease();
					default -> logger.debug("Discarding P-DATA-TF from {} received while awaiting A-RELEASE-RP",
							PrintableText.of(this.peer));
				}
			}
		}
		catch (IOException ex) {
			throw this.machine.failed("releasing the association", ex, this.peer);
		}
	}

	/**
	 * Abort the association: send an A-ABORT (service-user) and close the connection.
	 * Safe to call from any thread and more than once.
	 */
	public void abort() {
		this.machine.abort(AssociationEvent.EVT15, Abort.byServiceUser());
	}

	/**
	 * Release the association if it is established, abort it if the release fails, and
	 * close the connection in every case. Never throws.
	 */
	@Override
	public void close() {
		if (isEstablished()) {
			try {
				release();
				return;
			}
			catch (DicomNetworkException ex) {
				logger.debug("Release of the association with {} failed: {}", PrintableText.of(this.peer),
						PrintableText.ofMessage(ex.getMessage()));
			}
		}
		abort();
	}

	@Override
	public String toString() {
		return "Association " + this.localAeTitle + (this.machine.isRequestor() ? " -> " : " <- ") + this.peer + " ("
				+ getState() + ")";
	}

	/**
	 * Give the local A-RELEASE response in Sta8 or Sta12 (AR-4): send the A-RELEASE-RP,
	 * then as acceptor await the requestor's close (within ARTIM from now), as requestor
	 * close the connection.
	 */
	private void answerRelease() throws IOException {
		this.machine.fire(AssociationEvent.EVT14);
		this.machine.write(new ReleaseRp());
		if (this.machine.isRequestor()) {
			this.machine.closeTransport();
		}
		else {
			this.machine.awaitClose(Deadline.after(TimeoutKind.ARTIM, this.timeouts.artim()).within(this.overall));
		}
	}

	private void writeMessage(int contextId, byte[] commandBytes, DataSetSource dataSet, Command command)
			throws DicomNetworkException {
		try {
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
			throw this.machine.failed("sending " + command.commandField().text(), ex, this.peer);
		}
		catch (RuntimeException ex) {
			// a message cut short leaves the peer mid-message: the association cannot go
			// on
			this.machine.abort(AssociationEvent.EVT15, Abort.byServiceUser());
			throw ex;
		}
	}

	/**
	 * The bytes of a data set streamed to a sink that restart the DIMSE deadline.
	 */
	static final int STREAMING_PROGRESS = 4096;

	private Deadline dimseDeadline() {
		return Deadline.after(TimeoutKind.DIMSE, this.timeouts.dimse()).within(this.overall);
	}

	private AssociationClosedException notEstablished(String action) {
		return new AssociationClosedException("Cannot " + action + ": the association with " + this.peer
				+ " is not established (" + getState().description() + ")", null, true);
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
			table.append(String.format("Association %s %s %s negotiated %d presentation contexts:%n",
					PrintableText.escape(this.localAeTitle), this.machine.isRequestor() ? "->" : "<-",
					PrintableText.escape(this.peer), this.contexts.size()));
			table.append(
					String.format("  %3s  %-56s  %-50s  %s%n", "ID", "Abstract Syntax", "Result", "Transfer Syntax"));
			for (NegotiatedContext context : this.contexts) {
				table.append(String.format("  %3d  %-56s  %-50s  %s%n", context.id(),
						PrintableText.escape(UidDictionary.nameOf(context.abstractSyntax())), context.result().text(),
						context.isAccepted() ? PrintableText.escape(UidDictionary.nameOf(context.transferSyntax()))
								: "-"));
			}
			logger.debug(table.toString().stripTrailing());
		}
	}

}
