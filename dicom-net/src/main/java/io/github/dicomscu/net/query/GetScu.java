package io.github.dicomscu.net.query;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.net.association.AssociationClosedException;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.DataSetSink;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.dimse.StatusCategory;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.storage.InstanceReceipt;
import io.github.dicomscu.net.storage.InvalidInstanceException;
import io.github.dicomscu.net.storage.ReceivedInstance;

/**
 * The C-GET service user (PS3.4 C.4.3, PS3.7 9.1.3): asks the peer for the instances an
 * identifier selects and receives them on the same association, as C-STORE sub-operations
 * that this side answers as storage SCP. Each instance is streamed to a temporary Part 10
 * file in the directory of {@code java.io.tmpdir}, as the storage SCP receives it, and
 * handed to a {@link StoreReceiver}; pending C-GET responses report progress; the final
 * response gives the {@link RetrieveResult}.
 * <p>
 * The association must have an accepted context for the GET SOP class of the information
 * model and, for every storage SOP class to receive, an accepted context on which the SCP
 * role was negotiated: {@link #presentationContexts(QueryRetrieveModel, Collection)}
 * builds them. A C-STORE-RQ on any other context is refused with
 * {@link Status#SOP_CLASS_NOT_SUPPORTED}. The wait for each message is bounded by the
 * DIMSE timeout. After a C-CANCEL-RQ the peer has a grace period to send its final
 * response; a pending response or C-STORE-RQ that arrives after it aborts the association
 * with a {@link io.github.dicomscu.net.association.DicomTimeoutException} of kind
 * {@link TimeoutKind#CANCEL}.
 */
public final class GetScu {

	private static final Logger logger = LoggerFactory.getLogger(GetScu.class);

	private static final DataSetSink DISCARD = (fragment, length, last) -> {
	};

	private static final Path TEMPORARY_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"));

	private GetScu() {
	}

	/**
	 * Return the presentation contexts a C-GET needs: the GET SOP class of the model,
	 * then one context per storage SOP class with the default transfer syntaxes,
	 * proposing the SCP role (and not the SCU role) by SCP/SCU Role Selection Negotiation
	 * (PS3.7 D.3.3.4). They count towards the limit of 128 contexts of an association.
	 * Roles are negotiated per SOP class, so an association that also sends instances of
	 * one of these SOP classes with C-STORE should not use it for C-GET.
	 * @param model the information model, not
	 * {@link QueryRetrieveModel#MODALITY_WORKLIST}
	 * @param storageSopClasses the storage SOP classes to receive, as keywords or UIDs
	 * @return the contexts, in that order
	 */
	public static List<PresentationContext> presentationContexts(QueryRetrieveModel model,
			Collection<String> storageSopClasses) {
		List<PresentationContext> contexts = new ArrayList<>();
		contexts.add(PresentationContext.of(model.getSopClassUid()));
		for (String sopClass : storageSopClasses) {
			contexts.add(PresentationContext.of(sopClass).withRoles(false, true));
		}
		return contexts;
	}

	/**
	 * Get the instances a query selects, with medium priority and no progress callback.
	 * @param association the association
	 * @param query the query: level and unique keys
	 * @param receiver takes each instance received
	 * @return the result; a warning status when sub-operations failed
	 * @throws RetrieveFailedException if the peer answers with a failure status
	 * @throws DicomNetworkException if no GET context of the model was accepted or the
	 * exchange fails
	 */
	public static RetrieveResult get(Association association, Query query, StoreReceiver receiver)
			throws DicomNetworkException {
		return get(association, query.model(), query.toIdentifier(), Priority.MEDIUM, receiver, (progress) -> {
		}, () -> false);
	}

