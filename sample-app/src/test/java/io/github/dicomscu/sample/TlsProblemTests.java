package io.github.dicomscu.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TLS failure is a 502 problem naming its type and reason: here the remote 'secure' has
 * TLS enabled but is the sample's own plain storage SCP.
 */
@SpringBootTest(properties = { "dicom.scu.remotes.secure.host=127.0.0.1",
		"dicom.scu.remotes.secure.port=${dicom.scu.storage-scp.port}", "dicom.scu.remotes.secure.ae-title=SAMPLESCU",
		"dicom.scu.remotes.secure.ssl.enabled=true", "dicom.scu.remotes.secure.health.enabled=false" })
@AutoConfigureMockMvc
@Import(FreeStorageScpPortConfiguration.class)
class TlsProblemTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void plainPeerWithTlsConfiguredIsBadGatewayProblem() {
		assertThat(this.mvc.post().uri("/api/remotes/secure/echo")).hasStatus(HttpStatus.BAD_GATEWAY)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("DicomTlsException"))
			.hasPathSatisfying("$.tlsFailure", (failure) -> failure.assertThat().isEqualTo("NOT_A_TLS_PEER"))
			.hasPathSatisfying("$.remote", (remote) -> remote.assertThat().isEqualTo("secure"));
	}

}
