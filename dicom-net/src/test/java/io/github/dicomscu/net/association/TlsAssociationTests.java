package io.github.dicomscu.net.association;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.peer.TestPki;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * TLS between our requestor and our acceptor: echo over TLS by name and by address,
 * mutual TLS, and each failure typed and bounded by its deadline (untrusted authority,
 * expired leaf, host name mismatch, a plain peer with TLS configured, a TLS peer with
 * plain TCP configured, a peer that never answers the hello, a requestor that never sends
 * one).
 */
class TlsAssociationTests {

	private static final TestPki ca = TestPki.create("Test CA");

	private static final TestPki otherCa = TestPki.create("Other CA");

	private static final TestPki.Leaf server = ca.leaf("server");

	private static final TestPki.Leaf client = ca.leaf("client");

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private DicomScp scp;

	@AfterEach
	void stop() {
		if (this.scp != null) {
			this.scp.stop();
		}
	}

	@Test
	void echoOverTlsByAddressAndByName() throws Exception {
		this.scp = tlsScp(TlsSettings.builder(TestPki.context(server, ca)).build());
		TlsSettings tls = TlsSettings.builder(TestPki.context(null, ca)).build();
		for (String host : List.of("127.0.0.1", "localhost")) {
			try (Association association = Association.request(request(host, tls))) {
				assertThat(association.echo()).isZero();
			}
		}
	}

