package io.github.dicomscu.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.TlsFailure;
import io.github.dicomscu.net.association.TlsSettings;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.peer.TestPki;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.DicomAccessException;
import io.github.dicomscu.scu.DicomTlsException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * TLS through Spring SSL bundles: a remote secured with a PEM bundle, the storage SCP
 * requiring client certificates, a missing bundle failing startup with a failure
 * analysis, and a reloaded bundle applying to the next association.
 */
class DicomScuAutoConfigurationTlsTests {

	private static final TestPki ca = TestPki.create("Test CA");

	private static final TestPki otherCa = TestPki.create("Other CA");

	@TempDir
	static Path pki;

	private static Path caFile;

	private static Path otherCaFile;

	private static Path serverKey;

	private static Path serverCertificate;

	private static TestPki.Leaf client;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, DicomScuAutoConfiguration.class));

	@BeforeAll
	static void writePki() {
		caFile = ca.writeCertificate(pki.resolve("ca.pem"));
		otherCaFile = otherCa.writeCertificate(pki.resolve("other-ca.pem"));
		TestPki.Leaf server = ca.leaf("server");
		serverKey = server.writePrivateKey(pki.resolve("server-key.pem"));
		serverCertificate = server.writeCertificate(pki.resolve("server.pem"));
		client = ca.leaf("client");
	}

	@Test
	void remoteIsReachedOverTlsWithAPemBundle() throws Exception {
		try (DicomScp scp = tlsScp()) {
			this.contextRunner
				.withPropertyValues("spring.ssl.bundle.pem.pacs.truststore.certificate=" + caFile,
						"dicom.scu.remotes.pacs.host=127.0.0.1", "dicom.scu.remotes.pacs.port=" + scp.getPort(),
						"dicom.scu.remotes.pacs.ssl.bundle=pacs", "dicom.scu.remotes.plain.host=127.0.0.1",
						"dicom.scu.remotes.plain.port=" + scp.getPort())
				.run((context) -> {
					AeOperations operations = context.getBean(AeOperations.class);
					assertThat(operations.echo("pacs").status()).isZero();
					assertThatExceptionOfType(DicomTlsException.class).isThrownBy(() -> operations.echo("plain"))
						.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(TlsFailure.PEER_EXPECTS_TLS));
				});
		}
	}

	@Test
	void enabledWithoutBundleUsesTheJvmTrustAndVerifiesTheHostByDefault() throws Exception {
		try (DicomScp scp = tlsScp()) {
			this.contextRunner
				.withPropertyValues("dicom.scu.remotes.pacs.host=127.0.0.1",
						"dicom.scu.remotes.pacs.port=" + scp.getPort(), "dicom.scu.remotes.pacs.ssl.enabled=true")
				.run((context) -> {
					assertThat(
							context.getBean(io.github.dicomscu.scu.AeTemplate.class).getTls("pacs").isVerifyHostname())
						.isTrue();
					assertThatExceptionOfType(DicomTlsException.class)
						.isThrownBy(() -> context.getBean(AeOperations.class).echo("pacs"))
						.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(TlsFailure.UNTRUSTED_CERTIFICATE));
				});
		}
	}

	@Test
	void storageScpRequiresTrustedClientCertificates() {
		this.contextRunner
			.withPropertyValues("spring.ssl.bundle.pem.scp.keystore.certificate=" + serverCertificate,
					"spring.ssl.bundle.pem.scp.keystore.private-key=" + serverKey,
					"spring.ssl.bundle.pem.scp.truststore.certificate=" + caFile, "dicom.scu.storage-scp.enabled=true",
					"dicom.scu.storage-scp.port=0", "dicom.scu.storage-scp.directory=" + pki.resolve("received"),
					"dicom.scu.storage-scp.ssl.bundle=scp", "dicom.scu.storage-scp.ssl.client-auth=need")
			.run((context) -> {
				DicomScp scp = context.getBean(DicomScp.class);
				assertThat(scp.isTls()).isTrue();
				try (Association association = Association
					.request(echoRequest(scp.getPort(), TlsSettings.builder(TestPki.context(client, ca)).build()))) {
					assertThat(association.echo()).isZero();
				}
				assertThatExceptionOfType(io.github.dicomscu.net.association.DicomTlsException.class)
					.isThrownBy(() -> Association
						.request(echoRequest(scp.getPort(), TlsSettings.builder(TestPki.context(null, ca)).build())))
					.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(TlsFailure.CLIENT_CERTIFICATE_REFUSED));
			});
	}

	@Test
	void missingBundleFailsStartupWithAFailureAnalysis() {
		String[] properties = { "dicom.scu.remotes.pacs.host=127.0.0.1", "dicom.scu.remotes.pacs.ssl.bundle=nope" };
		MockEnvironment environment = new MockEnvironment();
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new DicomScuConfigurationFailureAnalyzer(environment)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: dicom.scu.remotes.pacs.ssl.bundle")
				.contains("there is no SSL bundle named 'nope'");
			assertThat(analysis.getAction()).contains("spring.ssl.bundle.pem.<name>");
		});
	}

	@Test
	void reloadedBundleAppliesToTheNextAssociation() throws Exception {
		Path trust = pki.resolve("reloaded-trust.pem");
		Files.copy(otherCaFile, trust, StandardCopyOption.REPLACE_EXISTING);
		try (DicomScp scp = tlsScp()) {
			this.contextRunner
				.withPropertyValues("spring.ssl.bundle.pem.pacs.truststore.certificate=" + trust,
						"spring.ssl.bundle.pem.pacs.reload-on-update=true",
						"spring.ssl.bundle.watch.file.quiet-period=100ms", "dicom.scu.remotes.pacs.host=127.0.0.1",
						"dicom.scu.remotes.pacs.port=" + scp.getPort(), "dicom.scu.remotes.pacs.ssl.bundle=pacs")
				.run((context) -> {
					AeOperations operations = context.getBean(AeOperations.class);
					assertThatExceptionOfType(DicomTlsException.class).isThrownBy(() -> operations.echo("pacs"));
					Files.copy(caFile, trust, StandardCopyOption.REPLACE_EXISTING);
					long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
					Integer status = null;
					while (status == null && System.nanoTime() < deadline) {
						try {
							status = operations.echo("pacs").status();
						}
						catch (DicomAccessException ex) {
							Thread.sleep(200);
						}
					}
					assertThat(status).isZero();
				});
		}
	}

	private static DicomScp tlsScp() throws Exception {
		return DicomScp.builder()
			.tls(TlsSettings.builder(TestPki.context(ca.leaf("server"), ca)).build())
			.build()
			.start();
	}

	private static AssociationRequest echoRequest(int port, TlsSettings tls) {
		return AssociationRequest.builder("127.0.0.1", port)
			.calledAeTitle(AssociationRequest.DEFAULT_CALLING_AE_TITLE)
			.context(PresentationContext.of(Uid.VERIFICATION))
			.tls(tls)
			.build();
	}

}
