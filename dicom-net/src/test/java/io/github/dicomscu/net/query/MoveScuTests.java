package io.github.dicomscu.net.query;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.dimse.StatusCategory;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link MoveScu} against scripted peers: the request on the wire, progress, final counts
 * and failed instances, and the mapping of failure statuses.
 */
class MoveScuTests {

	private static final PresentationContext STUDY_ROOT_MOVE = PresentationContext
		.of(QueryRetrieveModel.STUDY_ROOT.moveSopClassUid(), "ImplicitVRLittleEndian");

	@Test
	void progressAndFinalCountsWithFailedInstances() throws Exception {
		CompletableFuture<DimseScript.Message> request = new CompletableFuture<>();
		List<RetrieveProgress> progress = new ArrayList<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message move = DimseScript.read(in);
			request.complete(move);
			DimseScript.respond(out, move, counts(move, Status.PENDING, 2, 1, 0, 0), null);
			DimseScript.respond(out, move, counts(move, Status.PENDING, 1, 1, 1, 0), null);
			DataSet failed = new DataSet().setString("FailedSOPInstanceUIDList", "1.2.3.2");
			DimseScript.respond(out, move, counts(move, Status.COERCION_OF_DATA_ELEMENTS, 0, 2, 1, 0),
					FindScuTests.encode(failed));
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, List.of(STUDY_ROOT_MOVE))) {
			DataSet identifier = Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3").toIdentifier();
			RetrieveResult result = MoveScu.move(association, QueryRetrieveModel.STUDY_ROOT, identifier, "WORKSTATION",
					Priority.LOW, progress::add);
			assertThat(progress).containsExactly(new RetrieveProgress(2, 1, 0, 0), new RetrieveProgress(1, 1, 1, 0));
			assertThat(result)
				.isEqualTo(new RetrieveResult(CommandField.C_MOVE_RQ, 0xB000, 0, 2, 1, 0, List.of("1.2.3.2")));
			assertThat(result.category()).isEqualTo(StatusCategory.WARNING);
			Command move = request.get(5, TimeUnit.SECONDS).command();
			assertThat(move.commandField()).isEqualTo(CommandField.C_MOVE_RQ);
			assertThat(move.affectedSopClassUid()).isEqualTo(QueryRetrieveModel.STUDY_ROOT.moveSopClassUid());
			assertThat(move.getString(CommandTag.MOVE_DESTINATION)).isEqualTo("WORKSTATION");
			assertThat(move.getInt(CommandTag.PRIORITY, -1)).isEqualTo(Priority.LOW.code());
			assertThat(request.get().dataSet()).isEqualTo(FindScuTests.encode(identifier));
		}
	}

	@Test
	void failedInstancesInTheCommandSetAsOrthancSendsThemAreReported() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message move = DimseScript.read(in);
			DimseScript.send(out, move.contextId(),
					withFailedUidList(counts(move, 0xA702, 0, 1, 2, 0), "1.2.3.2\\1.2.3.3"), null);
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, List.of(STUDY_ROOT_MOVE))) {
			RetrieveFailedException ex = catchThrowableOfType(RetrieveFailedException.class, () -> MoveScu
				.move(association, Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3"), "STORESCP"));
			assertThat(ex.getResult()).isEqualTo(
					new RetrieveResult(CommandField.C_MOVE_RQ, 0xA702, 0, 1, 2, 0, List.of("1.2.3.2", "1.2.3.3")));
			assertThat(association.isEstablished()).isTrue();
		}
	}

	@Test
	void unknownDestinationIsATypedError() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message move = DimseScript.read(in);
			DimseScript.respond(out, move, Status.MOVE_DESTINATION_UNKNOWN, null);
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, List.of(STUDY_ROOT_MOVE))) {
			MoveDestinationUnknownException ex = catchThrowableOfType(MoveDestinationUnknownException.class,
					() -> MoveScu.move(association,
							Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3"), "ELSEWHERE"));
			assertThat(ex.getDestination()).isEqualTo("ELSEWHERE");
			assertThat(ex.getStatus()).isEqualTo(0xA801);
			assertThat(ex.getOperation()).isEqualTo(CommandField.C_MOVE_RQ);
			assertThat(ex.getMessage()).isEqualTo("C-MOVE-RQ to SCRIPTED@127.0.0.1:" + peer.port()
					+ " failed: the move destination 'ELSEWHERE' is unknown to the peer (status 0xA801 (Failure: "
					+ "Refused: Move Destination unknown)); configure that AE title with its host and port on SCRIPTED@"
					+ "127.0.0.1:" + peer.port());
			assertThat(association.isEstablished()).isTrue();
		}
	}

	@Test
	void otherFailuresCarryTheCountsSoFar() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message move = DimseScript.read(in);
			Command failure = counts(move, Status.OUT_OF_RESOURCES_SUB_OPERATIONS, 3, 1, 0, 0)
				.putString(CommandTag.ERROR_COMMENT, "disk full");
			DimseScript.respond(out, move, failure, null);
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, List.of(STUDY_ROOT_MOVE))) {
			RetrieveFailedException ex = catchThrowableOfType(RetrieveFailedException.class,
					() -> MoveScu.move(association,
							Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3"), "WORKSTATION"));
			assertThat(ex).isNotInstanceOf(MoveDestinationUnknownException.class);
			assertThat(ex.getResult())
				.isEqualTo(new RetrieveResult(CommandField.C_MOVE_RQ, 0xA702, 3, 1, 0, 0, List.of()));
			assertThat(ex.getErrorComment()).isEqualTo("disk full");
			assertThat(ex.getMessage()).endsWith("failed with status 0xA702 (Failure: Refused: Out of resources, "
					+ "unable to perform sub-operations): disk full; sub-operations: 1 completed, 0 failed, 0 warning, "
					+ "3 remaining");
		}
	}

	@Test
	void cancelIsSentOnceWhenRequested() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message move = DimseScript.read(in);
			DimseScript.respond(out, move, counts(move, Status.PENDING, 4, 1, 0, 0), null);
			cancel.complete(DimseScript.read(in));
			DimseScript.respond(out, move, counts(move, Status.PENDING, 3, 2, 0, 0), null);
			DimseScript.respond(out, move, counts(move, Status.CANCEL, 3, 2, 0, 0), null);
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, List.of(STUDY_ROOT_MOVE))) {
			List<RetrieveProgress> progress = new ArrayList<>();
			RetrieveResult result = MoveScu.move(association, QueryRetrieveModel.STUDY_ROOT,
					Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3").toIdentifier(), "WORKSTATION",
					Priority.MEDIUM, progress::add, () -> !progress.isEmpty());
			assertThat(result.isCancelled()).isTrue();
			assertThat(result.remaining()).isEqualTo(3);
			Command cancelRq = cancel.get(5, TimeUnit.SECONDS).command();
			assertThat(cancelRq.commandField()).isEqualTo(CommandField.C_CANCEL_RQ);
			assertThat(cancelRq.messageIdBeingRespondedTo()).isEqualTo(1);
			assertThat(peer.receivedAfterScript()).isEmpty();
		}
	}

	@Test
	void peerThatIgnoresTheCancelIsAbortedAfterTheGracePeriod() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message move = DimseScript.read(in);
			DimseScript.respond(out, move, counts(move, Status.PENDING, 1000, 1, 0, 0), null);
			DimseScript.ignoreCancel(in, cancel,
					(i) -> DimseScript.respond(out, move, counts(move, Status.PENDING, 1000 - i, 1 + i, 0, 0), null));
		}); Association association = FindScuTests.open(peer, List.of(STUDY_ROOT_MOVE))) {
			List<RetrieveProgress> progress = new ArrayList<>();
			FindScuTests.assertAbortedAfterTheGracePeriod(peer, association, cancel, "C-MOVE-RQ",
					() -> MoveScu.move(association, QueryRetrieveModel.STUDY_ROOT,
							Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3").toIdentifier(),
							"WORKSTATION", Priority.MEDIUM, progress::add, () -> !progress.isEmpty(),
							FindScuTests.CANCEL_GRACE));
			assertThat(progress).hasSizeGreaterThan(1).first().isEqualTo(new RetrieveProgress(1000, 1, 0, 0));
		}
	}

	/**
	 * Encode a response command set as Orthanc does: Failed SOP Instance UID List
	 * (0008,0058) after the group 0000 elements, outside the Command Group Length.
	 */
	static byte[] withFailedUidList(Command response, String uids) {
		response.putUS(CommandTag.COMMAND_DATA_SET_TYPE, Command.NO_DATA_SET);
		byte[] value = (uids.length() % 2 == 0) ? uids.getBytes(StandardCharsets.US_ASCII)
				: (uids + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer element = ByteBuffer.allocate(8 + value.length).order(ByteOrder.LITTLE_ENDIAN);
		element.putShort((short) 0x0008).putShort((short) 0x0058).putInt(value.length).put(value);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(response.encode());
		bytes.writeBytes(element.array());
		return bytes.toByteArray();
	}

	static Command counts(DimseScript.Message request, int status, int remaining, int completed, int failed,
			int warning) {
		return DimseScript.response(request, status)
			.putUS(CommandTag.NUMBER_OF_REMAINING_SUBOPERATIONS, remaining)
			.putUS(CommandTag.NUMBER_OF_COMPLETED_SUBOPERATIONS, completed)
			.putUS(CommandTag.NUMBER_OF_FAILED_SUBOPERATIONS, failed)
			.putUS(CommandTag.NUMBER_OF_WARNING_SUBOPERATIONS, warning);
	}

}
