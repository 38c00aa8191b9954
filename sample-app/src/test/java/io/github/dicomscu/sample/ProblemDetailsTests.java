package io.github.dicomscu.sample;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that client mistakes are 4xx problem details and that only a bug reaches the
 * last-resort 500 problem, which names no cause.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ FreeStorageScpPortConfiguration.class, ProblemDetailsTests.FaultyController.class })
class ProblemDetailsTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void unsupportedMediaTypeOfAStoreIsUnsupportedMediaTypeProblem() {
		assertClientMistake(this.mvc.post()
			.uri("/api/remotes/local/store")
			.contentType(MediaType.TEXT_PLAIN)
			.content("hello".getBytes(StandardCharsets.US_ASCII))
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void malformedJsonOfAMoveIsBadRequestProblem() {
		assertClientMistake(this.mvc.post()
			.uri("/api/remotes/local/move")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":")
			.exchange(), HttpStatus.BAD_REQUEST);
	}

	@Test
	void getWithoutBodyIsBadRequestProblem() {
		assertClientMistake(
				this.mvc.post().uri("/api/remotes/local/get").contentType(MediaType.APPLICATION_JSON).exchange(),
				HttpStatus.BAD_REQUEST);
	}

	@Test
	void unknownPathIsNotFoundProblem() {
		assertClientMistake(this.mvc.get().uri("/api/remotes/local/nothing-here").exchange(), HttpStatus.NOT_FOUND);
	}

	@Test
	void wrongMethodIsMethodNotAllowedProblem() {
		assertClientMistake(this.mvc.get().uri("/api/remotes/local/store").exchange(), HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void illegalArgumentIsBadRequestProblemWithItsMessage() {
		assertThat(this.mvc.post().uri("/test/invalid-value")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Invalid value"))
			.hasPathSatisfying("$.detail", (detail) -> detail.assertThat().isEqualTo("port must be 1..65535"))
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("IllegalArgumentException"));
	}

	@Test
	void bugIsInternalErrorProblemThatNamesNoCause() {
		assertThat(this.mvc.post().uri("/test/bug")).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Internal error"))
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat().asString().doesNotContain("secret", "IllegalStateException"));
	}

	private static void assertClientMistake(MvcTestResult result, HttpStatus status) {
		assertThat(result).hasStatus(status)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.status", (value) -> value.assertThat().isEqualTo(status.value()))
			.hasPathSatisfying("$.title", (title) -> title.assertThat().asString().isNotEqualTo("Internal error"));
	}

	/**
	 * Endpoints that fail as a bad value and as a bug would.
	 */
	@RestController
	static class FaultyController {

		@PostMapping("/test/invalid-value")
		String invalidValue() {
			throw new IllegalArgumentException("port must be 1..65535");
		}

		@PostMapping("/test/bug")
		String bug() {
			throw new IllegalStateException("secret internal state");
		}

	}

}
