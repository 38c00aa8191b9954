package io.github.dicomscu.net.association;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.TooManyPresentationContextsException;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Our requestor against our acceptor: negotiation, C-ECHO, release, abort, rejection.
 */
class AssociationTests {

	private final List<DicomScp> scps = new ArrayList<>();

	@AfterEach
	void stopScps() {
		this.scps.forEach(DicomScp::stop);
	}

	@Test
	void echoSucceedsAndReleaseEndsTheAssociation() throws Exception {
		DicomScp scp = start(DicomScp.builder().aeTitle("OURSCP"));
		Association association = Association
			.request(request(scp, "OURSCP").context(PresentationContext.of("Verification")).build());
		assertThat(association.isEstablished()).isTrue();
		assertThat(association.getPeerImplementationClassUid())
			.isEqualTo(io.github.dicomscu.net.association.ImplementationInfo.CLASS_UID);
		assertThat(association.getPeerImplementationVersionName())
			.isEqualTo(io.github.dicomscu.net.association.ImplementationInfo.VERSION_NAME);
		assertThat(association.echo()).isEqualTo(Status.SUCCESS);
		assertThat(association.echo()).isEqualTo(Status.SUCCESS);
		association.release();
		assertThat(association.getState()).isEqualTo(AssociationState.STA1);
		assertThatExceptionOfType(AssociationClosedException.class).isThrownBy(association::echo)
			.withMessageContaining("not established");
	}

