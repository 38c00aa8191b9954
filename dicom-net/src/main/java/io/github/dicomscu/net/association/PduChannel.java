package io.github.dicomscu.net.association;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;

import io.github.dicomscu.net.pdu.Pdu;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PduType;
import io.github.dicomscu.net.pdu.PresentationDataValueHandler;

/**
 * A TCP connection that carries PDUs: reads one PDU at a time under a named timer and
 * writes PDUs through a buffer. Knows nothing of the association state machine.
 */
final class PduChannel {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final Socket socket;

	private final PduDecoder decoder;

	private final TimedOutputStream timedOut;

	private final OutputStream out;

	/**
	 * Create a channel over a connected socket.
	 * @param socket the socket
	 * @param maximumReceiveLength the maximum P-DATA-TF length received, 0 for no limit
	 * @param writeTimeout how long one write may block on a peer that does not read
	 * @throws IOException if the socket's streams cannot be opened
	 */
	PduChannel(Socket socket, long maximumReceiveLength, Duration writeTimeout) throws IOException {
		this.socket = socket;
		this.decoder = new PduDecoder(new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE),
				maximumReceiveLength);
		this.timedOut = new TimedOutputStream(socket, TimeoutKind.DIMSE, writeTimeout);
		this.out = new BufferedOutputStream(this.timedOut, BUFFER_SIZE);
	}

	/**
	 * Read the next PDU, waiting at most {@code timeout}.
	 * @param kind the timer that bounds the wait
	 * @param timeout the timeout
	 * @param detail what is awaited, for the timeout message
	 * @return the PDU, or {@code null} if the peer closed the connection between PDUs
	 * @throws IOException on timeout, a protocol violation or an I/O error
	 */
	Pdu read(TimeoutKind kind, Duration timeout, String detail) throws IOException {
		this.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
		try {
			return this.decoder.read();
		}
		catch (SocketTimeoutException ex) {
			throw new DicomTimeoutException(kind, timeout, detail);
		}
	}

	/**
	 * Read the header of the next PDU, waiting at most {@code timeout}.
	 * @param kind the timer that bounds the wait
	 * @param timeout the timeout
	 * @param detail what is awaited, for the timeout message
	 * @return the PDU type, or {@code null} if the peer closed the connection between
	 * PDUs
	 * @throws IOException on timeout, a protocol violation or an I/O error
	 */
	PduType nextType(TimeoutKind kind, Duration timeout, String detail) throws IOException {
		this.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
		try {
			return this.decoder.nextType();
		}
		catch (SocketTimeoutException ex) {
			throw new DicomTimeoutException(kind, timeout, detail);
		}
	}

	/**
	 * Stream the presentation data values of the P-DATA-TF whose header {@link #nextType}
	 * read, under the timer already set.
	 * @param handler receives the values
	 * @throws IOException on timeout, a protocol violation, a handler failure or an I/O
	 * error
	 */
	void readPresentationDataValues(PresentationDataValueHandler handler) throws IOException {
		try {
			this.decoder.readPresentationDataValues(handler);
		}
		catch (SocketTimeoutException ex) {
			throw new DicomTimeoutException(TimeoutKind.DIMSE, Duration.ofMillis(this.socket.getSoTimeout()),
					"the rest of a P-DATA-TF PDU did not arrive");
		}
	}

	void write(Pdu pdu) throws IOException {
		PduEncoder.write(pdu, this.out);
		this.out.flush();
	}

	/**
	 * Return the channel for P-DATA-TF PDUs assembled in a buffer, timed like every
	 * write. Bypasses the stream's buffer, which is empty between PDUs
	 * ({@link #write(Pdu)} flushes).
	 * @return the channel
	 */
	WritableByteChannel pDataOutput() {
		return this.timedOut;
	}

	void flush() throws IOException {
		this.out.flush();
	}

	boolean isClosed() {
		return this.socket.isClosed();
	}

	Socket socket() {
		return this.socket;
	}

	void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway: nothing left to do with this connection
		}
	}

}
