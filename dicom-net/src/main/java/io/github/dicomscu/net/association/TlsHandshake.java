package io.github.dicomscu.net.association;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;

/**
 * Secures a connected socket with TLS: layers an {@link SSLSocket} over it and completes
 * the handshake before a hard deadline (the socket is closed when it passes, however
 * slowly the peer drips its bytes). A failed handshake is reported as a
 * {@link DicomTlsException} saying why, a missed deadline as a
 * {@link DicomTimeoutException}; the socket is then closed.
 * <p>
 * The handshake runs on the caller's thread: an acceptor calls
 * {@link #accept(Socket, TlsSettings, Duration)} on the thread that serves the
 * association, so a peer that never completes its handshake holds no other.
 */
public final class TlsHandshake {

	/** The TLS record content type of a handshake message, the first byte of a hello. */
	private static final int HANDSHAKE_RECORD = 0x16;

	/** The TLS record content type of an alert. */
	private static final int ALERT_RECORD = 0x15;

	/**
	 * A fatal unexpected_message alert in a TLS 1.2 record, sent to a plain peer on a TLS
	 * port so that it can tell what happened.
	 */
	private static final byte[] UNEXPECTED_MESSAGE_ALERT = { ALERT_RECORD, 3, 3, 0, 2, 2, 10 };

	/** The alerts a TLS server sends when it refuses or misses the client certificate. */
	private static final List<String> CLIENT_CERTIFICATE_ALERTS = List.of("bad_certificate", "certificate_required",
			"unknown_ca", "certificate_unknown", "access_denied", "unsupported_certificate", "certificate_revoked",
			"certificate_expired");

	private static final ScheduledThreadPoolExecutor deadlines = DaemonScheduler.create("dicom-tls-handshake-deadline");

	private TlsHandshake() {
	}