	@Test
	void negotiationReportsEachContextInOrderWithOddIds() throws Exception {
		DicomScp scp = start(DicomScp.builder().accept("CTImageStorage", Uid.EXPLICIT_VR_LITTLE_ENDIAN));
		try (Association association = Association
			.request(request(scp, "ANY-SCP").context(PresentationContext.of("Verification"))
				.context(PresentationContext.of("CTImageStorage", Uid.IMPLICIT_VR_LITTLE_ENDIAN,
						Uid.EXPLICIT_VR_LITTLE_ENDIAN))
				.context(PresentationContext.of("CTImageStorage", Uid.EXPLICIT_VR_BIG_ENDIAN))
				.context(PresentationContext.of("MRImageStorage"))
				.build())) {
			List<NegotiatedContext> contexts = association.getNegotiatedContexts();
			assertThat(contexts).extracting(NegotiatedContext::id).containsExactly(1, 3, 5, 7);
			assertThat(contexts).extracting(NegotiatedContext::result)
				.containsExactly(PresentationContextResult.ACCEPTANCE, PresentationContextResult.ACCEPTANCE,
						PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED,
						PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED);
			assertThat(contexts.get(1).transferSyntax()).isEqualTo(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
			assertThat(contexts.get(2).transferSyntax()).isNull();
			assertThat(association.requireAcceptedContext("1.2.840.10008.5.1.4.1.1.2").id()).isEqualTo(3);
		}
	}

	@Test
	void echoWithoutAcceptedVerificationSaysSo() throws Exception {
		DicomScp scp = start(DicomScp.builder().accept("CTImageStorage"));
		try (Association association = Association
			.request(request(scp, "ANY-SCP").context(PresentationContext.of("CTImageStorage")).build())) {
			NoAcceptedContextException ex = catchThrowableOfType(NoAcceptedContextException.class, association::echo);
			assertThat(ex.getAbstractSyntax()).isEqualTo(Uid.VERIFICATION);
			assertThat(ex.getMessage()).contains("Verification SOP Class")
				.contains("not proposed")
				.contains("accepted: CT Image Storage");
			assertThat(association.isEstablished()).isTrue();
		}
	}

	@Test
	void echoOnRejectedVerificationNamesTheRejection() throws Exception {
		DicomScp scp = start(DicomScp.builder().refuse("Verification").accept("CTImageStorage"));
		try (Association association = Association
			.request(request(scp, "ANY-SCP").context(PresentationContext.of("Verification"))
				.context(PresentationContext.of("CTImageStorage"))
				.build())) {
			NoAcceptedContextException ex = catchThrowableOfType(NoAcceptedContextException.class, association::echo);
			assertThat(ex.getMessage()).contains("context 1 abstract-syntax-not-supported");
		}
	}

	@Test
	void wrongCalledAeTitleIsRejected() throws Exception {
		DicomScp scp = start(DicomScp.builder().aeTitle("OURSCP"));
		AssociationRejectedException ex = catchThrowableOfType(AssociationRejectedException.class, () -> Association
			.request(request(scp, "OTHER").context(PresentationContext.of("Verification")).build()));
		assertThat(ex.getResult()).isEqualTo(RejectResult.PERMANENT);
		assertThat(ex.getSource()).isEqualTo(RejectSource.SERVICE_USER);
		assertThat(ex.getReason()).isEqualTo(RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);
		assertThat(ex.getMessage()).contains("OTHER@127.0.0.1").contains("called-AE-title-not-recognized");
	}

	@Test
	void associationsBeyondTheLimitAreRejectedTransiently() throws Exception {
		DicomScp scp = start(DicomScp.builder().maxAssociations(1));
		try (Association first = Association
			.request(request(scp, "ANY-SCP").context(PresentationContext.of("Verification")).build())) {
			AssociationRejectedException ex = catchThrowableOfType(AssociationRejectedException.class, () -> Association
				.request(request(scp, "ANY-SCP").context(PresentationContext.of("Verification")).build()));
			assertThat(ex.getResult()).isEqualTo(RejectResult.TRANSIENT);
			assertThat(ex.getReason()).isEqualTo(RejectReason.LOCAL_LIMIT_EXCEEDED);
			assertThat(first.echo()).isZero();
		}
	}

	@Test
	void smallPduLengthsFragmentMessages() throws Exception {
		AtomicInteger echoes = new AtomicInteger();
		DicomScp scp = start(
				DicomScp.builder().maxPduLength(16).handler(CommandField.C_ECHO_RQ, (association, request) -> {
					echoes.incrementAndGet();
					association.send(request.contextId(),
							Command.echoRsp(request.command().messageId(), Status.SUCCESS));
				}));
		try (Association association = Association.request(
				request(scp, "ANY-SCP").context(PresentationContext.of("Verification")).maxPduLength(20).build())) {
			assertThat(association.getPeerMaxPduLength()).isEqualTo(16);
			assertThat(association.echo()).isZero();
			assertThat(echoes).hasValue(1);
		}
	}

	@Test
	void roleSelectionIsNegotiated() throws Exception {
		DicomScp scp = start(DicomScp.builder().accept("CTImageStorage"));
		try (Association association = Association
			.request(request(scp, "ANY-SCP").context(PresentationContext.of("CTImageStorage").withRoles(false, true))
				.build())) {
			NegotiatedContext context = association.getNegotiatedContexts().get(0);
			assertThat(context.scuRole()).isFalse();
			assertThat(context.scpRole()).isTrue();
		}
	}

	@Test
	void abortEndsTheAssociationAndTheScpNotices() throws Exception {
		DicomScp scp = start(DicomScp.builder());
		Association association = Association
			.request(request(scp, "ANY-SCP").context(PresentationContext.of("Verification")).build());
		association.abort();
		assertThat(association.getState()).isEqualTo(AssociationState.STA1);
		awaitNoConnections(scp);
		association.abort();
	}

	@Test
	void stoppingTheScpAbortsItsAssociationsAndEndsItsThreads() throws Exception {
		DicomScp scp = start(DicomScp.builder());
		Association association = Association
			.request(request(scp, "ANY-SCP").context(PresentationContext.of("Verification")).build());
		assertThat(association.echo()).isZero();
		scp.stop();
		assertThatExceptionOfType(io.github.dicomscu.net.pdu.DicomNetworkException.class).isThrownBy(association::echo);
		assertThat(scp.getActiveConnectionCount()).isZero();
		// a pool thread may still be finishing its exit for a moment after the pool
		// terminated
		for (int i = 0; i < 200 && scpThreadsAlive(); i++) {
			Thread.sleep(10);
		}
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch((thread) -> thread.getName().startsWith("dicom-scp"));
	}

	@Test
	void storagePlusEightIsTheLimit() throws Exception {
		DicomScp scp = start(DicomScp.builder().accept(ContextSet.STORAGE));
		List<PresentationContext> contexts = new ArrayList<>(ContextSet.STORAGE.contexts());
		contexts.add(PresentationContext.of("Verification"));
		for (ContextSet set : List.of(ContextSet.QUERY_RETRIEVE)) {
			contexts.addAll(set.contexts().subList(0, 7));
		}
		try (Association association = Association.request(request(scp, "ANY-SCP").contexts(contexts).build())) {
			assertThat(association.getNegotiatedContexts()).hasSize(128);
			assertThat(association.getNegotiatedContexts().get(127).id()).isEqualTo(255);
			assertThat(association.echo()).isZero();
		}
		contexts.add(PresentationContext.of("Verification"));
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> request(scp, "ANY-SCP").contexts(contexts).build())
			.withMessageContaining("129");
	}

