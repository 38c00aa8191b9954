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
 * Tests for the query and retrieve endpoints that need no archive: requests that are
 * answered with 400 before anything is sent, and queries to the sample's storage SCP
 * ({@code local}), which has no Query/Retrieve service.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FreeStorageScpPortConfiguration.class)
class QueryRetrieveRequestTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void unknownKeywordIsBadRequestWithTheSuggestion() {
		assertThat(this.mvc.get().uri("/api/remotes/local/studies?PatientNmae=DOE*")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.title", (title) -> title.assertThat().isEqualTo("Invalid query parameter"))
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.isEqualTo("Query parameter 'PatientNmae' is not a matching key: Unknown tag keyword "
								+ "'PatientNmae'; did you mean 'PatientName'?"))
			.hasPathSatisfying("$.parameter", (parameter) -> parameter.assertThat().isEqualTo("PatientNmae"))
			.hasPathSatisfying("$.suggestions",
					(suggestions) -> suggestions.assertThat().asArray().containsExactly("PatientName"));
	}

	@Test
	void keywordThatCannotBeMatchedIsBadRequest() {
		assertThat(this.mvc.get().uri("/api/remotes/local/studies?PixelData=1")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.asString()
						.startsWith("Query parameter 'PixelData' is not a matching key: PixelData has VR"))
			.hasPathSatisfying("$.parameter", (parameter) -> parameter.assertThat().isEqualTo("PixelData"));
	}

	@Test
	void backslashInASingleValueIsBadRequestNamingTheKey() {
		assertThat(this.mvc.get().uri("/api/remotes/local/studies?PatientName={name}", "*\\*"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.isEqualTo("Invalid matching value for PatientName: a backslash separates values and is "
								+ "not allowed inside a value"))
			.hasPathSatisfying("$.parameter", (parameter) -> parameter.assertThat().isEqualTo("PatientName"));
	}

	@Test
	void badDateIsBadRequestNamingTheKey() {
		for (String date : new String[] { "20240230", "2024-01-01", "2024*", "20240101-20241231-" }) {
			assertThat(this.mvc.get().uri("/api/remotes/local/studies?StudyDate={date}", date))
				.hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.hasPathSatisfying("$.detail",
						(detail) -> detail.assertThat().asString().startsWith("Invalid matching value for StudyDate: "))
				.hasPathSatisfying("$.parameter", (parameter) -> parameter.assertThat().isEqualTo("StudyDate"));
		}
	}

	@Test
	void severalValuesOfANonUidKeyAreBadRequest() {
		assertThat(this.mvc.get().uri("/api/remotes/local/studies?StudyTime=0700&StudyTime=0800"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.parameter", (parameter) -> parameter.assertThat().isEqualTo("StudyTime"));
	}

	@Test
	void negativeLimitIsBadRequest() {
		assertThat(this.mvc.get().uri("/api/remotes/local/studies?limit=-1")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.parameter", (parameter) -> parameter.assertThat().isEqualTo("limit"));
	}

	@Test
	void studyThatIsNotAUidIsBadRequest() {
		assertThat(this.mvc.get().uri("/api/remotes/local/studies/1.2.x/series")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat().asString().startsWith("The study in the path is not a UID: "))
			.hasPathSatisfying("$.parameter", (parameter) -> parameter.assertThat().isEqualTo("study"));
	}

	@Test
	void queryOfTheStorageScpIsBadGatewayProblem() {
		assertThat(this.mvc.get().uri("/api/remotes/local/studies")).hasStatus(HttpStatus.BAD_GATEWAY)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.remote", (remote) -> remote.assertThat().isEqualTo("local"))
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("NoAcceptedContextException"));
	}

	@Test
	void queryOfAnUnknownRemoteIsNotFound() {
		assertThat(this.mvc.get().uri("/api/remotes/nope/studies")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void moveWithoutLevelIsBadRequest() {
		assertThat(retrieve("move", """
				{"studyInstanceUid":"1.2.3","destination":"ELSEWHERE"}
				""")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"title":"Invalid retrieve request","status":400,
					"detail":"level: required: STUDY, SERIES or IMAGE",
					"errors":[{"field":"level","message":"required: STUDY, SERIES or IMAGE"}]}
					""");
	}

	@Test
	void moveOfASeriesWithoutItsUidIsBadRequestButNeedsNoDestination() {
		assertThat(retrieve("move", """
				{"level":"SERIES","studyInstanceUid":"1.2.3"}
				""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("seriesInstanceUid");
	}

	@Test
	void moveOfAStudyWithASopInstanceUidIsBadRequest() {
		assertThat(retrieve("move", """
				{"level":"STUDY","studyInstanceUid":"1.2.3","sopInstanceUid":"1.2.3.4","destination":"ELSEWHERE"}
				""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.isEqualTo("sopInstanceUid: not a key at the STUDY level; retrieve at a lower level, "
								+ "or leave it out"));
	}

	@Test
	void moveToADestinationThatIsNotAnAeTitleIsBadRequest() {
		assertThat(retrieve("move", """
				{"level":"STUDY","studyInstanceUid":"1.2.3","destination":"A\\\\B"}
				""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.asString()
						.startsWith("destination: ")
						.contains("'A\\B'")
						.endsWith("it contains a backslash at position 2"))
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("destination");
	}

	@Test
	void getWithAnInvalidUidOrADestinationIsBadRequest() {
		assertThat(retrieve("get", """
				{"level":"IMAGE","studyInstanceUid":"1.2.3","seriesInstanceUid":"1.02.3","sopInstanceUid":"1.2.3.4",
				"destination":"ELSEWHERE"}
				""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("seriesInstanceUid", "destination");
	}

	@Test
	void getOfAPatientIsBadRequest() {
		assertThat(retrieve("get", """
				{"level":"PATIENT","studyInstanceUid":"1.2.3"}
				""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.detail", (detail) -> detail.assertThat()
				.isEqualTo("level: must be STUDY, SERIES or IMAGE (Study Root model); found 'PATIENT'"));
	}

	@Test
	void moveFromTheStorageScpIsBadGatewayProblem() {
		assertThat(retrieve("move", """
				{"level":"STUDY","studyInstanceUid":"1.2.3","destination":"ELSEWHERE"}
				""")).hasStatus(HttpStatus.BAD_GATEWAY)
			.bodyJson()
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("NoAcceptedContextException"));
	}

	private MockMvcTester.MockMvcRequestBuilder retrieve(String operation, String json) {
		return this.mvc.post()
			.uri("/api/remotes/local/" + operation)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}

}
