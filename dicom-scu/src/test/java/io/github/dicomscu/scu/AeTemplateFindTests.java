package io.github.dicomscu.scu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import io.github.dicomscu.net.query.RetrieveProgress;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the C-FIND operations of {@link AeTemplate} against scripted peers: the lazy
 * stream, C-CANCEL when it is closed early, failure statuses, and the release of the
 * association in every case; and the template's cancel grace period for C-FIND, C-MOVE
 * and C-GET against peers that ignore the C-CANCEL-RQ.
 */
class AeTemplateFindTests {

	@Test
	void closingTheStreamEarlyCancelsAndReleasesTheAssociation() throws Exception {
		CompletableFuture<CommandField> cancel = new CompletableFuture<>();
		CompletableFuture<Boolean> released = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, study("1.2.1"));
			DimseScript.respond(out, find, Status.PENDING, study("1.2.2"));
			cancel.complete(DimseScript.read(in).command().commandField());
			DimseScript.respond(out, find, Status.PENDING, study("1.2.3"));
			DimseScript.respond(out, find, Status.CANCEL, null);
			expectRelease(in, out, released);
		})) {
			try (Stream<DataSet> studies = template(peer).find("scripted", Query.studyRoot(QueryLevel.STUDY))) {
				assertThat(studies.findFirst())
					.hasValueSatisfying((study) -> assertThat(study.getString("StudyInstanceUID")).isEqualTo("1.2.1"));
			}
			assertThat(cancel.get(5, TimeUnit.SECONDS)).isEqualTo(CommandField.C_CANCEL_RQ);
			assertThat(released.get(5, TimeUnit.SECONDS)).as("released, not aborted").isTrue();
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void readingTheStreamToTheEndReleasesTheAssociationBeforeItIsClosed() throws Exception {
		CompletableFuture<Boolean> released = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, study("1.2.1"));
			DimseScript.respond(out, find, Status.PENDING, study("1.2.2"));
			DimseScript.respond(out, find, Status.SUCCESS, null);
			expectRelease(in, out, released);
		})) {
			Stream<DataSet> studies = template(peer).find("scripted", Query.studyRoot(QueryLevel.STUDY));
			assertThat(studies.map((study) -> study.getString("StudyInstanceUID")).toList()).containsExactly("1.2.1",
					"1.2.2");
			assertThat(released.get(5, TimeUnit.SECONDS)).isTrue();
			studies.close();
		}
	}

	@Test
	void failureStatusWhileTheStreamIsReadIsADimseStatusExceptionAndTheAssociationIsReleased() throws Exception {
		CompletableFuture<Boolean> released = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, study("1.2.1"));
			DimseScript.respond(out, find,
					DimseScript.response(find, 0xC001).putString(CommandTag.ERROR_COMMENT, "index unreadable"), null);
			expectRelease(in, out, released);
		}); Stream<DataSet> studies = template(peer).find("scripted", Query.studyRoot(QueryLevel.STUDY))) {
			assertThatExceptionOfType(DimseFailureException.class).isThrownBy(studies::toList)
				.withMessage("remote 'scripted' (SCRIPTED@127.0.0.1:" + peer.port()
						+ "): C-FIND-RQ to SCRIPTED@127.0.0.1:" + peer.port()
						+ " failed with status 0xC001 (Failure: Unable to process): index unreadable")
				.satisfies((ex) -> {
					assertThat(ex.getRemote()).isEqualTo("scripted");
					assertThat(ex.getOperation()).isEqualTo(CommandField.C_FIND_RQ);
					assertThat(ex.getStatus()).isEqualTo(0xC001);
					assertThat(ex.getStatusMeaning()).isEqualTo("Unable to process");
					assertThat(ex.getErrorComment()).isEqualTo("index unreadable");
				});
			assertThat(released.get(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void findAllCancelsWhenTheLimitIsReachedAndReleasesTheAssociation() throws Exception {
		CompletableFuture<CommandField> cancel = new CompletableFuture<>();
		CompletableFuture<Boolean> released = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, study("1.2.1"));
			DimseScript.respond(out, find, Status.PENDING, study("1.2.2"));
			cancel.complete(DimseScript.read(in).command().commandField());
			DimseScript.respond(out, find, Status.CANCEL, null);
			expectRelease(in, out, released);
		})) {
			List<DataSet> studies = template(peer).findAll("scripted", Query.studyRoot(QueryLevel.STUDY), 2);
			assertThat(studies).extracting((study) -> study.getString("StudyInstanceUID"))
				.containsExactly("1.2.1", "1.2.2");
			assertThat(cancel.get(5, TimeUnit.SECONDS)).isEqualTo(CommandField.C_CANCEL_RQ);
			assertThat(released.get(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void findAllAbortsAPeerThatIgnoresTheCancelAfterTheTemplatesGracePeriod() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message find = DimseScript.read(in);
			DimseScript.respond(out, find, Status.PENDING, study("1.2.0"));
			DimseScript.ignoreCancel(in, cancel,
					(i) -> DimseScript.respond(out, find, Status.PENDING, study("1.2." + i)));
		})) {
			AeTemplate template = builder(peer).cancelGrace(Duration.ofMillis(400)).build();
			assertCancelTimeout(peer, cancel, "C-FIND-RQ",
					() -> template.findAll("scripted", Query.studyRoot(QueryLevel.STUDY), 1));
		}
	}

	@Test
	void moveAbortsAPeerThatIgnoresTheCancelAfterTheTemplatesGracePeriod() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ignoringTheCancel(cancel)) {
			AeTemplate template = builder(peer).cancelGrace(Duration.ofMillis(400)).build();
			List<RetrieveProgress> progress = new CopyOnWriteArrayList<>();
			assertCancelTimeout(peer, cancel, "C-MOVE-RQ",
					() -> template.move("scripted", Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2"),
							"ELSEWHERE", progress::add, () -> !progress.isEmpty()));
		}
	}

	@Test
	void getAbortsAPeerThatIgnoresTheCancelAfterTheTemplatesGracePeriod() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ignoringTheCancel(cancel)) {
			AeTemplate template = builder(peer).cancelGrace(Duration.ofMillis(400)).build();
			List<RetrieveProgress> progress = new CopyOnWriteArrayList<>();
			assertCancelTimeout(peer, cancel, "C-GET-RQ",
					() -> template.get("scripted", Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2"),
							(instance) -> Status.SUCCESS, progress::add, () -> !progress.isEmpty()));
		}
	}

	/**
	 * Start a peer that answers the request with a pending response and then ignores the
	 * C-CANCEL-RQ, sending pending responses without identifier.
	 */
	private static ScriptedPeer ignoringTheCancel(CompletableFuture<DimseScript.Message> cancel) throws IOException {
		return ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message request = DimseScript.read(in);
			DimseScript.respond(out, request, Status.PENDING, null);
			DimseScript.ignoreCancel(in, cancel, (i) -> DimseScript.respond(out, request, Status.PENDING, null));
		});
	}

	private static void assertCancelTimeout(ScriptedPeer peer, CompletableFuture<DimseScript.Message> cancel,
			String operation, ThrowingCallable call) throws Exception {
		long start = System.nanoTime();
		assertThatExceptionOfType(DicomTimeoutException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.getKind()).isEqualTo(TimeoutKind.CANCEL);
			assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(400));
			assertThat(ex.getRemote()).isEqualTo("scripted");
			assertThat(ex.isTransient()).isTrue();
			assertThat(ex.getMessage()).contains(operation + " 1 to SCRIPTED@127.0.0.1:" + peer.port())
				.contains("still pending after");
		});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400),
				Duration.ofSeconds(3));
		assertThat(cancel.get(5, TimeUnit.SECONDS).command().commandField()).isEqualTo(CommandField.C_CANCEL_RQ);
		assertThat(peer.awaitClientClose(5)).isTrue();
		assertThat(peer.receivedAfterScript()).startsWith(0x07, 0x00);
	}

	@Test
	void findAllWithANegativeLimitFails() {
		AeTemplate.Builder builder = AeTemplate.builder()
			.remote(new RemoteAe("scripted", "SCRIPTED", "127.0.0.1", 104));
		builder.requestedContexts().add("Verification");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> builder.build().findAll("scripted", Query.studyRoot(QueryLevel.STUDY), -1))
			.withMessage("maxResults must not be negative, got -1");
	}

	static void expectRelease(InputStream in, OutputStream out, CompletableFuture<Boolean> released) {
		try {
			DimseScript.release(in, out);
			released.complete(true);
		}
		catch (IOException ex) {
			released.complete(false);
		}
	}

	private static byte[] study(String studyInstanceUid) {
		DataSet study = new DataSet().setString("QueryRetrieveLevel", "STUDY")
			.setString("StudyInstanceUID", studyInstanceUid);
		return new DataSetWriter(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).toByteArray(study);
	}

	private static AeTemplate template(ScriptedPeer peer) {
		return builder(peer).build();
	}

	private static AeTemplate.Builder builder(ScriptedPeer peer) {
		AeTemplate.Builder builder = AeTemplate.builder()
			.aeTitle("TESTSCU")
			.remote(new RemoteAe("scripted", "SCRIPTED", "127.0.0.1", peer.port()));
		builder.requestedContexts().add("Verification");
		return builder;
	}

}
