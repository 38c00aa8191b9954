package io.github.dicomscu.net.query;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.TagDictionary;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.VR;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.dimse.DimseFailureException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.DicomTimeoutException;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link FindScu} against scripted peers: the request on the wire, statuses, C-CANCEL and
 * the decoding of matches.
 */
class FindScuTests {

	private static final String STUDY_ROOT_FIND = QueryRetrieveModel.STUDY_ROOT.findSopClassUid();

	private static final TransferSyntax IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;

	static final Duration CANCEL_GRACE = Duration.ofMillis(500);

	@Test
	void requestCarriesTheIdentifierInTheAcceptedTransferSyntax() throws Exception {
		CompletableFuture<DimseScript.Message> request = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			request.complete(find);
			DimseScript.respond(out, find, Status.SUCCESS, null);
			DimseScript.release(in, out);
		});
				Association association = open(peer);
				FindResults results = FindScu.find(association,
						Query.studyRoot(QueryLevel.STUDY).match("PatientID", "42"), Priority.HIGH, 0)) {
			assertThat(results.nextMatch()).isNull();
			DimseScript.Message find = request.get(5, TimeUnit.SECONDS);
			assertThat(find.command().commandField()).isEqualTo(CommandField.C_FIND_RQ);
			assertThat(find.command().messageId()).isEqualTo(1);
			assertThat(find.command().affectedSopClassUid()).isEqualTo(STUDY_ROOT_FIND);
			assertThat(find.command().getInt(CommandTag.PRIORITY, -1)).isEqualTo(Priority.HIGH.code());
			assertThat(find.dataSet()).isEqualTo(new DataSetWriter(IMPLICIT)
				.toByteArray(Query.studyRoot(QueryLevel.STUDY).match("PatientID", "42").toIdentifier()));
		}
	}

	@Test
	void matchesAreDecodedAndTrimmedAndAFailureIsTyped() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DataSet match = new DataSet().setBytes(TagDictionary.tagOf("PatientName"), VR.PN, "DOE^JOHN  ".getBytes())
				.setBytes(TagDictionary.tagOf("StudyInstanceUID"), VR.UI, "1.2.3\0".getBytes())
				.setBytes(TagDictionary.tagOf("PatientID"), VR.LO, " 42 ".getBytes());
			DimseScript.respond(out, find, Status.PENDING, encode(match));
			Command failure = DimseScript.response(find, 0xC001)
				.putString(CommandTag.ERROR_COMMENT, "index unreadable");
			DimseScript.respond(out, find, failure, null);
			DimseScript.release(in, out);
		});
				Association association = open(peer);
				FindResults results = FindScu.find(association, Query.studyRoot(QueryLevel.STUDY))) {
			DataSet match = results.nextMatch();
			DimseFailureException ex = catchThrowableOfType(DimseFailureException.class, results::nextMatch);
			assertThat(match.getString("PatientName")).isEqualTo("DOE^JOHN");
			assertThat(match.getString("StudyInstanceUID")).isEqualTo("1.2.3");
			assertThat(match.getString("PatientID")).isEqualTo("42");
			assertThat(ex.getStatus()).isEqualTo(0xC001);
			assertThat(ex.getOperation()).isEqualTo(CommandField.C_FIND_RQ);
			assertThat(ex.getMeaning()).isEqualTo("Unable to process");
			assertThat(ex.getErrorComment()).isEqualTo("index unreadable");
			assertThat(ex.getMessage()).isEqualTo("C-FIND-RQ to SCRIPTED@127.0.0.1:" + peer.port()
					+ " failed with status 0xC001 (Failure: Unable to process): index unreadable");
			assertThat(results.isComplete()).isTrue();
			assertThat(results.getStatus()).isEqualTo(0xC001);
			assertThat(results.getMatchCount()).isEqualTo(1);
			assertThat(association.isEstablished()).isTrue();
		}
	}

	@Test
	void peerThatIgnoresTheCancelIsAbortedAfterTheGracePeriod() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, encode(patient("0")));
			DimseScript.ignoreCancel(in, cancel,
					(i) -> DimseScript.respond(out, find, Status.PENDING, encode(patient(Integer.toString(i)))));
		}); Association association = open(peer)) {
			FindResults results = FindScu.find(association, QueryRetrieveModel.PATIENT_ROOT,
					Query.patientRoot(QueryLevel.PATIENT).toIdentifier(), Priority.MEDIUM, 1);
			results.setCancelGrace(CANCEL_GRACE);
			assertAbortedAfterTheGracePeriod(peer, association, cancel, "C-FIND-RQ", results::nextMatch);
			assertThat(results.getMatchCount()).isEqualTo(1);
		}
	}

	@Test
	void closingBeforeTheEndSendsACancelAndReadsUpToTheFinalResponse() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, encode(patient("1")));
			DimseScript.respond(out, find, Status.PENDING, encode(patient("2")));
			cancel.complete(DimseScript.read(in));
			DimseScript.respond(out, find, Status.PENDING, encode(patient("3")));
			DimseScript.respond(out, find, Status.CANCEL, null);
			DimseScript.Message echo = DimseScript.read(in);
			DimseScript.send(out, echo.contextId(), Command.echoRsp(echo.command().messageId(), Status.SUCCESS), null);
			DimseScript.release(in, out);
		}); Association association = open(peer)) {
			FindResults results = FindScu.find(association, Query.patientRoot(QueryLevel.PATIENT));
			try (results) {
				assertThat(results.nextMatch().getString("PatientID")).isEqualTo("1");
			}
			assertThat(cancel.get(5, TimeUnit.SECONDS).pdus()).singleElement()
				.isEqualTo(HexFormat.of()
					.parseHex("04000000" + "0030" // P-DATA-TF, length 48
							+ "0000002C" + "03" + "03" // PDV length 44, context 3
														// (Patient Root FIND), command,
														// last
							+ "00000000" + "04000000" + "1E000000" // (0000,0000) UL 30
							+ "00000001" + "02000000" + "FF0F" // (0000,0100) C-CANCEL-RQ
							+ "00002001" + "02000000" + "0100" // (0000,0120) message 1
							+ "00000008" + "02000000" + "0101")); // (0000,0800) no data
																	// set
			assertThat(results.isCancelled()).isTrue();
			assertThat(results.getStatus()).isEqualTo(Status.CANCEL);
			assertThat(results.getMatchCount()).isEqualTo(1);
			assertThat(results.nextMatch()).isNull();
			assertThat(association.echo()).isEqualTo(Status.SUCCESS);
		}
	}

	@Test
	void aLimitCancelsAsSoonAsItIsReached() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, encode(patient("1")));
			DimseScript.respond(out, find, Status.PENDING, encode(patient("2")));
			cancel.complete(DimseScript.read(in));
			DimseScript.respond(out, find, Status.CANCEL, null);
			DimseScript.release(in, out);
		});
				Association association = open(peer);
				FindResults results = FindScu.find(association, Query.patientRoot(QueryLevel.PATIENT), Priority.MEDIUM,
						2)) {
			assertThat(results.stream().map((match) -> match.getString("PatientID")).toList()).containsExactly("1",
					"2");
			assertThat(cancel.get(5, TimeUnit.SECONDS).command().commandField()).isEqualTo(CommandField.C_CANCEL_RQ);
			assertThat(results.getStatus()).isEqualTo(Status.CANCEL);
		}
	}

	@Test
	void pendingWarningAndFinalWarningAreReported() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING_WARNING, encode(patient("1")));
			DimseScript.respond(out, find, 0xB123, null);
			DimseScript.release(in, out);
		});
				Association association = open(peer);
				FindResults results = FindScu.find(association, Query.patientRoot(QueryLevel.PATIENT))) {
			assertThat(results.stream().count()).isEqualTo(1);
			assertThat(results.hasUnsupportedOptionalKeys()).isTrue();
			assertThat(results.getStatus()).isEqualTo(0xB123);
			assertThat(results.isCancelled()).isFalse();
		}
	}

	@Test
	void aResponseToAnotherMessageAbortsTheAssociation() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			Command stray = DimseScript.response(find, Status.PENDING)
				.putUS(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, 99);
			DimseScript.respond(out, find, stray, encode(patient("1")));
		});
				Association association = open(peer);
				FindResults results = FindScu.find(association, Query.patientRoot(QueryLevel.PATIENT))) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class, results::nextMatch);
			assertThat(ex.getMessage()).contains("C-FIND-RSP to message 1").contains("to message 99");
			assertThat(association.isEstablished()).isFalse();
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void streamReportsAFailureAsUncheckedCause() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, null);
			DimseScript.release(in, out);
		});
				Association association = open(peer);
				FindResults results = FindScu.find(association, Query.patientRoot(QueryLevel.PATIENT))) {
			UncheckedIOException ex = catchThrowableOfType(UncheckedIOException.class, () -> results.stream().toList());
			assertThat(ex.getCause()).isInstanceOf(DimseFailureException.class)
				.hasMessageContaining("0xA900 (Failure: Identifier does not match SOP Class)");
		}
	}

	/**
	 * Run an operation against a peer that ignores its C-CANCEL-RQ, with a grace period
	 * of {@link #CANCEL_GRACE}, and check that the grace period ended it: a
	 * {@link DicomTimeoutException} of kind {@link TimeoutKind#CANCEL} naming the
	 * request, thrown after the grace period and well before the DIMSE timeout, and an
	 * A-ABORT on the wire.
	 */
	static void assertAbortedAfterTheGracePeriod(ScriptedPeer peer, Association association,
			CompletableFuture<DimseScript.Message> cancel, String request, ThrowingCallable operation)
			throws Exception {
		long start = System.nanoTime();
		DicomTimeoutException ex = catchThrowableOfType(DicomTimeoutException.class, operation);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(ex.getKind()).isEqualTo(TimeoutKind.CANCEL);
		assertThat(ex.getTimeout()).isEqualTo(CANCEL_GRACE);
		assertThat(ex.getMessage()).startsWith("cancel grace period (")
			.contains(request + " 1 to SCRIPTED@127.0.0.1:" + peer.port() + " still pending after");
		assertThat(elapsed).isBetween(CANCEL_GRACE, Duration.ofSeconds(3));
		assertThat(cancel.get(5, TimeUnit.SECONDS).command().commandField()).isEqualTo(CommandField.C_CANCEL_RQ);
		assertThat(association.isEstablished()).isFalse();
		assertThat(peer.awaitClientClose(5)).isTrue();
		assertThat(peer.receivedAfterScript()).startsWith(0x07, 0x00);
	}

	static byte[] encode(DataSet dataSet) {
		return new DataSetWriter(IMPLICIT).toByteArray(dataSet);
	}

	private static DataSet patient(String id) {
		return new DataSet().setString("QueryRetrieveLevel", "PATIENT").setString("PatientID", id);
	}

	static Association open(ScriptedPeer peer) throws Exception {
		return open(peer,
				List.of(PresentationContext.of(STUDY_ROOT_FIND, "ImplicitVRLittleEndian"), PresentationContext
					.of(QueryRetrieveModel.PATIENT_ROOT.findSopClassUid(), "ImplicitVRLittleEndian"),
						PresentationContext.of("Verification")));
	}

	static Association open(ScriptedPeer peer, List<PresentationContext> contexts) throws Exception {
		return Association.request(AssociationRequest.builder("127.0.0.1", peer.port())
			.calledAeTitle("SCRIPTED")
			.timeouts(AssociationTimeouts.defaults().withDimse(Duration.ofSeconds(5)).withAcse(Duration.ofSeconds(5)))
			.contexts(contexts)
			.build());
	}

}
