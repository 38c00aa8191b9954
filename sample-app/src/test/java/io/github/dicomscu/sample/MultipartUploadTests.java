package io.github.dicomscu.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests against the real embedded server, with raw HTTP, that the uploads MockMvc cannot
 * send are client mistakes: a file over {@code spring.servlet.multipart.max-file-size}
 * and a request over {@code max-request-size} are 413 problems, a multipart body with a
 * broken boundary or cut short and a body that stops mid-upload 400 problems; none is a
 * 500, none names a server path, and each is logged once at WARN and never at ERROR. An
 * error the container reports on its own is a problem too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=8KB", "spring.servlet.multipart.max-request-size=20KB" })
@Import({ FreeStorageScpPortConfiguration.class, MultipartUploadTests.ContainerErrorController.class })
@ExtendWith(OutputCaptureExtension.class)
class MultipartUploadTests {

	private static final String BOUNDARY = "dicom-scu-boundary";

	private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

	private static final String STORE = "/api/remotes/local/store";

	@LocalServerPort
	private int port;

	@Test
	@Timeout(30)
	void fileOverTheMaximumFileSizeIsPayloadTooLargeProblemLoggedOnce(CapturedOutput output) throws IOException {
		byte[] body = multipart(BOUNDARY, part("files", "big.dcm", 9 * 1024));

		Response response = post(MULTIPART, body, body.length, false);

		assertProblem(response, 413);
		assertLoggedOnceAtWarn(output, "413");
	}

	@Test
	@Timeout(30)
	void requestOverTheMaximumRequestSizeIsPayloadTooLargeProblemLoggedOnce(CapturedOutput output) throws IOException {
		byte[] body = multipart(BOUNDARY, part("files", "a.dcm", 7 * 1024), part("files", "b.dcm", 7 * 1024),
				part("files", "c.dcm", 7 * 1024));

		Response response = post(MULTIPART, body, body.length, false);

		assertProblem(response, 413);
		assertLoggedOnceAtWarn(output, "413");
	}

	@Test
	@Timeout(30)
	void bodyWithABrokenBoundaryIsBadRequestProblemLoggedOnce(CapturedOutput output) throws IOException {
		byte[] body = multipart("another-boundary", part("files", "a.dcm", 100));

		Response response = post(MULTIPART, body, body.length, false);

		assertProblem(response, 400);
		assertLoggedOnceAtWarn(output, "400");
	}

	@Test
	@Timeout(30)
	void bodyCutShortInAPartIsBadRequestProblemLoggedOnce(CapturedOutput output) throws IOException {
		byte[] whole = multipart(BOUNDARY, part("files", "a.dcm", 4 * 1024));
		byte[] body = Arrays.copyOf(whole, whole.length / 2);

		Response response = post(MULTIPART, body, body.length, false);

		assertProblem(response, 400);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Malformed multipart request");
		assertLoggedOnceAtWarn(output, "400");
	}

	@Test
	@Timeout(30)
	void clientThatStopsSendingMidBodyIsBadRequestProblemLoggedOnce(CapturedOutput output) throws IOException {
		byte[] whole = multipart(BOUNDARY, part("files", "a.dcm", 4 * 1024));
		byte[] body = Arrays.copyOf(whole, whole.length / 2);

		Response response = post(MULTIPART, body, whole.length, true);

		assertProblem(response, 400);
		assertLoggedOnceAtWarn(output, "400");
	}

	@Test
	@Timeout(30)
	void singleFileBodyThatStopsMidwayIsBadRequestProblemLoggedOnce(CapturedOutput output) throws IOException {
		byte[] body = new byte[2048];

		Response response = post("application/dicom", body, 4096, true);

		assertProblem(response, 400);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Unreadable upload");
		assertLoggedOnceAtWarn(output, "400");
	}

	@Test
	@Timeout(30)
	void errorTheContainerReportsOnItsOwnIsAProblemLoggedOnce(CapturedOutput output) throws IOException {
		Response response = exchange("POST /test/container-error HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Length: 0\r\nConnection: close\r\n\r\n", new byte[0], false);

		assertProblem(response, 409);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Conflict");
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.satisfies((line) -> assertThat(line).contains("ProblemErrorController",
					"409 for uri=/test/container-error: Conflict"));
	}

	/**
	 * Send a store request and read the whole response; the server closes the connection
	 * after it.
	 * @param contentType the content type the request announces
	 * @param body the bytes of the body to send
	 * @param contentLength the content length the request announces
	 * @param stopSending whether to shut the output down after the body, as a client that
	 * stops sending does
	 */
	private Response post(String contentType, byte[] body, int contentLength, boolean stopSending) throws IOException {
		return exchange("POST " + STORE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n", body, stopSending);
	}

	private Response exchange(String head, byte[] body, boolean stopSending) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			if (stopSending) {
				socket.shutdownOutput();
			}
			return Response.parse(readAll(socket.getInputStream()));
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
				all.write(buffer, 0, count);
			}
		}
		catch (IOException ex) {
			if (all.size() == 0) {
				throw ex;
			}
		}
		return all.toByteArray();
	}

	private static byte[] part(String name, String fileName, int length) {
		String head = "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: application/dicom\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] part = Arrays.copyOf(headBytes, headBytes.length + length);
		Arrays.fill(part, headBytes.length, part.length, (byte) 'x');
		return part;
	}

	private static byte[] multipart(String boundary, byte[]... parts) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(part);
			body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
		assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isNotEqualTo("Internal error");
		assertThat(response.body()).doesNotContain(System.getProperty("java.io.tmpdir"))
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContain("upload_");
	}

	private static void assertLoggedOnceAtWarn(CapturedOutput output, String status) {
		assertThat(output.getOut().lines().filter((line) -> line.contains(" ERROR "))).isEmpty();
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.satisfies((line) -> assertThat(line).contains("DicomAccessExceptionHandler", status + " "));
	}

	/**
	 * An endpoint that has the servlet container report an error on its own.
	 */
	@RestController
	static class ContainerErrorController {

		@PostMapping("/test/container-error")
		void containerError(HttpServletResponse response) throws IOException {
			response.sendError(HttpServletResponse.SC_CONFLICT);
		}

	}

	/**
	 * The status, content type and body of an HTTP/1.1 response.
	 */
	private record Response(int status, String contentType, String body) {

		static Response parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int headEnd = text.indexOf("\r\n\r\n");
			assertThat(headEnd).as("a whole response head in: " + text).isPositive();
			String[] lines = text.substring(0, headEnd).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			String contentType = Arrays.stream(lines)
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
				.map((line) -> line.substring("content-type:".length()).trim())
				.findFirst()
				.orElse("");
			String body = text.substring(headEnd + 4);
			boolean chunked = Arrays.stream(lines)
				.anyMatch((line) -> line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding: chunked"));
			return new Response(status, contentType, chunked ? dechunk(body) : body);
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (true) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					return body.toString();
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
		}

	}

}