	@Test
	void connectionRefusedIsAConnectFailure() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		DicomConnectException ex = catchThrowableOfType(DicomConnectException.class, () -> Association.request(
				AssociationRequest.builder("127.0.0.1", port).context(PresentationContext.of("Verification")).build()));
		assertThat(ex.getPort()).isEqualTo(port);
		assertThat(ex.getMessage()).contains("127.0.0.1:" + port);
	}

	@Test
	void fixedBindPortInUseMentionsTimeWait() throws Exception {
		DicomScp scp = start(DicomScp.builder());
		try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			DicomConnectException ex = catchThrowableOfType(DicomConnectException.class,
					() -> Association.request(request(scp, "ANY-SCP").context(PresentationContext.of("Verification"))
						.bindAddress(BindAddress.ipv4("127.0.0.1", taken.getLocalPort()))
						.build()));
			assertThat(ex.getMessage()).contains("TIME_WAIT").contains("127.0.0.1:" + taken.getLocalPort());
		}
	}

	@Test
	void ephemeralBindAddressIsUsed() throws Exception {
		DicomScp scp = start(DicomScp.builder());
		try (Association association = Association
			.request(request(scp, "ANY-SCP").context(PresentationContext.of("Verification"))
				.bindAddress(BindAddress.ipv4("127.0.0.1", 0))
				.build())) {
			assertThat(association.echo()).isZero();
		}
	}

	@Test
	void ipv6BindAddressValidatesItsFields() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> BindAddress.ipv6("::1", 0, 0x100000, 0))
			.withMessageContaining("flow info");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> BindAddress.ipv4("127.0.0.1", 70000))
			.withMessageContaining("70000");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> BindAddress.ipv6("127.0.0.1", 0, 5, 0).toSocketAddress())
			.withMessageContaining("IPv6 only");
	}

	@Test
	void timeoutsAreBounded() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> AssociationTimeouts.defaults().withDimse(Duration.ZERO))
			.withMessageContaining("dimse");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> AssociationTimeouts.defaults().withIdle(Duration.ofDays(2)))
			.withMessageContaining("idle");
	}

	private DicomScp start(DicomScp.Builder builder) throws Exception {
		DicomScp scp = builder.build().start();
		this.scps.add(scp);
		return scp;
	}

	private static AssociationRequest.Builder request(DicomScp scp, String calledAe) {
		return AssociationRequest.builder("127.0.0.1", scp.getPort()).callingAeTitle("TESTSCU").calledAeTitle(calledAe);
	}

	private static boolean scpThreadsAlive() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.anyMatch((thread) -> thread.getName().startsWith("dicom-scp"));
	}

	private static void awaitNoConnections(DicomScp scp) throws InterruptedException {
		for (int i = 0; i < 200 && scp.getActiveConnectionCount() > 0; i++) {
			Thread.sleep(10);
		}
		assertThat(scp.getActiveConnectionCount()).isZero();
	}

}