	/**
	 * Get the instances an identifier selects.
	 * @param association the association
	 * @param model the information model, not
	 * {@link QueryRetrieveModel#MODALITY_WORKLIST}
	 * @param identifier the identifier: Query/Retrieve Level and unique keys
	 * @param priority the priority
	 * @param receiver takes each instance received
	 * @param progress receives the counts of each pending C-GET response
	 * @return the result; a warning status when sub-operations failed
	 * @throws RetrieveFailedException if the peer answers with a failure status
	 * @throws DicomNetworkException if no GET context of the model was accepted or the
	 * exchange fails
	 */
	public static RetrieveResult get(Association association, QueryRetrieveModel model, DataSet identifier,
			Priority priority, StoreReceiver receiver, Consumer<RetrieveProgress> progress)
			throws DicomNetworkException {
		return get(association, model, identifier, priority, receiver, progress, () -> false);
	}

	/**
	 * Get the instances an identifier selects, cancelling on request: the supplier is
	 * asked before each message is awaited, and once it returns {@code true} a
	 * C-CANCEL-RQ is sent; C-STORE sub-operations already under way are still received,
	 * and the operation ends with the peer's final response (normally status cancel), but
	 * pending messages stop being accepted after
	 * {@link AssociationTimeouts#DEFAULT_CANCEL_GRACE}; a peer that goes silent instead
	 * is bounded by the DIMSE timeout.
	 * @param association the association
	 * @param model the information model, not
	 * {@link QueryRetrieveModel#MODALITY_WORKLIST}
	 * @param identifier the identifier: Query/Retrieve Level and unique keys
	 * @param priority the priority
	 * @param receiver takes each instance received
	 * @param progress receives the counts of each pending C-GET response
	 * @param cancelRequested says whether to cancel the operation
	 * @return the result
	 * @throws RetrieveFailedException if the peer answers with a failure status
	 * @throws DicomNetworkException if no GET context of the model was accepted or the
	 * exchange fails
	 */
	public static RetrieveResult get(Association association, QueryRetrieveModel model, DataSet identifier,
			Priority priority, StoreReceiver receiver, Consumer<RetrieveProgress> progress,
			BooleanSupplier cancelRequested) throws DicomNetworkException {
		return get(association, model, identifier, priority, receiver, progress, cancelRequested,
				AssociationTimeouts.DEFAULT_CANCEL_GRACE);
	}

	/**
	 * Get the instances an identifier selects, cancelling on request as
	 * {@link #get(Association, QueryRetrieveModel, DataSet, Priority, StoreReceiver, Consumer, BooleanSupplier)}
	 * does, with a given grace period after the C-CANCEL-RQ.
	 * @param association the association
	 * @param model the information model, not
	 * {@link QueryRetrieveModel#MODALITY_WORKLIST}
	 * @param identifier the identifier: Query/Retrieve Level and unique keys
	 * @param priority the priority
	 * @param receiver takes each instance received
	 * @param progress receives the counts of each pending C-GET response
	 * @param cancelRequested says whether to cancel the operation
	 * @param cancelGrace how long the peer has, after the C-CANCEL-RQ, to send its final
	 * response
	 * @return the result
	 * @throws RetrieveFailedException if the peer answers with a failure status
	 * @throws io.github.dicomscu.net.association.DicomTimeoutException if pending
	 * responses or C-STORE-RQs still arrive after the grace period; the association is
	 * then aborted
	 * @throws DicomNetworkException if no GET context of the model was accepted or the
	 * exchange fails
	 */
	public static RetrieveResult get(Association association, QueryRetrieveModel model, DataSet identifier,
			Priority priority, StoreReceiver receiver, Consumer<RetrieveProgress> progress,
			BooleanSupplier cancelRequested, Duration cancelGrace) throws DicomNetworkException {
		Objects.requireNonNull(identifier, "identifier");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(receiver, "receiver");
		Objects.requireNonNull(progress, "progress");
		Objects.requireNonNull(cancelRequested, "cancelRequested");
		String sopClassUid = model.getSopClassUid();
		OutstandingRequest request = OutstandingRequest.send(association, sopClassUid,
				(messageId) -> Command.getRq(messageId, sopClassUid, priority), identifier, CommandField.C_GET_RSP,
				cancelGrace);
		return new Operation(request, receiver, progress, cancelRequested).run();
	}

