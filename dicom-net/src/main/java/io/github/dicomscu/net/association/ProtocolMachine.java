package io.github.dicomscu.net.association;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.net.pdu.Abort;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.Pdu;

/**
 * The DICOM upper layer protocol machine of one connection (PS3.8 section 9.2): its
 * state, moved only by {@link #fire(AssociationEvent, boolean)} along
 * {@link TransitionTable}, and the actions that end an association (sending an A-ABORT,
 * awaiting or closing the transport connection). Every path of the engine feeds its
 * events here: requests, responses, sends, received PDUs, timers, closed connections and
 * protocol errors.
 * <p>
 * Two local choices the standard leaves open: after it sent an A-ABORT the engine does
 * not wait for the peer to close the connection but closes it itself, and that closing is
 * the transport connection closed indication (Evt17) that ends Sta13; and an A-ABORT
 * answering an invalid or unexpected PDU carries the service-provider source with the
 * reason, in Sta2 (AA-1) as in every other state (AA-8), so that the peer learns what was
 * wrong.
 */
final class ProtocolMachine {

	private static final Logger logger = LoggerFactory.getLogger(ProtocolMachine.class);

	private final PduChannel channel;

	private final boolean requestor;

	private final ReentrantLock writeLock = new ReentrantLock();

	private volatile AssociationState state = AssociationState.STA1;

	/**
	 * Create the machine of a connection, in Sta1.
	 * @param channel the connection
	 * @param requestor whether this side is the association-requestor
	 */
	ProtocolMachine(PduChannel channel, boolean requestor) {
		this.channel = channel;
		this.requestor = requestor;
	}

	AssociationState state() {
		return this.state;
	}

	boolean isRequestor() {
		return this.requestor;
	}

	PduChannel channel() {
		return this.channel;
	}

	/**
	 * Return the lock every writer of PDUs holds, so that PDUs never interleave.
	 * @return the lock
	 */
	ReentrantLock writeLock() {
		return this.writeLock;
	}

	/**
	 * Take the transition PS3.8 Table 9-10 prescribes for an event in the current state:
	 * the only writer of the state. An empty cell leaves the state as it is.
	 * @param event the event
	 * @param acceptable for AE-6, whether the A-ASSOCIATE-RQ is acceptable by the
	 * service-provider; ignored by every other action
	 * @return the action the caller carries out, or {@code null} if the cell is empty
	 */
	synchronized AssociationAction fire(AssociationEvent event, boolean acceptable) {
		AssociationAction action = TransitionTable.action(this.state, event);
		if (action != null) {
			this.state = action.nextState((action == AssociationAction.AR_8) ? this.requestor : acceptable);
		}
		return action;
	}

	/**
	 * Take the transition for an event whose action does not depend on acceptability.
	 * @param event the event
	 * @return the action, or {@code null} if the cell is empty
	 * @see #fire(AssociationEvent, boolean)
	 */
	AssociationAction fire(AssociationEvent event) {
		return fire(event, true);
	}

	/**
	 * Feed a received PDU, or the end of the connection, to the machine and carry out the
	 * actions that end the association: the peer's abort (AA-2, AA-3), the closed
	 * connection (AA-4, AA-5) and an unexpected PDU (AA-1, AA-7, AA-8, answered with an
	 * A-ABORT).
	 * @param pdu the PDU, or {@code null} if the peer closed the connection
	 * @param acceptable for an A-ASSOCIATE-RQ in Sta2, whether the service-provider
	 * accepts it
	 * @param peer the peer, for messages
	 * @param detail what was awaited, such as "no A-RELEASE-RP"
	 * @return the action left to the caller (AE-3, AE-4, AE-6, DT-2, AR-2, AR-3, AR-6,
	 * AR-8, AR-10 or AA-6)
	 * @throws DicomNetworkException if the association ended
	 */
	AssociationAction received(Pdu pdu, boolean acceptable, String peer, String detail) throws DicomNetworkException {
		AssociationState before = this.state;
		AssociationEvent event = AssociationEvent.received(pdu);
		AssociationAction action = fire(event, acceptable);
		if (action == null) {
			closeTransport();
			throw abortedLocally(peer, detail);
		}
		switch (action) {
			case AA_2, AA_3 -> {
				this.channel.close();
				Abort abort = (Abort) pdu;
				throw new AssociationAbortedException(peer, abort.source(), abort.reason());
			}
			case AA_4, AA_5 -> {
				this.channel.close();
				throw new AssociationClosedException(peer + " closed the connection: " + detail);
			}
			case AA_1, AA_7, AA_8 -> {
				DicomProtocolException ex = new DicomProtocolException("Unexpected " + event.pduName() + " from " + peer
						+ " in state " + label(before) + " (" + before.description() + ")", AbortReason.UNEXPECTED_PDU);
				sendAbort(Abort.byServiceProvider(ex.getAbortReason()));
				closeTransport();
				throw ex;
			}
			default -> {
				return action;
			}
		}
	}

