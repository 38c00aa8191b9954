package io.github.dicomscu.scu;

import java.util.List;

/**
 * The remote accepts the SOP class of an instance, but with no transfer syntax the
 * instance can be sent in: typically a compressed instance, which is never decompressed,
 * where the remote accepted only uncompressed syntaxes. The message names the instance's
 * transfer syntax and the ones the remote accepted. {@link #getNegotiated()} is empty:
 * the accepted transfer syntaxes are in {@link #getAcceptedTransferSyntaxUids()}.
 */
public class TransferSyntaxNotAcceptedException extends NoAcceptedContextException {

	private final String sopInstanceUid;

	private final String transferSyntaxUid;

	private final List<String> acceptedTransferSyntaxUids;

	/**
	 * Create a new exception.
	 * @param remote the remote's name
	 * @param message the message
	 * @param sopClassUid the SOP class of the instance
	 * @param sopInstanceUid the SOP instance UID of the instance
	 * @param transferSyntaxUid the transfer syntax the instance is encoded in
	 * @param acceptedTransferSyntaxUids the transfer syntaxes the remote accepted for the
	 * SOP class, empty if it rejected every one proposed
	 * @param cause the engine failure, or {@code null}
	 */
	public TransferSyntaxNotAcceptedException(String remote, String message, String sopClassUid, String sopInstanceUid,
			String transferSyntaxUid, List<String> acceptedTransferSyntaxUids, Throwable cause) {
		super(remote, message, sopClassUid, List.of(), cause);
		this.sopInstanceUid = sopInstanceUid;
		this.transferSyntaxUid = transferSyntaxUid;
		this.acceptedTransferSyntaxUids = List.copyOf(acceptedTransferSyntaxUids);
	}

	/**
	 * Return the SOP instance UID of the instance that could not be sent.
	 * @return the UID
	 */
	public String getSopInstanceUid() {
		return this.sopInstanceUid;
	}

	/**
	 * Return the transfer syntax the instance is encoded in.
	 * @return the UID
	 */
	public String getTransferSyntaxUid() {
		return this.transferSyntaxUid;
	}

	/**
	 * Return the transfer syntaxes the remote accepted for the instance's SOP class.
	 * @return the UIDs, empty if it rejected every one proposed
	 */
	public List<String> getAcceptedTransferSyntaxUids() {
		return this.acceptedTransferSyntaxUids;
	}

}
