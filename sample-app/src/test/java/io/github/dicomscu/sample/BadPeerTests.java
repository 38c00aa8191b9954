package io.github.dicomscu.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a remote that never answers a C-MOVE is a 504 problem and one that answers
 * it with a malformed PDU a 502 problem, each logged once at WARN with the remote, and
 * that a failure's Error Comment with control characters reaches the problem detail and
 * the log escaped.
 */
@SpringBootTest(properties = "dicom.scu.timeouts.dimse=1s")
@AutoConfigureMockMvc
@Import(FreeStorageScpPortConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class BadPeerTests {

	private static final ScriptedPeer silent = start((in, out) -> {
		DimseScript.accept(in, out);
		DimseScript.read(in);
		while (in.read() >= 0) {
			// the request is never answered; wait for the abort and the close
		}
	});

	private static final ScriptedPeer garbling = start((in, out) -> {
		DimseScript.accept(in, out);
		DimseScript.read(in);
		out.write(new byte[] { 0x09, 0, 0, 0, 0, 4, 'b', 'a', 'd', '\n' });
		out.flush();
	});

	private static final ScriptedPeer commenting = start((in, out) -> {
		DimseScript.accept(in, out);
		DimseScript.Message move = DimseScript.read(in);
		byte[] response = DimseScript.response(move, 0xC000)
			.putString(CommandTag.ERROR_COMMENT, "index unreadable")
			.encode();
		String text = new String(response, StandardCharsets.ISO_8859_1).replace("index unreadable",
				"bad\r\n\u001B[31mINFO!!");
		DimseScript.send(out, move.contextId(), text.getBytes(StandardCharsets.ISO_8859_1), null);
		DimseScript.release(in, out);
	});

	@Autowired
	private MockMvcTester mvc;

	@DynamicPropertySource
	static void badRemotes(DynamicPropertyRegistry registry) {
		remote(registry, "silent", silent);
		remote(registry, "garbling", garbling);
		remote(registry, "commenting", commenting);
	}

	@AfterAll
	static void stopPeers() throws IOException {
		silent.close();
		garbling.close();
		commenting.close();
	}

	@Test
	@Timeout(30)
	void remoteThatNeverAnswersIsGatewayTimeoutLoggedOnce(CapturedOutput output) {
		assertThat(move("silent")).hasStatus(HttpStatus.GATEWAY_TIMEOUT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("DicomTimeoutException"))
			.hasPathSatisfying("$.remote", (remote) -> remote.assertThat().isEqualTo("silent"));
		assertThat(silent.awaitClientClose(5)).isTrue();
		assertThat(warnings(output, "silent")).isOne();
	}

	@Test
	@Timeout(30)
	void remoteThatAnswersGarbageIsBadGatewayLoggedOnce(CapturedOutput output) {
		assertThat(move("garbling")).hasStatus(HttpStatus.BAD_GATEWAY)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.remote", (remote) -> remote.assertThat().isEqualTo("garbling"))
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("DicomProtocolException"));
		assertThat(warnings(output, "garbling")).isOne();
	}

	@Test
	@Timeout(30)
	void errorCommentWithControlCharactersIsEscapedInTheProblemDetail(CapturedOutput output) {
		assertThat(move("commenting")).hasStatus(HttpStatus.BAD_GATEWAY)
			.bodyJson()
			.hasPathSatisfying("$.errorType", (type) -> type.assertThat().isEqualTo("RetrieveFailedException"))
			.hasPathSatisfying("$.detail",
					(detail) -> detail.assertThat()
						.asString()
						.contains("bad\\r\\n\\u001B[31mINFO!!")
						.doesNotContainPattern("[\\x00-\\x1F\\x7F-\\x9F]"));
		assertThat(warnings(output, "commenting")).isOne();
		assertThat(output.getOut()).doesNotContain("\u001B[31m");
	}

	private MvcTestResult move(String remote) {
		return this.mvc.post()
			.uri("/api/remotes/" + remote + "/move")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":\"STUDY\",\"studyInstanceUid\":\"1.2.3\"}")
			.exchange();
	}

	private static long warnings(CapturedOutput output, String remote) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("DicomAccessExceptionHandler")
					&& line.contains("remote '" + remote + "'"))
			.count();
	}

	private static void remote(DynamicPropertyRegistry registry, String name, ScriptedPeer peer) {
		registry.add("dicom.scu.remotes." + name + ".host", () -> "127.0.0.1");
		registry.add("dicom.scu.remotes." + name + ".port", peer::port);
		registry.add("dicom.scu.remotes." + name + ".ae-title", () -> name.toUpperCase(Locale.ROOT));
	}

	private static ScriptedPeer start(ScriptedPeer.Script script) {
		try {
			return ScriptedPeer.start(script);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
