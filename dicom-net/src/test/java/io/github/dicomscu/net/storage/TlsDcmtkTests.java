package io.github.dicomscu.net.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.ClientAuth;
import io.github.dicomscu.net.association.DicomTlsException;
import io.github.dicomscu.net.association.TlsFailure;
import io.github.dicomscu.net.association.TlsSettings;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.TestPki;
import io.github.dicomscu.net.scp.DicomScp;

import static io.github.dicomscu.net.storage.StoreRoundTripTests.dataSetBytes;
import static io.github.dicomscu.net.storage.StoreRoundTripTests.sentBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * DICOM over TLS against DCMTK (built with OpenSSL): our requestor echoes and stores into
 * {@code storescp +tls}, {@code echoscu +tls} and {@code storescu +tls} reach our SCP,
 * mutual TLS both ways, and each TLS failure against {@code storescp} is typed and ends
 * within the connect/ACSE deadline. Certificates are made at test time.
 */
class TlsDcmtkTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final TestPki ca = TestPki.create("Test CA");

	private static final TestPki otherCa = TestPki.create("Other CA");

	@TempDir
	static Path pki;

	@TempDir
	Path temp;

	private static Path caFile;

	private static Path serverKey;

	private static Path serverCertificate;

	private static TestPki.Leaf client;

	private static Path clientKey;

	private static Path clientCertificate;

	@BeforeAll
	static void writePki() {
		caFile = ca.writeCertificate(pki.resolve("ca.pem"));
		TestPki.Leaf server = ca.leaf("server");
		serverKey = server.writePrivateKey(pki.resolve("server-key.pem"));
		serverCertificate = server.writeCertificate(pki.resolve("server.pem"));
		client = ca.leaf("client");
		clientKey = client.writePrivateKey(pki.resolve("client-key.pem"));
		clientCertificate = client.writeCertificate(pki.resolve("client.pem"));
	}

	@Test
	void ourRequestorEchoesAndStoresIntoStorescpOverTls() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		StoreInstance instance = StoreInstance.of(file);
		Path out = this.temp.resolve("out");
		try (DcmtkPeer storescp = storescp(out, serverKey, serverCertificate, "-ic")) {
			TlsSettings tls = TlsSettings.builder(TestPki.context(null, ca)).build();
			try (Association association = Association.request(request(storescp, tls, instance))) {
				assertThat(association.echo()).isZero();
				assertThat(StoreScu.store(association, instance, Priority.MEDIUM).outcome())
					.isEqualTo(StoreOutcome.SUCCESS);
			}
		}
		Map<String, Path> arrived = DcmtkStorageFixtures.filesByInstanceUid(out);
		assertThat(dataSetBytes(arrived.get(instance.sopInstanceUid()))).isEqualTo(sentBytes(file));
	}

	@Test
	void storescpRequiringOurCertificateAcceptsOnlyARequestorThatHasOne() throws Exception {
		try (DcmtkPeer storescp = storescp(this.temp.resolve("out"), serverKey, serverCertificate, "+cf",
				caFile.toString(), "-rc")) {
			try (Association association = Association
				.request(request(storescp, TlsSettings.builder(TestPki.context(client, ca)).build(), null))) {
				assertThat(association.echo()).isZero();
			}
			assertTlsFailure(request(storescp, TlsSettings.builder(TestPki.context(null, ca)).build(), null),
					TlsFailure.CLIENT_CERTIFICATE_REFUSED);
		}
	}

	@Test
	void echoscuAndStorescuWithTlsReachOurScpRequiringTheirCertificate() throws Exception {
		Path file = CtInstances.write(this.temp.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		Path received = this.temp.resolve("received");
		TlsSettings tls = TlsSettings.builder(TestPki.context(ca.leaf("our-scp"), ca))
			.clientAuth(ClientAuth.NEED)
			.build();
		DicomScp.Builder builder = DicomScp.builder().aeTitle("OURSCP").tls(tls);
		try (DicomScp scp = StorageScp.toDirectory(received).addTo(builder).build().start()) {
			DcmtkPeer.Result echo = DcmtkPeer.run(Duration.ofSeconds(30), "echoscu", tlsClient(scp, List.of()));
			assertThat(echo.exitCode()).as(echo.output()).isZero();
			assertThat(echo.output()).contains("Received Echo Response (Success)");
			DcmtkPeer.Result store = DcmtkPeer.run(Duration.ofSeconds(30), "storescu",
					tlsClient(scp, List.of(file.toString())));
			assertThat(store.exitCode()).as(store.output()).isZero();
			DcmtkPeer.Result withoutCertificate = DcmtkPeer.run(Duration.ofSeconds(30), "echoscu", "-v", "-aec",
					"OURSCP", "+tls", "-pw", "+cf", caFile.toString(), "127.0.0.1", Integer.toString(scp.getPort()));
			assertThat(withoutCertificate.exitCode()).as(withoutCertificate.output()).isNotZero();
			assertThat(withoutCertificate.output()).doesNotContain("Received Echo Response");
		}
		Path copy = received.resolve(StoreInstance.of(file).sopInstanceUid() + ".dcm");
		assertThat(StoreRoundTripTests.dataSet(copy)).isEqualTo(StoreRoundTripTests.dataSet(file));
	}

	@Test
	void untrustedAuthorityOfStorescpIsReported() throws Exception {
		assertCertificateFailure(otherCa.leaf("foreign"), TlsFailure.UNTRUSTED_CERTIFICATE);
	}

	@Test
	void expiredCertificateOfStorescpIsReported() throws Exception {
		assertCertificateFailure(ca.expiredLeaf("expired"), TlsFailure.CERTIFICATE_EXPIRED);
	}

	@Test
	void hostnameMismatchWithStorescpIsReported() throws Exception {
		assertCertificateFailure(ca.leafFor("pacs", "pacs.example"), TlsFailure.HOSTNAME_MISMATCH);
	}

	private void assertCertificateFailure(TestPki.Leaf storescpLeaf, TlsFailure failure) throws Exception {
		try (DcmtkPeer storescp = storescp(this.temp.resolve("out"),
				storescpLeaf.writePrivateKey(this.temp.resolve("k.pem")),
				storescpLeaf.writeCertificate(this.temp.resolve("c.pem")), "-ic")) {
			assertTlsFailure(request(storescp, TlsSettings.builder(TestPki.context(null, ca)).build(), null), failure);
		}
	}

	@Test
	void plainStorescpWithTlsConfiguredIsReported() throws Exception {
		Path out = this.temp.resolve("out");
		Files.createDirectories(out);
		try (DcmtkPeer storescp = DcmtkPeer.startServer("storescp", "--aetitle", "STORESCP", "--output-directory",
				out.toString())) {
			assertTlsFailure(request(storescp, TlsSettings.builder(TestPki.context(null, ca)).build(), null),
					TlsFailure.NOT_A_TLS_PEER);
		}
	}

	@Test
	void storescpWithTlsReachedInPlainTcpIsReported() throws Exception {
		try (DcmtkPeer storescp = storescp(this.temp.resolve("out"), serverKey, serverCertificate, "-ic")) {
			assertTlsFailure(request(storescp, null, null), TlsFailure.PEER_EXPECTS_TLS);
		}
	}

	private static String[] tlsClient(DicomScp scp, List<String> files) {
		List<String> arguments = new ArrayList<>(List.of("-v", "-aet", "DCMTKSCU", "-aec", "OURSCP", "+tls",
				clientKey.toString(), clientCertificate.toString(), "-pw", "+cf", caFile.toString(), "127.0.0.1",
				Integer.toString(scp.getPort())));
		arguments.addAll(files);
		return arguments.toArray(String[]::new);
	}

	private static DcmtkPeer storescp(Path out, Path key, Path certificate, String... options) throws Exception {
		Files.createDirectories(out);
		List<String> arguments = new ArrayList<>(List.of("--aetitle", "STORESCP", "--output-directory", out.toString(),
				"+B", "+tls", key.toString(), certificate.toString(), "-pw"));
		arguments.addAll(List.of(options));
		return DcmtkPeer.startServer("storescp", arguments.toArray(String[]::new));
	}

	private static AssociationRequest request(DcmtkPeer storescp, TlsSettings tls, StoreInstance instance) {
		AssociationRequest.Builder builder = AssociationRequest.builder("127.0.0.1", storescp.port())
			.calledAeTitle("STORESCP")
			.context(PresentationContext.of(Uid.VERIFICATION))
			.timeouts(AssociationTimeouts.defaults().withConnect(TIMEOUT).withAcse(TIMEOUT))
			.tls(tls);
		if (instance != null) {
			builder.contexts(StoreContexts.forInstances(List.of(instance)));
		}
		return builder.build();
	}

	private static void assertTlsFailure(AssociationRequest request, TlsFailure failure) {
		long start = System.nanoTime();
		assertThatExceptionOfType(DicomTlsException.class).isThrownBy(() -> Association.request(request))
			.satisfies((ex) -> assertThat(ex.getFailure()).as(ex.getMessage()).isEqualTo(failure));
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(TIMEOUT.toMillis());
	}

}