	/**
	 * Secure an accepted connection: wait for the requestor's TLS hello and complete the
	 * handshake as server. A plain DICOM requestor (its first byte is not a TLS handshake
	 * record) is sent a fatal TLS alert and refused.
	 * @param socket the accepted connection
	 * @param tls the acceptor's TLS settings
	 * @param timeout the deadline for the whole handshake (the acceptor's ARTIM timeout)
	 * @return the secured connection
	 * @throws DicomTlsException if the requestor is not a TLS peer or the handshake fails
	 * @throws DicomTimeoutException if the handshake does not complete in time
	 * @throws AssociationClosedException if the requestor closes the connection first
	 */
	public static SSLSocket accept(Socket socket, TlsSettings tls, Duration timeout) throws DicomNetworkException {
		String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
		HandshakeWatchdog deadline = new HandshakeWatchdog(socket, timeout);
		try {
			InputStream in = socket.getInputStream();
			socket.setSoTimeout(deadline.millis());
			int first = in.read();
			if (first < 0) {
				throw new AssociationClosedException(peer + " closed the connection before its TLS handshake");
			}
			if (first != HANDSHAKE_RECORD) {
				socket.getOutputStream().write(UNEXPECTED_MESSAGE_ALERT);
				throw new DicomTlsException(TlsFailure.NOT_A_TLS_PEER, peer,
						String.format("its first byte 0x%02X is not a TLS hello", first), null);
			}
			SSLSocket secured = (SSLSocket) tls.getContext()
				.getSocketFactory()
				.createSocket(socket, new ByteArrayInputStream(new byte[] { (byte) first }), true);
			secured.setUseClientMode(false);
			secured.setSSLParameters(tls.parameters(false));
			return handshake(secured, deadline, TimeoutKind.ARTIM, peer, false);
		}
		catch (SocketTimeoutException ex) {
			throw deadline.expired(TimeoutKind.ARTIM, peer);
		}
		catch (DicomNetworkException ex) {
			deadline.close();
			throw ex;
		}
		catch (IOException ex) {
			deadline.close();
			if (deadline.hasPassed()) {
				throw deadline.expired(TimeoutKind.ARTIM, peer);
			}
			throw new AssociationClosedException("The TLS connection from " + peer + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Secure a connection to a peer as client, verifying its certificate against the host
	 * (name or IP address) connected to unless the settings say otherwise.
	 * @param socket the connected socket
	 * @param tls the requestor's TLS settings
	 * @param host the host connected to
	 * @param port the port connected to
	 * @param timeout what is left of the connect timeout
	 * @param connectTimeout the connect timeout, for the message
	 * @param peer the peer, for messages
	 * @return the secured connection
	 * @throws DicomTlsException if the handshake fails
	 * @throws DicomTimeoutException if the handshake does not complete in time
	 */
	static SSLSocket connect(Socket socket, TlsSettings tls, String host, int port, Duration timeout,
			Duration connectTimeout, String peer) throws DicomNetworkException {
		HandshakeWatchdog deadline = new HandshakeWatchdog(socket, timeout);
		try {
			SSLSocket secured = (SSLSocket) tls.getContext().getSocketFactory().createSocket(socket, host, port, true);
			secured.setUseClientMode(true);
			secured.setSSLParameters(tls.parameters(true));
			return handshake(secured, deadline, TimeoutKind.CONNECT, peer, true);
		}
		catch (DicomTimeoutException ex) {
			throw new DicomTimeoutException(TimeoutKind.CONNECT, connectTimeout,
					"the TLS handshake with " + peer + " did not complete");
		}
		catch (DicomNetworkException ex) {
			throw ex;
		}
		catch (IOException ex) {
			deadline.close();
			throw new DicomConnectException("Cannot secure the connection to " + peer + ": " + ex.getMessage(), host,
					port, ex);
		}
	}

	/**
	 * Return a failure while negotiating an association as the exception that says what
	 * went wrong with TLS, if it is about TLS: an alert or record error on a TLS
	 * connection; on a TLS 1.3 connection, the peer closing it before answering the
	 * A-ASSOCIATE-RQ (a TLS 1.3 server refuses the client's certificate after the
	 * client's handshake completed, and its alert may be lost to the reset); or a TLS
	 * alert, or a connection reset, answering a plain A-ASSOCIATE-RQ.
	 * @param ex the failure
	 * @param socket the connection
	 * @param peer the peer, for messages
	 * @return the failure to report: a {@link DicomTlsException}, or {@code ex}
	 */
	static IOException explain(IOException ex, Socket socket, String peer) {
		if (socket instanceof SSLSocket secured) {
			if (ex instanceof SSLException ssl) {
				return failure(ssl, peer, true);
			}
			boolean closed = !(ex instanceof DicomNetworkException) || ex instanceof AssociationClosedException;
			if (closed && "TLSv1.3".equals(secured.getSession().getProtocol())) {
				return new DicomTlsException(TlsFailure.CLIENT_CERTIFICATE_REFUSED, peer,
						"it closed the connection after the TLS 1.3 handshake without answering, as a server does "
								+ "that refuses the client's certificate: " + ex.getMessage(),
						ex);
			}
			return ex;
		}
		if (ex instanceof DicomProtocolException protocolError
				&& protocolError.getAbortReason() == AbortReason.UNRECOGNIZED_PDU
				&& String.valueOf(ex.getMessage()).endsWith(String.format("0x%02X", ALERT_RECORD))) {
			return new DicomTlsException(TlsFailure.PEER_EXPECTS_TLS, peer,
					"it answered the A-ASSOCIATE-RQ with a TLS alert", ex);
		}
		if (!(ex instanceof DicomNetworkException) && String.valueOf(ex.getMessage()).contains("Connection reset")) {
			return new DicomTlsException(TlsFailure.PEER_EXPECTS_TLS, peer,
					"it reset the connection instead of answering the A-ASSOCIATE-RQ, as a TLS server does that "
							+ "receives plain TCP",
					ex);
		}
		return ex;
	}

	private static SSLSocket handshake(SSLSocket secured, HandshakeWatchdog deadline, TimeoutKind kind, String peer,
			boolean requestor) throws IOException {
		try {
			secured.setSoTimeout(deadline.millis());
			secured.startHandshake();
			deadline.cancel();
			return secured;
		}
		catch (SocketTimeoutException ex) {
			throw deadline.expired(kind, peer);
		}
		catch (SSLException ex) {
			deadline.close();
			if (deadline.hasPassed()) {
				throw deadline.expired(kind, peer);
			}
			throw failure(ex, peer, requestor);
		}
		catch (SocketException | EOFException ex) {
			deadline.close();
			if (deadline.hasPassed()) {
				throw deadline.expired(kind, peer);
			}
			throw new DicomTlsException(requestor ? TlsFailure.NOT_A_TLS_PEER : TlsFailure.HANDSHAKE_FAILED, peer,
					"the connection ended during the handshake: " + ex.getMessage(), ex);
		}
	}

	private static DicomTlsException failure(SSLException ex, String peer, boolean requestor) {
		return new DicomTlsException(classify(ex, requestor), peer, ex.getMessage(), ex);
	}

	private static TlsFailure classify(SSLException ex, boolean requestor) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException
					|| (cause instanceof CertPathValidatorException invalid
							&& (invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED
									|| invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID))) {
				return TlsFailure.CERTIFICATE_EXPIRED;
			}
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (cause instanceof CertificateException
					&& (message.startsWith("No subject alternative") || message.startsWith("No name matching"))) {
				return TlsFailure.HOSTNAME_MISMATCH;
			}
			if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
					|| message.startsWith("Empty client certificate chain")) {
				return TlsFailure.UNTRUSTED_CERTIFICATE;
			}
		}
		String message = String.valueOf(ex.getMessage());
		if (message.contains("Unsupported or unrecognized SSL message")) {
			return TlsFailure.NOT_A_TLS_PEER;
		}
		if (requestor && message.startsWith("Received fatal alert: ")
				&& CLIENT_CERTIFICATE_ALERTS.contains(message.substring("Received fatal alert: ".length()))) {
			return TlsFailure.CLIENT_CERTIFICATE_REFUSED;
		}
		if (requestor && ex instanceof SSLHandshakeException && ex.getCause() instanceof EOFException) {
			return TlsFailure.NOT_A_TLS_PEER;
		}
		return TlsFailure.HANDSHAKE_FAILED;
	}

	/**
	 * The deadline of one handshake: closes the plain socket when it passes.
	 */
	private static final class HandshakeWatchdog {

		private final Socket socket;

		private final Duration timeout;

		private final long end;

		private final AtomicBoolean passed = new AtomicBoolean();

		private final ScheduledFuture<?> closer;

		HandshakeWatchdog(Socket socket, Duration timeout) {
			this.socket = socket;
			this.timeout = timeout;
			this.end = System.nanoTime() + timeout.toNanos();
			this.closer = deadlines.schedule(() -> {
				this.passed.set(true);
				close();
			}, timeout.toNanos(), TimeUnit.NANOSECONDS);
		}

		int millis() {
			long left = TimeUnit.NANOSECONDS.toMillis(this.end - System.nanoTime());
			return (int) Math.min(Integer.MAX_VALUE, Math.max(1, left));
		}

		boolean hasPassed() {
			return this.passed.get() || System.nanoTime() - this.end >= 0;
		}

		void cancel() {
			this.closer.cancel(false);
		}

		DicomTimeoutException expired(TimeoutKind kind, String peer) {
			close();
			return new DicomTimeoutException(kind, this.timeout,
					"the TLS handshake with " + peer + " did not complete");
		}

		void close() {
			this.closer.cancel(false);
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// the handshake has failed either way
			}
		}

	}

}