	@Test
	void defaultsAreTheBcp195ProtocolsAndCipherSuites() {
		TlsSettings tls = TlsSettings.builder(TestPki.context(null, ca)).build();
		assertThat(tls.getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
		assertThat(tls.getCipherSuites()).isNotEmpty().isSubsetOf(TlsSettings.BCP195_CIPHER_SUITES);
		assertThat(tls.getCipherSuites()).contains("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
		assertThat(tls.isVerifyHostname()).isTrue();
		assertThat(tls.getClientAuth()).isEqualTo(ClientAuth.NONE);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TlsSettings.builder(TestPki.context(null, ca)).protocols(List.of("TLSv9")).build())
			.withMessageContaining("TLSv9");
	}

	@Test
	void overriddenProtocolAndCipherSuiteAreUsed() throws Exception {
		this.scp = tlsScp(TlsSettings.builder(TestPki.context(server, ca)).build());
		TlsSettings tls = TlsSettings.builder(TestPki.context(null, ca))
			.protocols(List.of("TLSv1.2"))
			.cipherSuites(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))
			.build();
		try (Association association = Association.request(request("127.0.0.1", tls))) {
			assertThat(association.echo()).isZero();
		}
		TlsSettings onlyTls13 = TlsSettings.builder(TestPki.context(null, ca))
			.protocols(List.of("TLSv1.3"))
			.cipherSuites(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))
			.build();
		assertTlsFailure(request("127.0.0.1", onlyTls13), TlsFailure.HANDSHAKE_FAILED);
	}

	@Test
	void mutualTlsAcceptsAClientWithATrustedCertificateAndRefusesOneWithout() throws Exception {
		this.scp = tlsScp(TlsSettings.builder(TestPki.context(server, ca)).clientAuth(ClientAuth.NEED).build());
		try (Association association = Association
			.request(request("127.0.0.1", TlsSettings.builder(TestPki.context(client, ca)).build()))) {
			assertThat(association.echo()).isZero();
		}
		assertTlsFailure(request("127.0.0.1", TlsSettings.builder(TestPki.context(null, ca)).build()),
				TlsFailure.CLIENT_CERTIFICATE_REFUSED);
		TestPki.Leaf untrustedClient = otherCa.leaf("intruder");
		assertTlsFailure(request("127.0.0.1", TlsSettings.builder(TestPki.context(untrustedClient, ca)).build()),
				TlsFailure.CLIENT_CERTIFICATE_REFUSED);
	}

	@Test
	void wantedClientCertificateIsOptional() throws Exception {
		this.scp = tlsScp(TlsSettings.builder(TestPki.context(server, ca)).clientAuth(ClientAuth.WANT).build());
		try (Association association = Association
			.request(request("127.0.0.1", TlsSettings.builder(TestPki.context(null, ca)).build()))) {
			assertThat(association.echo()).isZero();
		}
	}

	@Test
	void untrustedAuthorityIsReported() throws Exception {
		this.scp = tlsScp(TlsSettings.builder(TestPki.context(server, ca)).build());
		assertTlsFailure(request("127.0.0.1", TlsSettings.builder(TestPki.context(null, otherCa)).build()),
				TlsFailure.UNTRUSTED_CERTIFICATE);
	}

	@Test
	void expiredLeafIsReported() throws Exception {
		this.scp = tlsScp(TlsSettings.builder(TestPki.context(ca.expiredLeaf("expired"), ca)).build());
		assertTlsFailure(request("127.0.0.1", TlsSettings.builder(TestPki.context(null, ca)).build()),
				TlsFailure.CERTIFICATE_EXPIRED);
	}

	@Test
	void hostnameMismatchIsReportedForNamesAndAddressesUnlessVerificationIsOff() throws Exception {
		this.scp = tlsScp(TlsSettings.builder(TestPki.context(ca.leafFor("pacs", "pacs.example"), ca)).build());
		SSLContext trustCa = TestPki.context(null, ca);
		assertTlsFailure(request("127.0.0.1", TlsSettings.builder(trustCa).build()), TlsFailure.HOSTNAME_MISMATCH);
		assertTlsFailure(request("localhost", TlsSettings.builder(trustCa).build()), TlsFailure.HOSTNAME_MISMATCH);
		try (Association association = Association
			.request(request("127.0.0.1", TlsSettings.builder(trustCa).verifyHostname(false).build()))) {
			assertThat(association.echo()).isZero();
		}
	}

	@Test
	void plainPeerWithTlsConfiguredIsReported() throws Exception {
		this.scp = DicomScp.builder().build().start();
		assertTlsFailure(request("127.0.0.1", TlsSettings.builder(TestPki.context(null, ca)).build()),
				TlsFailure.NOT_A_TLS_PEER);
	}

	@Test
	void tlsPeerWithPlainTcpConfiguredIsReported() throws Exception {
		this.scp = tlsScp(TlsSettings.builder(TestPki.context(server, ca)).build());
		assertTlsFailure(request("127.0.0.1", null), TlsFailure.PEER_EXPECTS_TLS);
	}

	@Test
	void peerThatNeverAnswersTheHelloEndsWithinTheConnectTimeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			AssociationRequest request = AssociationRequest.builder("127.0.0.1", silent.getLocalPort())
				.context(PresentationContext.of(Uid.VERIFICATION))
				.timeouts(AssociationTimeouts.defaults().withConnect(Duration.ofMillis(500)).withAcse(TIMEOUT))
				.tls(TlsSettings.builder(TestPki.context(null, ca)).build())
				.build();
			long start = System.nanoTime();
			assertThatExceptionOfType(DicomTimeoutException.class).isThrownBy(() -> Association.request(request))
				.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(TimeoutKind.CONNECT))
				.withMessageContaining("TLS handshake");
			assertThat(millisSince(start)).isBetween(400L, 1500L);
		}
	}

	@Test
	void requestorThatNeverSendsItsHelloHoldsOnlyItsOwnThreadUntilArtim() throws Exception {
		this.scp = DicomScp.builder()
			.timeouts(AssociationTimeouts.defaults().withArtim(Duration.ofMillis(800)))
			.tls(TlsSettings.builder(TestPki.context(server, ca)).build())
			.build()
			.start();
		try (Socket stalled = new Socket("127.0.0.1", this.scp.getPort())) {
			stalled.getOutputStream().write(0x16);
			stalled.setSoTimeout(5000);
			try (Association association = Association
				.request(request("127.0.0.1", TlsSettings.builder(TestPki.context(null, ca)).build()))) {
				assertThat(association.echo()).isZero();
			}
			long start = System.nanoTime();
			assertThat(stalled.getInputStream().read()).isEqualTo(-1);
			assertThat(millisSince(start)).isLessThan(2000L);
		}
	}

	private DicomScp tlsScp(TlsSettings tls) throws Exception {
		return DicomScp.builder().tls(tls).build().start();
	}

	private AssociationRequest request(String host, TlsSettings tls) {
		return AssociationRequest.builder(host, this.scp.getPort())
			.context(PresentationContext.of(Uid.VERIFICATION))
			.timeouts(AssociationTimeouts.defaults().withConnect(TIMEOUT).withAcse(TIMEOUT))
			.tls(tls)
			.build();
	}

	private static void assertTlsFailure(AssociationRequest request, TlsFailure failure) {
		long start = System.nanoTime();
		assertThatExceptionOfType(DicomTlsException.class).isThrownBy(() -> Association.request(request))
			.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(failure))
			.withMessageContaining(failure.text());
		assertThat(millisSince(start)).isLessThan(TIMEOUT.toMillis());
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
