package io.github.dicomscu.net.storage;

import java.util.List;
import java.util.stream.Collectors;

import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.net.pdu.DicomNetworkException;

/**
 * The peer supports the SOP class of an instance, but accepted it with no transfer syntax
 * the instance can be sent in: typically a compressed instance, which is never
 * decompressed, where the peer accepted only uncompressed syntaxes, or rejected the
 * context of the compressed one as "transfer syntaxes not supported". The association
 * itself is still usable.
 */
public class TransferSyntaxNotAcceptedException extends DicomNetworkException {

	private final String sopClassUid;

	private final String sopInstanceUid;

	private final String transferSyntaxUid;

	private final List<String> acceptedTransferSyntaxUids;

	/**
	 * Create a new exception.
	 * @param peer the peer, for the message
	 * @param instance the instance that cannot be sent
	 * @param acceptedTransferSyntaxUids the transfer syntaxes the peer accepted for the
	 * instance's SOP class, empty if it rejected every one proposed
	 */
	public TransferSyntaxNotAcceptedException(String peer, StoreInstance instance,
			List<String> acceptedTransferSyntaxUids) {
		super(message(peer, instance, acceptedTransferSyntaxUids));
		this.sopClassUid = instance.sopClassUid();
		this.sopInstanceUid = instance.sopInstanceUid();
		this.transferSyntaxUid = instance.transferSyntax().uid();
		this.acceptedTransferSyntaxUids = List.copyOf(acceptedTransferSyntaxUids);
	}

	private static String message(String peer, StoreInstance instance, List<String> accepted) {
		String sopClass = UidDictionary.nameOf(instance.sopClassUid());
		return "Cannot send " + instance + " (" + sopClass + ") to " + peer + ": it is encoded in "
				+ describe(instance.transferSyntax().uid())
				+ (instance.isUncompressed() ? "" : ", which is compressed and is not converted")
				+ (accepted.isEmpty() ? ", but the peer accepted none of the transfer syntaxes proposed for " + sopClass
						: ", but the peer accepted " + sopClass + " only with "
								+ accepted.stream()
									.map(TransferSyntaxNotAcceptedException::describe)
									.collect(Collectors.joining(", ")));
	}

	private static String describe(String transferSyntaxUid) {
		return UidDictionary.nameOf(transferSyntaxUid) + " (" + transferSyntaxUid + ")";
	}

	/**
	 * Return the SOP Class UID of the instance.
	 * @return the UID
	 */
	public String getSopClassUid() {
		return this.sopClassUid;
	}

	/**
	 * Return the SOP Instance UID of the instance.
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
	 * Return the transfer syntaxes the peer accepted for the instance's SOP class.
	 * @return the UIDs, in the order of the accepted contexts
	 */
	public List<String> getAcceptedTransferSyntaxUids() {
		return this.acceptedTransferSyntaxUids;
	}

}
