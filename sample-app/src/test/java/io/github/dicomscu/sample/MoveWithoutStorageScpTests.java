package io.github.dicomscu.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code POST /api/remotes/{name}/move} with the storage SCP switched off:
 * there is no default destination, so a move must name one. The request is refused before
 * anything is sent.
 */
@SpringBootTest(properties = "dicom.scu.storage-scp.enabled=false")
@AutoConfigureMockMvc
class MoveWithoutStorageScpTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void moveOfASeriesWithoutItsUidNorADestinationIsBadRequestListingBoth() {
		assertThat(this.mvc.post().uri("/api/remotes/local/move").contentType(MediaType.APPLICATION_JSON).content("""
				{"level":"SERIES","studyInstanceUid":"1.2.3"}
				""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[1].message",
					(message) -> message.assertThat()
						.isEqualTo("required: no local storage SCP is configured (dicom.scu.storage-scp.enabled) "
								+ "to move to by default"))
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("seriesInstanceUid", "destination");
	}

}
