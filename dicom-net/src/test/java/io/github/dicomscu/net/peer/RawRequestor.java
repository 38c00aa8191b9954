package io.github.dicomscu.net.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextRq;
import io.github.dicomscu.net.pdu.PresentationDataValue;
import io.github.dicomscu.net.pdu.UserInformation;

/**
 * A hostile requestor for tests on a raw socket: proposes contexts with any announced
 * maximum PDU length, and sends command sets and data set fragments of any size, whatever
 * the command says.
 */
public final class RawRequestor implements AutoCloseable {

	private static final int CALLING_AE_TITLE_OFFSET = 26;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	/**
	 * Connect to an acceptor.
	 * @param port the acceptor's loopback port
	 * @throws IOException if the connection fails
	 */
	public RawRequestor(int port) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(10_000);
		this.in = this.socket.getInputStream();
		this.out = this.socket.getOutputStream();
	}

	/**
	 * Send an A-ASSOCIATE-RQ proposing each abstract syntax, in Implicit VR Little
	 * Endian, on ids 1, 3, 5, …, and return the answer.
	 * @param maxPduLength the maximum length announced
	 * @param abstractSyntaxes the abstract syntax UIDs
	 * @return the answer PDU's bytes
	 * @throws IOException if the exchange fails
	 */
	public byte[] associate(long maxPduLength, String... abstractSyntaxes) throws IOException {
		return associate("RAW", maxPduLength, abstractSyntaxes);
	}

	/**
	 * Send an A-ASSOCIATE-RQ as {@link #associate(long, String...)} does, with a calling
	 * AE title of any 16 ASCII characters or fewer, control characters included.
	 * @param callingAeTitle the calling AE title, written as is
	 * @param maxPduLength the maximum length announced
	 * @param abstractSyntaxes the abstract syntax UIDs
	 * @return the answer PDU's bytes
	 * @throws IOException if the exchange fails
	 */
	public byte[] associate(String callingAeTitle, long maxPduLength, String... abstractSyntaxes) throws IOException {
		this.out.write(associateRq(callingAeTitle, maxPduLength, abstractSyntaxes));
		this.out.flush();
		return readPdu();
	}

	/**
	 * Return the A-ASSOCIATE-RQ that {@link #associate(String, long, String...)} sends.
	 * @param callingAeTitle the calling AE title, written as is
	 * @param maxPduLength the maximum length announced
	 * @param abstractSyntaxes the abstract syntax UIDs
	 * @return the PDU's bytes
	 */
	public static byte[] associateRq(String callingAeTitle, long maxPduLength, String... abstractSyntaxes) {
		List<PresentationContextRq> contexts = new ArrayList<>();
		for (int i = 0; i < abstractSyntaxes.length; i++) {
			contexts
				.add(new PresentationContextRq(2 * i + 1, abstractSyntaxes[i], List.of(Uid.IMPLICIT_VR_LITTLE_ENDIAN)));
		}
		byte[] associateRq = PduEncoder
			.encode(new AssociateRq(1, "ANY-SCP", "RAW", Uid.DICOM_APPLICATION_CONTEXT, contexts, new UserInformation(
					maxPduLength, "1.2.3.4", "RAW", null, List.of(), List.of(), List.of(), null, null, List.of())));
		byte[] title = String.format("%-16s", callingAeTitle).getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(title, 0, associateRq, CALLING_AE_TITLE_OFFSET, title.length);
		return associateRq;
	}

	/**
	 * Start dripping bytes on a thread of its own, as {@link Drip} does: the first
	 * {@code atOnce} bytes at once, the rest one at a time. The thread ends when all are
	 * written or the connection is closed.
	 * @param bytes the bytes
	 * @param atOnce how many leading bytes to write at once
	 */
	public void drip(byte[] bytes, int atOnce) {
		Thread thread = new Thread(() -> {
			try {
				new Drip(this.out, atOnce).write(bytes);
			}
			catch (IOException ex) {
				// the acceptor closed the connection: what the drip waits for
			}
		}, "raw-requestor-drip");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Send a command set in one P-DATA-TF, its Command Data Set Type saying a data set
	 * follows.
	 * @param contextId the presentation context id
	 * @param command the command set
	 * @throws IOException if the write fails
	 */
	public void sendCommandAnnouncingDataSet(int contextId, Command command) throws IOException {
		command.putUS(CommandTag.COMMAND_DATA_SET_TYPE, Command.DATA_SET_PRESENT);
		sendFragment(contextId, true, true, command.encode());
	}

	/**
	 * Send one presentation data value in a P-DATA-TF of its own.
	 * @param contextId the presentation context id
	 * @param command whether it is a command fragment
	 * @param last whether it is the last fragment
	 * @param data the fragment
	 * @throws IOException if the write fails
	 */
	public void sendFragment(int contextId, boolean command, boolean last, byte[] data) throws IOException {
		this.out
			.write(PduEncoder.encode(new PDataTf(List.of(new PresentationDataValue(contextId, command, last, data)))));
		this.out.flush();
	}

	/**
	 * Send data set fragments (none of them the last) until {@code total} bytes are sent
	 * or the acceptor ends the connection.
	 * @param contextId the presentation context id
	 * @param fragmentLength the data bytes of each fragment
	 * @param total how many data bytes to send at most
	 * @return how many data bytes were written before the connection ended
	 */
	public long sendDataFragments(int contextId, int fragmentLength, long total) {
		byte[] pdu = PduEncoder
			.encode(new PDataTf(List.of(new PresentationDataValue(contextId, false, false, new byte[fragmentLength]))));
		long sent = 0;
		try {
			while (sent < total) {
				this.out.write(pdu);
				sent += fragmentLength;
			}
			this.out.flush();
		}
		catch (IOException ex) {
			// the acceptor aborted and closed the connection
		}
		return sent;
	}

	/**
	 * Read the next PDU.
	 * @return the PDU's bytes
	 * @throws IOException on EOF or timeout
	 */
	public byte[] readPdu() throws IOException {
		return ScriptedPeer.readPdu(this.in);
	}

	/**
	 * Return whether the acceptor closed the connection (after what was read).
	 * @return whether the next read ends the stream
	 * @throws IOException on timeout
	 */
	public boolean isClosedByAcceptor() throws IOException {
		try {
			return this.in.read() == -1;
		}
		catch (SocketException ex) {
			return true;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
