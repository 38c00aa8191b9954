package io.github.dicomscu.net.association;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.dicomscu.net.pdu.AeTitle;

/**
 * What an association acceptor accepts: its AE title ({@code null} accepts any called AE
 * title), the abstract syntaxes with the transfer syntaxes accepted for each (the first
 * transfer syntax the requestor proposes that is in the list wins), the maximum PDU
 * length it receives, the largest data set it collects in memory, its timers and its
 * {@link AccessPolicy}.
 *
 * @param aeTitle the AE title the requestor must call, or {@code null} for any
 * @param syntaxes abstract syntax UID to accepted transfer syntax UIDs
 * @param maxPduLength the maximum P-DATA-TF PDU length received, 0 for no limit
 * @param maxDataSetInMemory the largest data set collected in memory, in bytes (see
 * {@link MaxDataSetInMemory})
 * @param timeouts the timers
 * @param accessPolicy the calling AE titles allowed and the user identity verifier
 */
public record AcceptorSettings(String aeTitle, Map<String, List<String>> syntaxes, long maxPduLength,
		long maxDataSetInMemory, AssociationTimeouts timeouts, AccessPolicy accessPolicy) {

	public AcceptorSettings {
		if (aeTitle != null) {
			aeTitle = AeTitle.check("acceptor AE title", aeTitle);
		}
		MaxPduLength.check(maxPduLength);
		MaxDataSetInMemory.check(maxDataSetInMemory);
		Map<String, List<String>> copy = new LinkedHashMap<>();
		syntaxes.forEach((abstractSyntax, transferSyntaxes) -> copy.put(abstractSyntax, List.copyOf(transferSyntaxes)));
		syntaxes = Map.copyOf(copy);
		Objects.requireNonNull(accessPolicy, "'accessPolicy' must not be null");
	}

	/**
	 * Create settings that let every requestor in ({@link AccessPolicy#open()}).
	 * @param aeTitle the AE title the requestor must call, or {@code null} for any
	 * @param syntaxes abstract syntax UID to accepted transfer syntax UIDs
	 * @param maxPduLength the maximum P-DATA-TF PDU length received, 0 for no limit
	 * @param maxDataSetInMemory the largest data set collected in memory, in bytes
	 * @param timeouts the timers
	 */
	public AcceptorSettings(String aeTitle, Map<String, List<String>> syntaxes, long maxPduLength,
			long maxDataSetInMemory, AssociationTimeouts timeouts) {
		this(aeTitle, syntaxes, maxPduLength, maxDataSetInMemory, timeouts, AccessPolicy.open());
	}

}
