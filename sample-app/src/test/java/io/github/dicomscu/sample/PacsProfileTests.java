package io.github.dicomscu.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the profile {@code pacs} of {@code application.yml}: the remote {@code pacs}
 * replaces {@code local}, and the storage SCP still runs as the move destination.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("pacs")
@Import(FreeStorageScpPortConfiguration.class)
class PacsProfileTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void remotesListsThePacsOnly() {
		assertThat(this.mvc.get().uri("/api/remotes")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				[{"name":"pacs","aeTitle":"PACS","host":"pacs.example.org","port":104}]
				""");
	}

	@Test
	void localIsUnknown() {
		assertThat(this.mvc.post().uri("/api/remotes/local/echo")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.hasPathSatisfying("$.detail", (detail) -> detail.assertThat().asString().endsWith("known remotes: pacs"));
	}

}