	/**
	 * One C-GET in progress: reads its responses and the C-STORE sub-operations between
	 * them.
	 */
	private static final class Operation {

		private final OutstandingRequest request;

		private final Association association;

		private final StoreReceiver receiver;

		private final Consumer<RetrieveProgress> progress;

		private final BooleanSupplier cancelRequested;

		private InstanceReceipt sink;

		Operation(OutstandingRequest request, StoreReceiver receiver, Consumer<RetrieveProgress> progress,
				BooleanSupplier cancelRequested) {
			this.request = request;
			this.association = request.association();
			this.receiver = receiver;
			this.progress = progress;
			this.cancelRequested = cancelRequested;
		}

		RetrieveResult run() throws DicomNetworkException {
			try {
				while (true) {
					if (this.cancelRequested.getAsBoolean()) {
						this.request.cancel();
					}
					DimseMessage message = this.association.receive(TimeoutKind.DIMSE,
							this.association.getTimeouts().dimse(), "no C-GET-RSP or C-STORE-RQ", this::sinkFor);
					if (message == null) {
						throw new AssociationClosedException(this.association.getPeer()
								+ " released the association while a C-GET-RQ was outstanding");
					}
					if (message.command().commandField() == CommandField.C_STORE_RQ) {
						this.request.checkCancelGrace();
						store(message);
						continue;
					}
					if (!this.request.isAnsweredBy(message)) {
						throw unexpected(message);
					}
					Command command = message.command();
					if (Status.categoryOf(command.status()) == StatusCategory.PENDING) {
						this.request.checkCancelGrace();
						this.progress.accept(RetrieveProgress.of(command));
						continue;
					}
					return complete(command, this.request.identifierOf(message));
				}
			}
			finally {
				if (this.sink != null) {
					this.sink.close();
				}
			}
		}

		private DataSetSink sinkFor(Command command) {
			if (command.commandField() != CommandField.C_STORE_RQ) {
				return null;
			}
			String sopClassUid = command.affectedSopClassUid();
			boolean receivable = command.affectedSopInstanceUid() != null && this.association.getNegotiatedContexts()
				.stream()
				.anyMatch((context) -> isStorageScpContext(context, sopClassUid));
			if (!receivable) {
				return DISCARD;
			}
			try {
				this.sink = InstanceReceipt.start(TEMPORARY_DIRECTORY, this.association, command);
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Cannot receive {} from {}: {}", PrintableText.of(command.affectedSopInstanceUid()),
						PrintableText.of(this.association.getPeer()), PrintableText.ofMessage(ex.getMessage()));
				return DISCARD;
			}
			return this.sink;
		}

		private void store(DimseMessage message) throws DicomNetworkException {
			Command storeRq = message.command();
			String sopClassUid = storeRq.affectedSopClassUid();
			String sopInstanceUid = storeRq.affectedSopInstanceUid();
			if (sopClassUid == null || sopInstanceUid == null || !storeRq.contains(CommandTag.MESSAGE_ID)) {
				this.association.abort();
				throw new DicomProtocolException(
						"C-STORE-RQ from " + this.association.getPeer()
								+ " lacks Message ID, Affected SOP Class UID or Affected SOP Instance UID",
						AbortReason.INVALID_PDU_PARAMETER_VALUE);
			}
			InstanceReceipt receipt = this.sink;
			this.sink = null;
			int status;
			try (receipt) {
				NegotiatedContext context = this.association.getContext(message.contextId()).orElseThrow();
				if (!isStorageScpContext(context, sopClassUid)) {
					logger.warn(
							"Refusing C-STORE-RQ of {} on presentation context {} from {}: no accepted context "
									+ "with the SCP role for that SOP class",
							PrintableText.of(sopClassUid), context.id(), PrintableText.of(this.association.getPeer()));
					status = Status.SOP_CLASS_NOT_SUPPORTED;
				}
				else if (receipt == null) {
					status = Status.CANNOT_UNDERSTAND;
				}
				else {
					status = receive(receipt, context, sopInstanceUid);
				}
			}
			this.association.send(message.contextId(), Command.storeRsp(storeRq, status));
		}