	/**
	 * Feed a received PDU whose acceptance is not in question.
	 * @param pdu the PDU, or {@code null} if the peer closed the connection
	 * @param peer the peer, for messages
	 * @param detail what was awaited
	 * @return the action left to the caller
	 * @throws DicomNetworkException if the association ended
	 * @see #received(Pdu, boolean, String, String)
	 */
	AssociationAction received(Pdu pdu, String peer, String detail) throws DicomNetworkException {
		return received(pdu, true, peer, detail);
	}

	/**
	 * Feed a failure of a read or write to the machine and return it as the exception to
	 * throw: an invalid PDU (Evt19) is answered with an A-ABORT carrying its reason, an
	 * expired ARTIM timer (Evt18) closes the connection, any other timeout is a local
	 * A-ABORT request (Evt15), so is a data set over the in-memory limit, and any other
	 * failure is the closing of the connection (Evt17).
	 * @param activity what failed, such as "receiving a message"
	 * @param ex the failure
	 * @param peer the peer, for messages
	 * @return the exception to throw
	 */
	DicomNetworkException failed(String activity, IOException ex, String peer) {
		if (ex instanceof DicomProtocolException protocolError) {
			abort(AssociationEvent.EVT19, Abort.byServiceProvider(protocolError.getAbortReason()));
			return protocolError;
		}
		if (ex instanceof DicomTimeoutException timeout) {
			if (timeout.getKind() == TimeoutKind.ARTIM) {
				fire(AssociationEvent.EVT18);
				closeTransport();
			}
			else {
				abort(AssociationEvent.EVT15, Abort.byServiceUser());
			}
			return timeout;
		}
		if (ex instanceof DataSetTooLargeException tooLarge) {
			abort(AssociationEvent.EVT15, Abort.byServiceUser());
			return tooLarge;
		}
		boolean abortedLocally = this.state == AssociationState.STA1;
		closeTransport();
		if (ex instanceof DicomNetworkException networkError) {
			return networkError;
		}
		return new AssociationClosedException(
				abortedLocally ? "The association with " + peer + " was aborted locally while " + activity
						: "Connection to " + peer + " failed while " + activity + ": " + ex.getMessage(),
				ex, abortedLocally);
	}

	/**
	 * Abort: feed the event (a local A-ABORT request, or an invalid PDU), send the
	 * A-ABORT PDU where the action says so and close the connection. Safe from any
	 * thread, and more than once; a writer blocked on the connection does not delay it.
	 * @param event {@link AssociationEvent#EVT15} or {@link AssociationEvent#EVT19}
	 * @param abort the A-ABORT PDU sent
	 */
	void abort(AssociationEvent event, Abort abort) {
		AssociationAction action = fire(event);
		if (action == AssociationAction.AA_1 || action == AssociationAction.AA_7 || action == AssociationAction.AA_8) {
			sendAbort(abort);
		}
		closeTransport();
	}

	/**
	 * Wait in Sta13 for the peer to close the connection, ignoring PDUs as the standard
	 * says, until the ARTIM deadline passes; then close the connection.
	 * @param artim the ARTIM deadline, started when the wait began
	 */
	void awaitClose(Deadline artim) {
		try {
			while (this.state == AssociationState.STA13) {
				Pdu pdu = this.channel.read(artim, () -> "the peer did not close the connection");
				if (fire(AssociationEvent.received(pdu)) == AssociationAction.AA_7) {
					sendAbort(Abort.byServiceProvider(AbortReason.UNEXPECTED_PDU));
				}
			}
		}
		catch (DicomTimeoutException ex) {
			logger.debug("Closing the connection after the ARTIM wait: {}", PrintableText.ofMessage(ex.getMessage()));
			fire(AssociationEvent.EVT18);
		}
		catch (IOException ex) {
			logger.debug("Closing the connection while awaiting its close: {}",
					PrintableText.ofMessage(ex.getMessage()));
		}
		closeTransport();
	}

	/**
	 * Close the connection; the machine takes this as the transport connection closed
	 * indication (Evt17), which ends Sta13 and is ignored in Sta1.
	 */
	void closeTransport() {
		this.channel.close();
		fire(AssociationEvent.EVT17);
	}

	/**
	 * Write a PDU that the action of the current transition sends, holding the write
	 * lock.
	 * @param pdu the PDU
	 * @throws IOException if the write fails
	 */
	void write(Pdu pdu) throws IOException {
		this.writeLock.lock();
		try {
			this.channel.write(pdu);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private void sendAbort(Abort abort) {
		if (this.channel.isClosed() || !this.writeLock.tryLock()) {
			return;
		}
		try {
			this.channel.write(abort);
		}
		catch (IOException ex) {
			logger.debug("Could not send A-ABORT: {}", PrintableText.ofMessage(ex.getMessage()));
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Return the failure of a step that found the association aborted locally, by another
	 * thread, under its feet.
	 * @param peer the peer
	 * @param detail what was awaited
	 * @return the exception to throw
	 */
	static AssociationClosedException abortedLocally(String peer, String detail) {
		return new AssociationClosedException("The association with " + peer + " was aborted locally: " + detail, null,
				true);
	}

	/**
	 * Return a state as the standard names it, such as {@code Sta6}.
	 * @param state the state
	 * @return the name
	 */
	static String label(AssociationState state) {
		return "Sta" + (state.ordinal() + 1);
	}

}
