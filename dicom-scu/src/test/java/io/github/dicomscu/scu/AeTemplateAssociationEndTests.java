package io.github.dicomscu.scu;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for how {@link AeTemplate} ends an association after a failure, seen from a
 * scripted peer: released when the association is still established, aborted when the
 * failure broke it or the callback threw; and for its pluggable
 * {@link DicomExceptionTranslator}.
 */
class AeTemplateAssociationEndTests {

	private static final byte A_RELEASE_RQ = 0x05;

	private static final byte A_ABORT = 0x07;

	@Test
	void dimseFailureStatusLeavesTheAssociationEstablishedSoItIsReleased() throws Exception {
		CompletableFuture<Boolean> released = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.respond(out, DimseScript.read(in), 0xC001, null);
			AeTemplateFindTests.expectRelease(in, out, released);
		})) {
			assertThatExceptionOfType(DimseFailureException.class)
				.isThrownBy(() -> template(peer, AssociationTimeouts.defaults()).findAll("scripted",
						Query.studyRoot(QueryLevel.STUDY), 0))
				.satisfies((ex) -> {
					assertThat(ex.getOperation()).isEqualTo(CommandField.C_FIND_RQ);
					assertThat(ex.getStatus()).isEqualTo(0xC001);
					assertThat(ex.isTransient()).isFalse();
				});
			assertThat(released.get(5, TimeUnit.SECONDS)).as("released, not aborted").isTrue();
			assertThat(peer.awaitClientClose(5)).isTrue();
		}
	}

	@Test
	void engineFailureOfTheCallbackOnAnEstablishedAssociationReleasesIt() throws Exception {
		CompletableFuture<Boolean> released = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			AeTemplateFindTests.expectRelease(in, out, released);
		})) {
			assertThatExceptionOfType(NoAcceptedContextException.class)
				.isThrownBy(() -> template(peer, AssociationTimeouts.defaults()).execute("scripted",
						(association) -> association.requireAcceptedContext("1.2.840.10008.5.1.4.1.1.2")))
				.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
			assertThat(released.get(5, TimeUnit.SECONDS)).as("released, not aborted").isTrue();
		}
	}

	@Test
	void timeoutBreaksTheAssociationSoItIsAborted() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.read(in);
		})) {
			Duration dimse = Duration.ofMillis(300);
			assertThatExceptionOfType(DicomTimeoutException.class)
				.isThrownBy(() -> template(peer, AssociationTimeouts.defaults().withDimse(dimse)).findAll("scripted",
						Query.studyRoot(QueryLevel.STUDY), 0))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(TimeoutKind.DIMSE);
					assertThat(ex.isTransient()).isTrue();
				});
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertThat(peer.receivedAfterScript()).as("an A-ABORT, no A-RELEASE-RQ")
				.startsWith(A_ABORT)
				.doesNotContain(A_RELEASE_RQ);
		}
	}

	@Test
	void runtimeExceptionOfTheCallbackAbortsTheAssociation() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start(DimseScript::accept)) {
			IllegalStateException failure = new IllegalStateException("boom");
			assertThatIllegalStateException()
				.isThrownBy(() -> template(peer, AssociationTimeouts.defaults()).execute("scripted", (association) -> {
					throw failure;
				}))
				.isSameAs(failure);
			assertThat(peer.awaitClientClose(5)).isTrue();
			assertThat(peer.receivedAfterScript()).startsWith(A_ABORT).doesNotContain(A_RELEASE_RQ);
		}
	}

	@Test
	void theDefaultTranslatorIsTheDefaultDicomExceptionTranslator() {
		assertThat(AeTemplate.builder().build().getExceptionTranslator())
			.isInstanceOf(DefaultDicomExceptionTranslator.class);
	}

	@Test
	void failuresAreTranslatedByTheConfiguredTranslator() {
		DicomExceptionTranslator translator = (remote, ex) -> new UncategorizedDicomException(remote.name(),
				"custom: " + ex.getClass().getSimpleName(), ex);
		AeTemplate template = closedPortTemplate(translator);
		assertThat(template.getExceptionTranslator()).isSameAs(translator);
		assertThatExceptionOfType(UncategorizedDicomException.class).isThrownBy(() -> template.echo("closed"))
			.withMessage("custom: DicomConnectException")
			.withCauseInstanceOf(io.github.dicomscu.net.association.DicomConnectException.class);
	}

	@Test
	void aTranslatorThatReturnsNullGivesAnUncategorizedException() {
		AeTemplate template = closedPortTemplate((remote, ex) -> null);
		assertThatExceptionOfType(UncategorizedDicomException.class).isThrownBy(() -> template.echo("closed"))
			.withMessageStartingWith("remote 'closed' (NOBODY@127.0.0.1:")
			.withCauseInstanceOf(io.github.dicomscu.net.association.DicomConnectException.class)
			.satisfies((ex) -> assertThat(ex.getRemote()).isEqualTo("closed"));
	}

	private static AeTemplate template(ScriptedPeer peer, AssociationTimeouts timeouts) {
		AeTemplate.Builder builder = AeTemplate.builder()
			.aeTitle("TESTSCU")
			.timeouts(timeouts)
			.remote(new RemoteAe("scripted", "SCRIPTED", "127.0.0.1", peer.port()));
		builder.requestedContexts().add("Verification");
		return builder.build();
	}

	private static AeTemplate closedPortTemplate(DicomExceptionTranslator translator) {
		AeTemplate.Builder builder = AeTemplate.builder()
			.exceptionTranslator(translator)
			.remote(new RemoteAe("closed", "NOBODY", "127.0.0.1", DcmtkPeer.freePort()));
		builder.requestedContexts().add("Verification");
		return builder.build();
	}

}