		/**
		 * Finish the receipt and hand the instance to the receiver; the file is deleted
		 * when the receipt is closed.
		 */
		private int receive(InstanceReceipt receipt, NegotiatedContext context, String sopInstanceUid) {
			ReceivedInstance instance;
			try {
				instance = receipt.finish(context);
			}
			catch (InvalidInstanceException ex) {
				logger.warn("Refusing a C-STORE-RQ from {}: {}", PrintableText.of(this.association.getPeer()),
						PrintableText.ofMessage(ex.getMessage()));
				return ex.getStatus();
			}
			catch (IOException ex) {
				logger.warn("Cannot receive {} from {}: {}", PrintableText.of(sopInstanceUid),
						PrintableText.of(this.association.getPeer()), PrintableText.ofMessage(ex.getMessage()));
				return Status.OUT_OF_RESOURCES;
			}
			return deliver(instance);
		}

		private int deliver(ReceivedInstance instance) {
			try {
				int status = this.receiver.receive(instance);
				if (status < 0 || status > 0xFFFF) {
					throw new IllegalStateException("Status " + status + " returned for "
							+ PrintableText.escapeControls(instance.sopInstanceUid()) + " is not a 16-bit status code");
				}
				return status;
			}
			catch (DicomParseException ex) {
				logger.warn("Instance {} from {} is malformed: {}", PrintableText.of(instance.sopInstanceUid()),
						PrintableText.of(this.association.getPeer()), PrintableText.ofMessage(ex.getMessage()));
				return Status.CANNOT_UNDERSTAND;
			}
			catch (IOException ex) {
				logger.warn("Cannot keep instance {} from {}: {}", PrintableText.of(instance.sopInstanceUid()),
						PrintableText.of(this.association.getPeer()), PrintableText.ofMessage(ex.getMessage()));
				return Status.OUT_OF_RESOURCES;
			}
			catch (RuntimeException ex) {
				logger.warn("Receiver failed on instance {} from {}", PrintableText.of(instance.sopInstanceUid()),
						PrintableText.of(this.association.getPeer()), ex);
				return Status.CANNOT_UNDERSTAND;
			}
		}

		private RetrieveResult complete(Command response, DataSet identifier) throws RetrieveFailedException {
			RetrieveResult result = RetrieveResult.of(response, identifier);
			logger.debug("C-GET {} to {} ended: {}", this.request.messageId(),
					PrintableText.of(this.association.getPeer()), PrintableText.of(result));
			if (result.category() == StatusCategory.FAILURE) {
				throw new RetrieveFailedException(this.association.getPeer(), CommandField.C_GET_RQ, result,
						response.errorComment());
			}
			return result;
		}

		private DicomProtocolException unexpected(DimseMessage message) {
			this.association.abort();
			Command command = message.command();
			String answered = command.contains(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO)
					? " to message " + command.messageIdBeingRespondedTo() : "";
			return new DicomProtocolException(
					"Expected C-GET-RSP to message " + this.request.messageId() + " or C-STORE-RQ from "
							+ this.association.getPeer() + " but received " + command.commandField().text() + answered,
					AbortReason.UNEXPECTED_PDU_PARAMETER);
		}

		private static boolean isStorageScpContext(NegotiatedContext context, String sopClassUid) {
			return context.isAccepted() && context.scpRole() && context.abstractSyntax().equals(sopClassUid);
		}

	}

}
