package io.github.dicomscu.net.association;

import java.time.Duration;

/**
 * The timers an association runs with. Every timer is a deadline for a whole phase,
 * started once and not restarted by the bytes that arrive, so a peer that stops answering
 * or drips one byte at a time ends in a
 * {@link io.github.dicomscu.net.association.DicomTimeoutException} naming the timer. One
 * exception: while a data set streams to a {@link DataSetSink} (a C-STORE-RQ at an SCP, a
 * C-STORE sub-operation of a C-GET), which may be large and slow on a wide-area network,
 * the DIMSE deadline restarts at a PDU boundary each time another 4 KiB of it have
 * arrived: a slow but steady peer goes on, one that drips a few bytes per PDU is cut off.
 * A requestor may also set an overall timeout for the association's whole use
 * ({@link AssociationRequest.Builder#overallTimeout}), which ends every one of these
 * waits that would end later.
 *
 * @param connect how long establishing the TCP connection may take
 * @param acse how long an association request may take, from the sending of the
 * A-ASSOCIATE-RQ until the whole A-ASSOCIATE-AC or -RJ has arrived, and a release, from
 * the sending of the A-RELEASE-RQ until the A-RELEASE-RP has arrived
 * @param dimse how long a DIMSE response may take, from the start of its wait until the
 * whole message (command set and data set) has arrived; for an incoming request, how long
 * it may take from its first PDU on; for a data set streamed to a sink, how long each of
 * its PDUs may take; and how long one write may block on a peer that does not read
 * @param idle how long an acceptor waits for the first PDU of the next request
 * @param artim the PS3.8 ARTIM timer: how long an acceptor waits for the whole
 * A-ASSOCIATE-RQ after a connection is accepted, or for the peer to close the connection
 * after a release or reject
 */
public record AssociationTimeouts(Duration connect, Duration acse, Duration dimse, Duration idle, Duration artim) {

	/** Default connect timeout: 10 seconds. */
	public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);

	/** Default ACSE timeout: 30 seconds. */
	public static final Duration DEFAULT_ACSE = Duration.ofSeconds(30);

	/** Default DIMSE timeout: 30 seconds. */
	public static final Duration DEFAULT_DIMSE = Duration.ofSeconds(30);

	/** Default network idle timeout: 60 seconds. */
	public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

	/** Default ARTIM timeout: 30 seconds. */
	public static final Duration DEFAULT_ARTIM = Duration.ofSeconds(30);

	/**
	 * Default grace period a peer has, after a C-CANCEL-RQ, to send the final response of
	 * a C-FIND, C-MOVE or C-GET: 5 seconds.
	 */
	public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(5);

	/** Upper bound for every timer: one day. */
	public static final Duration MAXIMUM = Duration.ofDays(1);

	public AssociationTimeouts {
		check("connect", connect);
		check("acse", acse);
		check("dimse", dimse);
		check("idle", idle);
		check("artim", artim);
	}

	/**
	 * Return the default timeouts.
	 * @return the defaults
	 */
	public static AssociationTimeouts defaults() {
		return new AssociationTimeouts(DEFAULT_CONNECT, DEFAULT_ACSE, DEFAULT_DIMSE, DEFAULT_IDLE, DEFAULT_ARTIM);
	}

	public AssociationTimeouts withConnect(Duration connect) {
		return new AssociationTimeouts(connect, this.acse, this.dimse, this.idle, this.artim);
	}

	public AssociationTimeouts withAcse(Duration acse) {
		return new AssociationTimeouts(this.connect, acse, this.dimse, this.idle, this.artim);
	}

	public AssociationTimeouts withDimse(Duration dimse) {
		return new AssociationTimeouts(this.connect, this.acse, dimse, this.idle, this.artim);
	}

	public AssociationTimeouts withIdle(Duration idle) {
		return new AssociationTimeouts(this.connect, this.acse, this.dimse, idle, this.artim);
	}

	public AssociationTimeouts withArtim(Duration artim) {
		return new AssociationTimeouts(this.connect, this.acse, this.dimse, this.idle, artim);
	}

	/**
	 * Check one timer: set, positive and at most {@link #MAXIMUM}. The one place that
	 * checks a timeout of the engine, the library or their configuration.
	 * @param name the timer's name, for the message (such as "dimse")
	 * @param value the timeout
	 * @return the timeout
	 * @throws IllegalArgumentException if it is {@code null}, not positive or longer than
	 * {@link #MAXIMUM}
	 */
	public static Duration check(String name, Duration value) {
		if (value == null) {
			throw new IllegalArgumentException(name + " timeout must be set");
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " timeout must be positive, was " + value);
		}
		if (value.compareTo(MAXIMUM) > 0) {
			throw new IllegalArgumentException(name + " timeout must be at most " + MAXIMUM + ", was " + value);
		}
		return value;
	}

}
