package io.github.dicomscu.scu;

import java.nio.file.Path;
import java.util.List;

import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.peer.DcmtkPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AeTemplate} against DCMTK's {@code storescp}, proposing Storage and
 * Verification (121 contexts).
 */
@ExtendWith(OutputCaptureExtension.class)
class AeTemplateDcmtkTests {

	@TempDir
	static Path storage;

	private static DcmtkPeer storescp;

	@BeforeAll
	static void startStorescp() {
		storescp = DcmtkPeer.startServer("storescp", "--aetitle", "STORESCP", "--output-directory", storage.toString());
	}

	@AfterAll
	static void stopStorescp() {
		if (storescp != null) {
			storescp.close();
		}
	}

	@Test
	void echoWithStorageAndVerificationProposed(CapturedOutput output) {
		AeTemplate template = template();
		EchoResult result = template.echo("storescp");
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.statusText()).isEqualTo("Success");
		assertThat(result.implementationVersionName()).startsWith("OFFIS_DCMTK");
		assertThat(result.implementationClassUid()).startsWith("1.2.276.0.7230010.3");
		assertThat(output).containsPattern("Association with remote 'storescp' \\(STORESCP@127\\.0\\.0\\.1:"
				+ storescp.port() + "\\): \\d+ of 121 presentation contexts accepted, \\d+ rejected");
	}

	@Test
	void executeSeesTheNegotiationOfEveryProposedContext() {
		List<NegotiatedContext> negotiated = template().execute("storescp",
				(association) -> association.getNegotiatedContexts());
		assertThat(negotiated).hasSize(121);
		assertThat(negotiated.get(0).id()).isEqualTo(1);
		assertThat(negotiated.get(120).id()).isEqualTo(241);
		assertThat(negotiated.get(120).isAccepted()).isTrue();
		assertThat(negotiated.stream().filter(NegotiatedContext::isAccepted).count()).isGreaterThan(100);
	}

	private static AeTemplate template() {
		AeTemplate.Builder builder = AeTemplate.builder()
			.aeTitle("TESTSCU")
			.remote(new RemoteAe("storescp", "STORESCP", "127.0.0.1", storescp.port()));
		builder.requestedContexts().addAll(ContextSet.STORAGE).addAll(ContextSet.VERIFICATION);
		return builder.build();
	}

}
