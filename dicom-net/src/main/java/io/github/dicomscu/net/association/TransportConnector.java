package io.github.dicomscu.net.association;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * Opens the transport connection of an association: connects a requestor's socket (local
 * bind, connect timeout; with TLS the handshake too, before the same deadline) or takes
 * an acceptor's accepted socket, and wraps it in a {@link PduChannel}. Knows nothing of
 * the protocol machine.
 */
final class TransportConnector {

	private TransportConnector() {
	}

	/**
	 * Connect to the peer of a request (PS3.8 AE-1, the TRANSPORT CONNECT request).
	 * @param request the request
	 * @param overall the request's overall deadline, or {@code null} for none
	 * @return the connection
	 * @throws DicomConnectException if the connection or the local bind fails
	 * @throws DicomTimeoutException if the connect timeout or the overall deadline
	 * expires (the TLS handshake included)
	 * @throws DicomTlsException if the TLS handshake fails
	 */
	static PduChannel connect(AssociationRequest request, Deadline overall) throws DicomNetworkException {
		Deadline deadline = Deadline.after(TimeoutKind.CONNECT, request.getTimeouts().connect()).within(overall);
		Socket socket = open(request, deadline);
		TlsSettings tls = request.getTls();
		if (tls != null) {
			try {
				socket = TlsHandshake.connect(socket, tls, request.getHost(), request.getPort(),
						Duration.ofMillis(deadline.remainingMillis()), request.getTimeouts().connect(),
						request.describePeer());
			}
			catch (DicomTimeoutException ex) {
				// the connect timer or the overall one, whichever ends first, names
				// itself
				throw deadline.expired("the TLS handshake with " + request.describePeer() + " did not complete");
			}
		}
		try {
			return new PduChannel(socket, request.getMaxPduLength(), request.getTimeouts().dimse(), overall);
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new DicomConnectException(
					"Cannot use the connection to " + request.describePeer() + ": " + ex.getMessage(),
					request.getHost(), request.getPort(), ex);
		}
	}

	/**
	 * Take an accepted connection (PS3.8 AE-5, the transport connection response).
	 * @param socket the accepted socket
	 * @param settings the acceptor's settings
	 * @param peer the peer, for messages
	 * @return the connection
	 * @throws AssociationClosedException if the connection cannot be used
	 */
	static PduChannel accepted(Socket socket, AcceptorSettings settings, String peer)
			throws AssociationClosedException {
		try {
			socket.setTcpNoDelay(true);
			return new PduChannel(socket, settings.maxPduLength(), settings.timeouts().dimse(), null);
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new AssociationClosedException("Cannot use the connection from " + peer + ": " + ex.getMessage(), ex);
		}
	}

	private static Socket open(AssociationRequest request, Deadline deadline) throws DicomNetworkException {
		String peer = request.describePeer();
		Socket socket;
		try {
			// a socket channel's socket: P-DATA-TF PDUs are written from a direct buffer
			// without a copy
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
			try {
				socket.connect(new InetSocketAddress(request.getHost(), request.getPort()), deadline.remainingMillis());
			}
			catch (SocketTimeoutException ex) {
				throw deadline.expired("no connection to " + peer);
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

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing more to do with a socket that failed to close
		}
	}

}
