package io.github.dicomscu.net.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.DataSetSource;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.association.NoAcceptedContextException;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.pdu.AbortReason;

/**
 * The C-STORE service user (PS3.4 Annex B, PS3.7 section 9.1.1): sends instances on an
 * established association, each on the accepted context {@linkplain StoreContexts#select
 * chosen} for it, its data set streamed into P-DATA-TF PDUs, and waits for each response
 * before sending the next instance.
 * <p>
 * Stateless and thread-safe; an association itself is used by one thread at a time.
 */
public final class StoreScu {

	private static final Logger logger = LoggerFactory.getLogger(StoreScu.class);

	private StoreScu() {
	}

	/**
	 * Send one instance and wait (DIMSE timeout) for its response.
	 * @param association the association, with the contexts of
	 * {@link StoreContexts#forInstances} or others that fit the instance
	 * @param instance the instance
	 * @param priority the priority
	 * @return the result: success, warning or failure as the peer answered
	 * @throws NoAcceptedContextException if the peer accepted no context of the
	 * instance's SOP class
	 * @throws TransferSyntaxNotAcceptedException if it accepted none with a transfer
	 * syntax the instance can be sent in
	 * @throws DicomNetworkException if the association fails; it is then aborted
	 * @throws IOException if the instance cannot be read (the association is aborted if
	 * that happens after sending began)
	 */
	public static StoreResult store(Association association, StoreInstance instance, Priority priority)
			throws IOException {
		NegotiatedContext context = StoreContexts.select(association, instance);
		EncodingSource source = new EncodingSource(instance,
				instance.sourceFor(TransferSyntax.of(context.transferSyntax())));
		return exchange(association, context, instance, source, priority);
	}

	/**
	 * Send instances one after the other and report the fate of each, in order; none is
	 * dropped. An instance without an accepted context that fits it, or that cannot be
	 * read, is {@link StoreOutcome#NOT_SENT} and the next one goes on. If the association
	 * is lost, the instance being sent and every later one are
	 * {@link StoreOutcome#UNCONFIRMED}; so are the later ones if the association had to
	 * be aborted because an instance could not be encoded after its request was sent
	 * (that instance itself is not sent).
	 * @param association the association, with the contexts of
	 * {@link StoreContexts#forInstances}
	 * @param instances the instances
	 * @param priority the priority
	 * @return one result per instance, in the order given
	 */
	public static List<StoreResult> storeAll(Association association, Iterable<? extends StoreInstance> instances,
			Priority priority) {
		List<StoreResult> results = new ArrayList<>();
		String lost = null;
		for (StoreInstance instance : instances) {
			if (lost != null) {
				results.add(StoreResult.unconfirmed(instance, null, "Not sent: " + lost));
				continue;
			}
			NegotiatedContext context;
			EncodingSource source;
			try {
				context = StoreContexts.select(association, instance);
				source = new EncodingSource(instance, instance.sourceFor(TransferSyntax.of(context.transferSyntax())));
			}
			catch (DicomNetworkException ex) {
				results.add(StoreResult.notSent(instance.sopInstanceUid(), instance.sopClassUid(), ex.getMessage()));
				continue;
			}
			catch (IOException | RuntimeException ex) {
				results.add(StoreResult.notSent(instance.sopInstanceUid(), instance.sopClassUid(),
						"Cannot read " + instance + ": " + ex.getMessage()));
				continue;
			}
			try {
				results.add(exchange(association, context, instance, source, priority));
			}
			catch (DicomNetworkException ex) {
				if (source.failure != null) {
					results.add(StoreResult.notSent(instance.sopInstanceUid(), instance.sopClassUid(),
							source.failure.getMessage() + "; the association was aborted, as the C-STORE request "
									+ "could not be completed"));
					lost = "the association was aborted after " + instance + " could not be encoded";
				}
				else {
					results.add(StoreResult.unconfirmed(instance, context.transferSyntax(),
							"The association was lost while storing this instance: " + ex.getMessage()));
					lost = "the association was lost while storing " + instance + ": " + ex.getMessage();
				}
				association.abort();
			}
		}
		return results;
	}

	private static StoreResult exchange(Association association, NegotiatedContext context, StoreInstance instance,
			EncodingSource source, Priority priority) throws DicomNetworkException {
		int messageId = association.nextMessageId();
		Command request = Command.storeRq(messageId, instance.sopClassUid(), instance.sopInstanceUid(), priority);
		association.send(context.id(), request, source);
		DimseMessage response = association.receiveResponse(messageId, CommandField.C_STORE_RSP);
		if (!response.command().contains(CommandTag.STATUS)) {
			association.abort();
			throw new DicomProtocolException(association.getPeer() + " answered the C-STORE request for " + instance
					+ " without a Status (0000,0900)", AbortReason.INVALID_PDU_PARAMETER_VALUE);
		}
		StoreResult result = StoreResult.answered(instance, context.transferSyntax(), response.command());
		if (logger.isDebugEnabled()) {
			logger.debug("C-STORE of {} as {} to {}: {} ({})", PrintableText.of(instance),
					PrintableText.of(source.describeTarget(context)), PrintableText.of(association.getPeer()),
					result.outcome(), result.statusText());
		}
		return result;
	}

	/**
	 * Writes a data set through its source, turning a runtime failure of the source (an
	 * encoding error) into an {@link IOException}, so that the association aborts the
	 * half-sent message instead of leaving it open, and remembering it.
	 */
	private static final class EncodingSource implements DataSetSource {

		private final StoreInstance instance;

		private final DataSetSource source;

		private IOException failure;

		EncodingSource(StoreInstance instance, DataSetSource source) {
			this.instance = instance;
			this.source = source;
		}

		@Override
		public void writeTo(OutputStream out) throws IOException {
			try {
				this.source.writeTo(out);
			}
			catch (RuntimeException ex) {
				this.failure = new IOException("Cannot encode " + this.instance + ": " + ex.getMessage(), ex);
				throw this.failure;
			}
		}

		String describeTarget(NegotiatedContext context) {
			TransferSyntax target = TransferSyntax.of(context.transferSyntax());
			return target.equals(this.instance.transferSyntax()) ? target.name()
					: target.name() + " (converted from " + this.instance.transferSyntax().name() + ")";
		}

	}

}
