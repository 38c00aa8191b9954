package io.github.dicomscu.net.association;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.dicomscu.net.pdu.Pdu;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PduType;
import io.github.dicomscu.net.pdu.PresentationDataValueHandler;

/**
 * A TCP connection that carries PDUs: reads one PDU at a time by a {@link Deadline} (the
 * time left to it bounds every read from the socket) and writes PDUs through a buffer.
 * Knows nothing of the association state machine.
 */
final class PduChannel {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final Socket socket;

	private final DeadlineInputStream in;

	private final PduDecoder decoder;

	private final TimedOutputStream timedOut;

	private final OutputStream out;

	/**
	 * Create a channel over a connected socket.
	 * @param socket the socket
	 * @param maximumReceiveLength the maximum P-DATA-TF length received, 0 for no limit
	 * @param writeTimeout how long one write may block on a peer that does not read
	 * @param overall the deadline every write also ends by, or {@code null} for none
	 * @throws IOException if the socket's streams cannot be opened
	 */
	PduChannel(Socket socket, long maximumReceiveLength, Duration writeTimeout, Deadline overall) throws IOException {
		this.socket = socket;
		this.in = new DeadlineInputStream(socket);
		this.decoder = new PduDecoder(new BufferedInputStream(this.in, BUFFER_SIZE), maximumReceiveLength);
		this.timedOut = new TimedOutputStream(socket, TimeoutKind.DIMSE, writeTimeout, overall);
		this.out = new BufferedOutputStream(this.timedOut, BUFFER_SIZE);
	}

	/**
	 * Read the next PDU, all of it by the deadline.
	 * @param deadline when the wait ends
	 * @param detail what is awaited, for the timeout message; built only on timeout
	 * @return the PDU, or {@code null} if the peer closed the connection between PDUs
	 * @throws IOException on timeout, a protocol violation or an I/O error
	 */
	Pdu read(Deadline deadline, Supplier<String> detail) throws IOException {
		this.in.setDeadline(deadline);
		try {
			return this.decoder.read();
		}
		catch (SocketTimeoutException ex) {
			throw deadline.expired(detail.get());
		}
	}

	/**
	 * Read the header of the next PDU by the deadline, which then also bounds the reading
	 * of its body.
	 * @param deadline when the wait ends
	 * @param detail what is awaited, for the timeout message; built only on timeout
	 * @return the PDU type, or {@code null} if the peer closed the connection between
	 * PDUs
	 * @throws IOException on timeout, a protocol violation or an I/O error
	 */
	PduType nextType(Deadline deadline, Supplier<String> detail) throws IOException {
		this.in.setDeadline(deadline);
		try {
			return this.decoder.nextType();
		}
		catch (SocketTimeoutException ex) {
			throw deadline.expired(detail.get());
		}
	}

	/**
	 * Stream the presentation data values of the P-DATA-TF whose header {@link #nextType}
	 * read, all of them by the deadline.
	 * @param deadline when the wait ends
	 * @param handler receives the values
	 * @param detail what is awaited, for the timeout message; built only on timeout
	 * @throws IOException on timeout, a protocol violation, a handler failure or an I/O
	 * error
	 */
	void readPresentationDataValues(Deadline deadline, PresentationDataValueHandler handler, Supplier<String> detail)
			throws IOException {
		this.in.setDeadline(deadline);
		try {
			this.decoder.readPresentationDataValues(handler);
		}
		catch (SocketTimeoutException ex) {
			throw deadline.expired(detail.get());
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
