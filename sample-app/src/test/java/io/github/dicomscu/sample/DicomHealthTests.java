package io.github.dicomscu.sample;

import java.nio.file.Path;

import io.github.dicomscu.net.peer.DcmtkPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code dicom} health contributor in {@code /actuator/health} against a
 * real DCMTK {@code storescp}: UP while it runs, DOWN with the error once it stops; and
 * against the sample's own storage SCP ({@code local}), UP throughout.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FreeStorageScpPortConfiguration.class)
class DicomHealthTests {

	@TempDir
	static Path storage;

	private static DcmtkPeer storescp;

	@Autowired
	private MockMvcTester mvc;

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

	@DynamicPropertySource
	static void storescpRemote(DynamicPropertyRegistry registry) {
		registry.add("dicom.scu.remotes.storescp.host", () -> "127.0.0.1");
		registry.add("dicom.scu.remotes.storescp.port", () -> storescp.port());
		registry.add("dicom.scu.remotes.storescp.ae-title", () -> "STORESCP");
	}

	@Test
	void healthIsUpWhileStorescpRunsAndDownOnceItStops() {
		String storescpPath = "$.components.dicom.components.storescp";
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.components.dicom.status", (status) -> status.assertThat().isEqualTo("UP"))
			.hasPathSatisfying("$.components.dicom.components.local.status",
					(status) -> status.assertThat().isEqualTo("UP"))
			.hasPathSatisfying("$.components.dicom.components.local.details.aeTitle",
					(aeTitle) -> aeTitle.assertThat().isEqualTo("SAMPLESCU"))
			.hasPathSatisfying(storescpPath + ".status", (status) -> status.assertThat().isEqualTo("UP"))
			.hasPathSatisfying(storescpPath + ".details.aeTitle",
					(aeTitle) -> aeTitle.assertThat().isEqualTo("STORESCP"))
			.hasPathSatisfying(storescpPath + ".details.host", (host) -> host.assertThat().isEqualTo("127.0.0.1"))
			.hasPathSatisfying(storescpPath + ".details.port", (port) -> port.assertThat().isEqualTo(storescp.port()))
			.hasPathSatisfying(storescpPath + ".details.status", (status) -> status.assertThat().isEqualTo("0x0000"))
			.hasPathSatisfying(storescpPath + ".details.statusText", (text) -> text.assertThat().isEqualTo("Success"))
			.hasPathSatisfying(storescpPath + ".details.roundTripMs",
					(roundTrip) -> roundTrip.assertThat().asNumber().isNotNull())
			.hasPathSatisfying(storescpPath + ".details.implementationClassUid",
					(uid) -> uid.assertThat().asString().startsWith("1.2.276.0.7230010.3."))
			.hasPathSatisfying(storescpPath + ".details.implementationVersionName",
					(name) -> name.assertThat().asString().startsWith("OFFIS_DCMTK_"));
		storescp.close();
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> status.assertThat().isEqualTo("DOWN"))
			.hasPathSatisfying("$.components.dicom.status", (status) -> status.assertThat().isEqualTo("DOWN"))
			.hasPathSatisfying("$.components.dicom.components.local.status",
					(status) -> status.assertThat().isEqualTo("UP"))
			.hasPathSatisfying(storescpPath + ".status", (status) -> status.assertThat().isEqualTo("DOWN"))
			.hasPathSatisfying(storescpPath + ".details.error",
					(error) -> error.assertThat()
						.asString()
						.startsWith("remote 'storescp' (STORESCP@127.0.0.1:" + storescp.port() + "): ")
						.contains("Connection refused"));
	}

}
