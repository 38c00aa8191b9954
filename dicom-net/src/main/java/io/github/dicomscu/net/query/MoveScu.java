package io.github.dicomscu.net.query;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.DimseMessage;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.dimse.StatusCategory;

/**
 * The C-MOVE service user (PS3.4 C.4.2, PS3.7 9.1.4): asks the peer to send the instances
 * an identifier selects to a move destination, which the peer reaches over an association
 * of its own. Pending responses report progress; the final response gives the
 * {@link RetrieveResult}.
 * <p>
 * The association must have an accepted presentation context for the MOVE SOP class of
 * the information model. The wait for each response is bounded by the DIMSE timeout, so
 * the peer must report progress (or finish) within it. After a C-CANCEL-RQ the peer has a
 * grace period to send its final response; a pending response that arrives after it
 * aborts the association with a
 * {@link io.github.dicomscu.net.association.DicomTimeoutException} of kind
 * {@link io.github.dicomscu.net.association.TimeoutKind#CANCEL}.
 */
public final class MoveScu {

	private static final Logger logger = LoggerFactory.getLogger(MoveScu.class);

	private MoveScu() {
	}

	/**
	 * Move the instances a query selects, with medium priority and no progress callback.
	 * @param association the association
	 * @param query the query: level and unique keys
	 * @param destination the move destination AE title
	 * @return the result; a warning status when sub-operations failed
	 * @throws MoveDestinationUnknownException if the peer does not know the destination
	 * @throws RetrieveFailedException if the peer answers with another failure status
	 * @throws DicomNetworkException if no MOVE context of the model was accepted or the
	 * exchange fails
	 */
	public static RetrieveResult move(Association association, Query query, String destination)
			throws DicomNetworkException {
		return move(association, query.model(), query.toIdentifier(), destination, Priority.MEDIUM, (progress) -> {
		}, () -> false);
	}

	/**
	 * Move the instances an identifier selects.
	 * @param association the association
	 * @param model the information model, not
	 * {@link QueryRetrieveModel#MODALITY_WORKLIST}
	 * @param identifier the identifier: Query/Retrieve Level and unique keys
	 * @param destination the move destination AE title
	 * @param priority the priority
	 * @param progress receives the counts of each pending response
	 * @return the result; a warning status when sub-operations failed
	 * @throws MoveDestinationUnknownException if the peer does not know the destination
	 * @throws RetrieveFailedException if the peer answers with another failure status
	 * @throws DicomNetworkException if no MOVE context of the model was accepted or the
	 * exchange fails
	 */
	public static RetrieveResult move(Association association, QueryRetrieveModel model, DataSet identifier,
			String destination, Priority priority, Consumer<RetrieveProgress> progress) throws DicomNetworkException {
		return move(association, model, identifier, destination, priority, progress, () -> false);
	}

	/**
	 * Move the instances an identifier selects, cancelling on request: the supplier is
	 * asked before each response is awaited, and once it returns {@code true} a
	 * C-CANCEL-RQ is sent and the operation ends with the peer's final response (normally
	 * status cancel): pending responses stop being accepted after
	 * {@link AssociationTimeouts#DEFAULT_CANCEL_GRACE}; a peer that goes silent instead
	 * is bounded by the DIMSE timeout.
	 * @param association the association
	 * @param model the information model, not
	 * {@link QueryRetrieveModel#MODALITY_WORKLIST}
	 * @param identifier the identifier: Query/Retrieve Level and unique keys
	 * @param destination the move destination AE title
	 * @param priority the priority
	 * @param progress receives the counts of each pending response
	 * @param cancelRequested says whether to cancel the operation
	 * @return the result
	 * @throws MoveDestinationUnknownException if the peer does not know the destination
	 * @throws RetrieveFailedException if the peer answers with another failure status
	 * @throws DicomNetworkException if no MOVE context of the model was accepted or the
	 * exchange fails
	 */
	public static RetrieveResult move(Association association, QueryRetrieveModel model, DataSet identifier,
			String destination, Priority priority, Consumer<RetrieveProgress> progress, BooleanSupplier cancelRequested)
			throws DicomNetworkException {
		return move(association, model, identifier, destination, priority, progress, cancelRequested,
				AssociationTimeouts.DEFAULT_CANCEL_GRACE);
	}

	/**
	 * Move the instances an identifier selects, cancelling on request as
	 * {@link #move(Association, QueryRetrieveModel, DataSet, String, Priority, Consumer, BooleanSupplier)}
	 * does, with a given grace period after the C-CANCEL-RQ.
	 * @param association the association
	 * @param model the information model, not
	 * {@link QueryRetrieveModel#MODALITY_WORKLIST}
	 * @param identifier the identifier: Query/Retrieve Level and unique keys
	 * @param destination the move destination AE title
	 * @param priority the priority
	 * @param progress receives the counts of each pending response
	 * @param cancelRequested says whether to cancel the operation
	 * @param cancelGrace how long the peer has, after the C-CANCEL-RQ, to send its final
	 * response
	 * @return the result
	 * @throws MoveDestinationUnknownException if the peer does not know the destination
	 * @throws RetrieveFailedException if the peer answers with another failure status
	 * @throws io.github.dicomscu.net.association.DicomTimeoutException if pending
	 * responses still arrive after the grace period; the association is then aborted
	 * @throws DicomNetworkException if no MOVE context of the model was accepted or the
	 * exchange fails
	 */
	public static RetrieveResult move(Association association, QueryRetrieveModel model, DataSet identifier,
			String destination, Priority priority, Consumer<RetrieveProgress> progress, BooleanSupplier cancelRequested,
			Duration cancelGrace) throws DicomNetworkException {
		Objects.requireNonNull(identifier, "identifier");
		Objects.requireNonNull(destination, "destination");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(progress, "progress");
		Objects.requireNonNull(cancelRequested, "cancelRequested");
		String sopClassUid = model.moveSopClassUid();
		OutstandingRequest request = OutstandingRequest.send(association, sopClassUid,
				(messageId) -> Command.moveRq(messageId, sopClassUid, priority, destination), identifier,
				CommandField.C_MOVE_RSP, cancelGrace);
		while (true) {
			if (cancelRequested.getAsBoolean()) {
				request.cancel();
			}
			DimseMessage response = request.nextResponse();
			Command command = response.command();
			if (Status.categoryOf(command.status()) == StatusCategory.PENDING) {
				request.checkCancelGrace();
				progress.accept(RetrieveProgress.of(command));
				continue;
			}
			RetrieveResult result = RetrieveResult.of(command, request.identifierOf(response));
			logger.debug("C-MOVE {} to {} for {} ended: {}", request.messageId(),
					PrintableText.of(association.getPeer()), PrintableText.of(destination), PrintableText.of(result));
			if (result.category() != StatusCategory.FAILURE) {
				return result;
			}
			if (result.status() == Status.MOVE_DESTINATION_UNKNOWN) {
				throw new MoveDestinationUnknownException(association.getPeer(), destination, result,
						command.errorComment());
			}
			throw new RetrieveFailedException(association.getPeer(), CommandField.C_MOVE_RQ, result,
					command.errorComment());
		}
	}

}
