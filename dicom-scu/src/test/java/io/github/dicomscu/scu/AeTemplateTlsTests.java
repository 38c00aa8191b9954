package io.github.dicomscu.scu;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.net.association.TlsFailure;
import io.github.dicomscu.net.association.TlsSettings;
import io.github.dicomscu.net.peer.TestPki;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The template over TLS: a remote's TLS settings are asked for at every association, so
 * new trust applies to the next one, and a TLS failure arrives as the typed, permanent
 * {@link DicomTlsException}.
 */
class AeTemplateTlsTests {

	private static final TestPki ca = TestPki.create("Test CA");

	@Test
	void echoOverTlsWithSettingsTakenAtEveryAssociation() throws Exception {
		TlsSettings scpTls = TlsSettings.builder(TestPki.context(ca.leaf("scp"), ca)).build();
		try (DicomScp scp = DicomScp.builder().tls(scpTls).build().start()) {
			AtomicReference<TlsSettings> current = new AtomicReference<>(
					TlsSettings.builder(TestPki.context(null, ca)).build());
			AeTemplate.Builder builder = AeTemplate.builder()
				.remote(new RemoteAe("pacs", "PACS", "127.0.0.1", scp.getPort()))
				.tls("pacs", current::get);
			builder.requestedContexts().add("Verification");
			AeTemplate template = builder.build();
			assertThat(template.echo("pacs").status()).isZero();

			current.set(TlsSettings.builder(TestPki.context(null, TestPki.create("Other CA"))).build());

			assertThat(template.getTls("pacs")).isSameAs(current.get());
			assertThatExceptionOfType(DicomTlsException.class).isThrownBy(() -> template.echo("pacs"))
				.satisfies((ex) -> {
					assertThat(ex.getFailure()).isEqualTo(TlsFailure.UNTRUSTED_CERTIFICATE);
					assertThat(ex.getRemote()).isEqualTo("pacs");
					assertThat(ex.isTransient()).isFalse();
				})
				.withMessageContaining("the peer's certificate is not trusted");
		}
	}

}
