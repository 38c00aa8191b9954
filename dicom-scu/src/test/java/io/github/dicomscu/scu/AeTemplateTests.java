package io.github.dicomscu.scu;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.ImplementationInfo;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationState;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.BindAddress;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.TooManyPresentationContextsException;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import io.github.dicomscu.net.query.QueryRetrieveModel;
import io.github.dicomscu.net.query.StoreReceiver;
import io.github.dicomscu.net.scp.DicomScp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AeTemplate} against the engine's {@link DicomScp} and scripted peers.
 */
@ExtendWith(OutputCaptureExtension.class)
class AeTemplateTests {

	private DicomScp scp;

	@BeforeEach
	void startScp() throws IOException {
		this.scp = DicomScp.builder().aeTitle("SCP").build().start();
	}

	@AfterEach
	void stopScp() {
		this.scp.stop();
	}

	@Test
	void echoReturnsSuccessWithThePeersImplementation() {
		EchoResult result = template().echo("local");
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.status()).isZero();
		assertThat(result.statusText()).isEqualTo("Success");
		assertThat(result.remote()).isEqualTo(new RemoteAe("local", "SCP", "127.0.0.1", this.scp.getPort()));
		assertThat(result.roundTrip()).isPositive();
		assertThat(result.implementationClassUid()).isEqualTo(ImplementationInfo.CLASS_UID);
		assertThat(result.implementationVersionName()).isEqualTo(ImplementationInfo.VERSION_NAME);
	}

	@Test
	void echoReturnsAFailureStatusInsteadOfThrowing() throws IOException {
		this.scp.stop();
		this.scp = DicomScp.builder()
			.aeTitle("SCP")
			.handler(CommandField.C_ECHO_RQ,
					(association, request) -> association.send(request.contextId(),
							Command.echoRsp(request.command().messageId(), Status.PROCESSING_FAILURE)))
			.build()
			.start();
		EchoResult result = template().echo("local");
		assertThat(result.isSuccess()).isFalse();
		assertThat(result.status()).isEqualTo(0x0110);
		assertThat(result.statusText()).isEqualTo("Processing failure");
	}

	@Test
	void echoLogsOneLineWithTheNegotiationOutcome(CapturedOutput output) {
		AeTemplate.Builder builder = builder();
		builder.requestedContexts().add("CTImageStorage").add("Verification");
		builder.build().echo("local");
		assertThat(output).contains("Association with remote 'local' (SCP@127.0.0.1:" + this.scp.getPort()
				+ "): 1 of 2 presentation contexts accepted, 1 rejected");
	}

	@Test
	void executeReleasesTheAssociationAfterTheCallback() {
		AtomicReference<Association> used = new AtomicReference<>();
		String peer = template().execute("local", (association) -> {
			used.set(association);
			return association.getPeerAeTitle();
		});
		assertThat(peer).isEqualTo("SCP");
		assertThat(used.get().getState()).isEqualTo(AssociationState.STA1);
	}

	@Test
	void executeProposesTheGivenContexts() {
		List<PresentationContext> contexts = List.of(PresentationContext.of("CTImageStorage"),
				PresentationContext.of("Verification", "ExplicitVRLittleEndian"));
		List<String> negotiated = template().execute("local", contexts,
				(association) -> association.getNegotiatedContexts().stream().map(Object::toString).toList());
		assertThat(negotiated).containsExactly("1 CT Image Storage: abstract-syntax-not-supported (provider rejection)",
				"3 Verification SOP Class: accepted, Explicit VR Little Endian");
	}

	@Test
	void executeAbortsTheAssociationAndRethrowsWhenTheCallbackFails() {
		AtomicReference<Association> used = new AtomicReference<>();
		IllegalStateException failure = new IllegalStateException("boom");
		assertThatIllegalStateException().isThrownBy(() -> template().execute("local", (association) -> {
			used.set(association);
			throw failure;
		})).isSameAs(failure);
		assertThat(used.get().getState()).isEqualTo(AssociationState.STA1);
	}

	@Test
	void executeTranslatesAnEngineFailureOfTheCallbackAndReleasesTheStillUsableAssociation() {
		AtomicReference<Association> used = new AtomicReference<>();
		assertThatExceptionOfType(NoAcceptedContextException.class)
			.isThrownBy(() -> template().execute("local", (association) -> {
				used.set(association);
				return association.requireAcceptedContext("1.2.840.10008.5.1.4.1.1.2");
			}))
			.withMessageStartingWith("remote 'local' (SCP@127.0.0.1:" + this.scp.getPort()
					+ "): No accepted presentation context for CT Image Storage")
			.satisfies((ex) -> {
				assertThat(ex.getRemote()).isEqualTo("local");
				assertThat(ex.getAbstractSyntax()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
				assertThat(ex.getNegotiated()).singleElement().satisfies((context) -> assertThat(context.isAccepted()));
			});
		assertThat(used.get().getState()).isEqualTo(AssociationState.STA1);
	}

	@Test
	void findProposesTheFindContextAloneWhenTheRequestedContextsLackIt(CapturedOutput output)
			throws InterruptedException {
		String find = QueryRetrieveModel.STUDY_ROOT.findSopClassUid();
		assertThatExceptionOfType(NoAcceptedContextException.class)
			.isThrownBy(() -> template().find("local", Query.studyRoot(QueryLevel.STUDY)))
			.satisfies((ex) -> {
				assertThat(ex.getAbstractSyntax()).isEqualTo(find);
				assertThat(ex.getNegotiated()).singleElement()
					.satisfies((context) -> assertThat(context.proposed())
						.isEqualTo(PresentationContext.of(find, PresentationContext.DEFAULT_TRANSFER_SYNTAXES)));
			});
		assertThat(output).contains("0 of 1 presentation contexts accepted, 1 rejected");
		awaitNoConnection(this.scp);
	}

	@Test
	void findProposesTheRequestedContextsWhenTheyIncludeTheFindContext() {
		AeTemplate.Builder builder = builder();
		builder.requestedContexts().addAll(ContextSet.QUERY_RETRIEVE).addAll(ContextSet.VERIFICATION);
		AeTemplate template = builder.build();
		assertThatExceptionOfType(NoAcceptedContextException.class)
			.isThrownBy(() -> template.findAll("local", Query.patientRoot(QueryLevel.PATIENT), 0))
			.satisfies((ex) -> assertThat(ex.getNegotiated()).hasSize(14));
	}

	@Test
	void findContextsOfferTheTemplatesTransferSyntaxes() {
		AeTemplate.Builder builder = builder().transferSyntaxes(List.of("ExplicitVRLittleEndian"));
		builder.requestedContexts().add("Verification");
		AeTemplate template = builder.build();
		assertThat(template.getTransferSyntaxes()).containsExactly(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
		assertThatExceptionOfType(NoAcceptedContextException.class)
			.isThrownBy(() -> template.find("local", Query.studyRoot(QueryLevel.STUDY)))
			.satisfies((ex) -> assertThat(ex.getNegotiated()).singleElement()
				.satisfies((context) -> assertThat(context.proposed().transferSyntaxes())
					.containsExactly(Uid.EXPLICIT_VR_LITTLE_ENDIAN)));
	}

	@Test
	void moveProposesTheMoveContextAloneUnlessTheRemotesOwnContextsIncludeIt() {
		String move = QueryRetrieveModel.STUDY_ROOT.moveSopClassUid();
		AeTemplate.Builder builder = builder().remote(new RemoteAe("own", "SCP", "127.0.0.1", this.scp.getPort()));
		builder.requestedContexts().addAll(ContextSet.QUERY_RETRIEVE);
		builder.requestedContexts("own").add("Verification").add(move, "ExplicitVRLittleEndian");
		AeTemplate template = builder.build();
		Query query = Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3");
		assertThatExceptionOfType(NoAcceptedContextException.class)
			.isThrownBy(() -> template.move("local", query, "DEST", null))
			.satisfies((ex) -> assertThat(ex.getNegotiated()).singleElement()
				.satisfies((context) -> assertThat(context.abstractSyntax()).isEqualTo(move)));
		assertThatExceptionOfType(NoAcceptedContextException.class)
			.isThrownBy(() -> template.move("own", query, "DEST", null))
			.satisfies((ex) -> assertThat(ex.getNegotiated()).extracting((context) -> context.proposed())
				.containsExactly(PresentationContext.of("Verification"),
						PresentationContext.of(move, "ExplicitVRLittleEndian")));
	}

	@Test
	void moveToAnInvalidDestinationFailsBeforeAnyAssociation(CapturedOutput output) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> template().move("local", Query.studyRoot(QueryLevel.STUDY), "SEVENTEEN_CHARS_X", null))
			.withMessageContaining("Invalid move destination 'SEVENTEEN_CHARS_X'");
		assertThat(output).doesNotContain("Association with remote");
	}

	@Test
	void getProposesTheGetContextAndTheRetrieveStorageContextsWithTheScpRole() {
		String get = QueryRetrieveModel.PATIENT_ROOT.getSopClassUid();
		AeTemplate template = template();
		assertThat(template.getRetrieveStorageContexts())
			.hasSize(AeTemplate.DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES.size());
		assertThatExceptionOfType(NoAcceptedContextException.class)
			.isThrownBy(() -> template.get("local", Query.patientRoot(QueryLevel.PATIENT).match("PatientID", "1"),
					(instance) -> Status.SUCCESS, null))
			.satisfies((ex) -> {
				assertThat(ex.getAbstractSyntax()).isEqualTo(get);
				assertThat(ex.getNegotiated()).hasSize(1 + AeTemplate.DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES.size());
				assertThat(ex.getNegotiated().get(0).proposed()).isEqualTo(PresentationContext.of(get));
				assertThat(ex.getNegotiated().get(1).proposed())
					.isEqualTo(PresentationContext.of("CTImageStorage").withRoles(false, true));
			});
	}

	@Test
	void retrieveStorageContextsAreProposedWithTheScpRole() {
		AeTemplate.Builder builder = builder()
			.retrieveStorageContexts(List.of(PresentationContext.of("MRImageStorage", "ExplicitVRLittleEndian")));
		builder.requestedContexts().add("Verification");
		AeTemplate template = builder.build();
		assertThat(template.getRetrieveStorageContexts())
			.containsExactly(PresentationContext.of("MRImageStorage", "ExplicitVRLittleEndian").withRoles(false, true));
		assertThatExceptionOfType(NoAcceptedContextException.class)
			.isThrownBy(() -> template.get("local", Query.studyRoot(QueryLevel.STUDY),
					StoreReceiver.toDirectory(Path.of("unused")), null))
			.satisfies((ex) -> assertThat(ex.getNegotiated()).hasSize(2));
	}

	@Test
	void moreThan127RetrieveStorageContextsFail() {
		List<PresentationContext> contexts = new ArrayList<>(ContextSet.STORAGE.contexts());
		contexts.addAll(ContextSet.STORAGE.contexts().subList(0, 8));
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> AeTemplate.builder().retrieveStorageContexts(contexts))
			.withMessageContaining("129 presentation contexts requested")
			.withMessageContaining("1 from the GET SOP class, 128 from retrieveStorageContexts()");
	}

	@Test
	void worklistQueriesCannotBeMoved() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> template().move("local", Query.worklist(), "DEST", null));
	}

	@Test
	void executeWithMoreThan128ContextsFails() {
		List<PresentationContext> contexts = new ArrayList<>(ContextSet.STORAGE.contexts());
		contexts.addAll(ContextSet.QUERY_RETRIEVE.contexts());
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> template().execute("local", contexts, (association) -> null))
			.withMessageContaining("133 presentation contexts requested");
	}

	@Test
	void unknownRemoteFails() {
		assertThatExceptionOfType(UnknownRemoteException.class).isThrownBy(() -> template().echo("nope"))
			.withMessage("No remote AE named 'nope' is configured; known remotes: local")
			.satisfies((ex) -> assertThat(ex.getRemote()).isEqualTo("nope"));
	}

	@Test
	void getRequestedContextsOfARemoteWithoutItsOwnAreTheGlobalOnes() {
		AeTemplate.Builder builder = builder().remote(new RemoteAe("other", "OTHER", "127.0.0.1", 104));
		builder.requestedContexts().add("Verification");
		builder.requestedContexts("other").add("CTImageStorage");
		AeTemplate template = builder.build();
		assertThat(template.getRequestedContexts("local")).containsExactly(PresentationContext.of("Verification"));
		assertThat(template.getRequestedContexts("other")).containsExactly(PresentationContext.of("CTImageStorage"));
		assertThat(template.getRemotes()).containsOnlyKeys("local", "other");
	}

	@Test
	void refusedConnectionIsAConnectionFailure() {
		int port = DcmtkPeer.freePort();
		AeTemplate.Builder builder = AeTemplate.builder().remote(new RemoteAe("closed", "NOBODY", "127.0.0.1", port));
		builder.requestedContexts().add("Verification");
		assertThatExceptionOfType(DicomConnectException.class).isThrownBy(() -> builder.build().echo("closed"))
			.withMessageStartingWith(
					"remote 'closed' (NOBODY@127.0.0.1:" + port + "): Cannot connect to NOBODY@127.0.0.1:" + port)
			.satisfies((ex) -> {
				assertThat(ex.getRemote()).isEqualTo("closed");
				assertThat(ex.isTransient()).isTrue();
			});
	}

	@Test
	void rejectionKeepsResultSourceAndReason() {
		AeTemplate.Builder builder = AeTemplate.builder()
			.remote(new RemoteAe("wrong", "NOT-THE-SCP", "127.0.0.1", this.scp.getPort()));
		builder.requestedContexts().add("Verification");
		assertThatExceptionOfType(AssociationRejectedException.class).isThrownBy(() -> builder.build().echo("wrong"))
			.withMessageStartingWith(
					"remote 'wrong' (NOT-THE-SCP@127.0.0.1:" + this.scp.getPort() + "): Association rejected by")
			.satisfies((ex) -> {
				assertThat(ex.getResult()).isEqualTo(RejectResult.PERMANENT);
				assertThat(ex.getSource()).isEqualTo(RejectSource.SERVICE_USER);
				assertThat(ex.getReason()).isEqualTo(RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);
				assertThat(ex.isTransient()).isFalse();
			});
	}

	@Test
	void abortDuringNegotiationKeepsSourceAndReason() throws IOException {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			ScriptedPeer.readPdu(in);
			out.write(new byte[] { 0x07, 0, 0, 0, 0, 4, 0, 0, 2, 6 });
			out.flush();
		})) {
			assertThatExceptionOfType(AssociationAbortedException.class)
				.isThrownBy(() -> scripted(peer.port(), AssociationTimeouts.defaults()).echo("scripted"))
				.withMessageContaining("remote 'scripted'")
				.satisfies((ex) -> {
					assertThat(ex.getSource()).isEqualTo(AbortSource.SERVICE_PROVIDER);
					assertThat(ex.getReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE);
					assertThat(ex.isTransient()).isFalse();
				});
		}
	}

	@Test
	void closedConnectionIsAnAssociationClosedAndTransient() throws IOException {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			ScriptedPeer.readPdu(in);
			out.close();
		})) {
			assertThatExceptionOfType(AssociationClosedException.class)
				.isThrownBy(() -> scripted(peer.port(), AssociationTimeouts.defaults()).echo("scripted"))
				.withMessageStartingWith("remote 'scripted' (SCRIPTED@127.0.0.1:" + peer.port() + "): ")
				.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
		}
	}

	@Test
	void silentPeerIsATimeoutNamingTheTimer() throws IOException {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> ScriptedPeer.readPdu(in))) {
			Duration acse = Duration.ofMillis(300);
			assertThatExceptionOfType(DicomTimeoutException.class)
				.isThrownBy(() -> scripted(peer.port(), AssociationTimeouts.defaults().withAcse(acse)).echo("scripted"))
				.withMessageContaining("ACSE timeout (300 ms) expired")
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(TimeoutKind.ACSE);
					assertThat(ex.getTimeout()).isEqualTo(acse);
					assertThat(ex.isTransient()).isTrue();
				});
		}
	}

	@Test
	void malformedAnswerIsAProtocolViolation() throws IOException {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			ScriptedPeer.readPdu(in);
			out.write(new byte[] { 0x09, 0, 0, 0, 0, 2, 0, 0 });
			out.flush();
		})) {
			assertThatExceptionOfType(DicomProtocolException.class)
				.isThrownBy(() -> scripted(peer.port(), AssociationTimeouts.defaults()).echo("scripted"))
				.withMessageStartingWith("remote 'scripted' (SCRIPTED@127.0.0.1:" + peer.port() + "): ");
		}
	}

	@Test
	void associationsAreOpenedFromTheBindAddress() {
		AeTemplate.Builder builder = builder().bindAddress(BindAddress.ipv4("127.0.0.1", 0));
		builder.requestedContexts().add("Verification");
		assertThat(builder.build().echo("local").isSuccess()).isTrue();
	}

	@Test
	void oneTemplateServesManyThreads() throws Exception {
		AeTemplate template = template();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<EchoResult>> echoes = Collections.nCopies(40, () -> template.echo("local"));
			for (Future<EchoResult> echo : executor.invokeAll(echoes)) {
				assertThat(echo.get().isSuccess()).isTrue();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void builderRejectsARemoteWithoutHost() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AeTemplate.builder().remote(new RemoteAe("x", "X", " ", 104)))
			.withMessage("Remote 'x' has no host");
	}

	@Test
	void builderRejectsAnInvalidMaxPduLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> AeTemplate.builder().maxPduLength(7))
			.withMessage("Maximum PDU length 7 must be 0 (no limit) or between 8 and 4294967295");
	}

	@Test
	void builderRejectsACancelGraceThatTheTimeoutOwnerRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> AeTemplate.builder().cancelGrace(Duration.ZERO))
			.withMessage("cancel grace timeout must be positive, was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> AeTemplate.builder().cancelGrace(Duration.ofDays(2)))
			.withMessage("cancel grace timeout must be at most PT24H, was PT48H");
	}

	@Test
	void builderRejectsAMaxFindResultsThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> AeTemplate.builder().maxFindResults(0))
			.withMessage("maxFindResults must be positive, got 0");
	}

	@Test
	void cancelGraceAndMaxFindResultsHaveDefaultsAndCanBeSet() {
		AeTemplate defaults = AeTemplate.builder().build();
		assertThat(defaults.getCancelGrace()).isEqualTo(Duration.ofSeconds(5));
		assertThat(defaults.getMaxFindResults()).isEqualTo(10_000);
		AeTemplate template = AeTemplate.builder().cancelGrace(Duration.ofMillis(750)).maxFindResults(7).build();
		assertThat(template.getCancelGrace()).isEqualTo(Duration.ofMillis(750));
		assertThat(template.getMaxFindResults()).isEqualTo(7);
	}

	@Test
	void builderRejectsContextsOfAnUnknownRemote() {
		assertThatIllegalArgumentException().isThrownBy(() -> builder().requestedContexts("nope"))
			.withMessage("No remote named 'nope'; known remotes: local");
	}

	@Test
	void buildFailsWhenARemoteWouldBeProposedNoContext() {
		assertThatIllegalStateException().isThrownBy(() -> builder().build())
			.withMessage(
					"No presentation contexts to propose to remote(s) local; an association proposes at least one");
	}

	static void awaitNoConnection(DicomScp scp) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (scp.getActiveConnectionCount() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(scp.getActiveConnectionCount()).as("connections the SCP still serves").isZero();
	}

	private AeTemplate template() {
		AeTemplate.Builder builder = builder();
		builder.requestedContexts().add(Uid.VERIFICATION);
		return builder.build();
	}

	private AeTemplate.Builder builder() {
		return AeTemplate.builder()
			.aeTitle("TESTSCU")
			.remote(new RemoteAe("local", "SCP", "127.0.0.1", this.scp.getPort()));
	}

	private static AeTemplate scripted(int port, AssociationTimeouts timeouts) {
		AeTemplate.Builder builder = AeTemplate.builder()
			.timeouts(timeouts)
			.remote(new RemoteAe("scripted", "SCRIPTED", "127.0.0.1", port));
		builder.requestedContexts().add("Verification");
		return builder.build();
	}

}
