package io.github.dicomscu.sample;

import java.util.Map;

import io.github.dicomscu.autoconfigure.DicomScuProperties;
import io.github.dicomscu.net.peer.DcmtkPeer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code /api/remotes} endpoints against the sample's storage SCP
 * ({@code local}, here with an AE title of its own, which {@code local} follows) and a
 * remote on a port where nothing listens ({@code closed}).
 */
@SpringBootTest(properties = "dicom.scu.storage-scp.ae-title=" + RemoteControllerTests.STORAGE_SCP_AE_TITLE)
@AutoConfigureMockMvc
@Import(FreeStorageScpPortConfiguration.class)
class RemoteControllerTests {

	static final String STORAGE_SCP_AE_TITLE = "LOCALSCP";

	private static final int CLOSED_PORT = DcmtkPeer.freePort();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private DicomScuProperties properties;

	@DynamicPropertySource
	static void closedRemote(DynamicPropertyRegistry registry) {
		registry.add("dicom.scu.remotes.closed.host", () -> "127.0.0.1");
		registry.add("dicom.scu.remotes.closed.port", () -> CLOSED_PORT);
		registry.add("dicom.scu.remotes.closed.ae-title", () -> "NOBODY");
	}

	@Test
	void remotesListsLocalAtTheStorageScp() {
		int storageScpPort = this.properties.getStorageScp().getPort();
		assertThat(storageScpPort).isNotEqualTo(11113);
		assertThat(this.mvc.get().uri("/api/remotes")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.name == 'local')]")
			.asArray()
			.singleElement()
			.isEqualTo(Map.of("name", "local", "aeTitle", STORAGE_SCP_AE_TITLE, "host", "127.0.0.1", "port",
					storageScpPort));
	}

	@Test
	void echoLocalSucceeds() {
		assertThat(this.mvc.post().uri("/api/remotes/local/echo")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> status.assertThat().isEqualTo(0))
			.hasPathSatisfying("$.statusText", (text) -> text.assertThat().isEqualTo("Success"))
			.hasPathSatisfying("$.roundTripMs", (roundTrip) -> roundTrip.assertThat().asNumber().isNotNull());
	}

	@Test
	void echoUnknownRemoteIsNotFoundProblem() {
		assertThat(this.mvc.post().uri("/api/remotes/nope/echo")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> status.assertThat().isEqualTo(404))
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Unknown remote AE"))
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat().asString().contains("No remote AE named 'nope'", "local"))
			.hasPathSatisfying("$.remote", (remote) -> remote.assertThat().isEqualTo("nope"))
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("UnknownRemoteException"))
			.hasPathSatisfying("$.instance", (instance) -> instance.assertThat().isEqualTo("/api/remotes/nope/echo"));
	}

	@Test
	void echoClosedPortIsBadGatewayProblem() {
		assertThat(this.mvc.post().uri("/api/remotes/closed/echo")).hasStatus(HttpStatus.BAD_GATEWAY)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> status.assertThat().isEqualTo(502))
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Connection to the remote AE failed"))
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.asString()
						.startsWith("remote 'closed' (NOBODY@127.0.0.1:" + CLOSED_PORT + "): "))
			.hasPathSatisfying("$.remote", (remote) -> remote.assertThat().isEqualTo("closed"))
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("DicomConnectException"));
	}

}
