package io.github.dicomscu.net.association;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.peer.ChildJvm;
import io.github.dicomscu.net.peer.RawRequestor;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our SCP in a child JVM at -Xmx64m survives what ran it out of memory: a C-ECHO-RQ
 * flagged "data set present" followed by 128 MB of fragments, and a C-STORE-RQ whose
 * in-memory data set (128 MB sent) passes the limit. Each is aborted, and the SCP still
 * answers a C-ECHO afterwards. The figures are printed for the note.
 */
class MemoryBoundedScpTests {

	static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	private static final long SENT = 128L * 1000 * 1000;

	private static final long LIMIT = 16L * 1024 * 1024;

	@Test
	void scpAt64MegabytesOfHeapAbortsOversizedDataSetsAndSurvives() throws Exception {
		Process scp = new ProcessBuilder(ChildJvm.javaExecutable(), "-Xmx64m", "-cp",
				ChildJvm.classpath(MemoryBoundedScpMain.class, DicomScp.class), MemoryBoundedScpMain.class.getName(),
				Long.toString(LIMIT))
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(scp.getInputStream(), StandardCharsets.UTF_8));
				Writer in = new OutputStreamWriter(scp.getOutputStream(), StandardCharsets.UTF_8)) {
			int port = Integer.parseInt(lineStartingWith(out, "PORT ").substring(5));
			Flood echo = flood(port, Command.echoRq(1), MessageLimitsTests.PROVIDER_ABORT_INVALID_PARAMETER);
			Flood store = flood(port, Command.storeRq(1, CT_IMAGE_STORAGE, "1.2.3.4", Priority.MEDIUM),
					MessageLimitsTests.USER_ABORT);
			assertThat(echo.sent()).isLessThan(SENT);
			assertThat(store.sent()).isBetween(LIMIT - 16 * 1024, SENT - 1);
			try (Association association = Association.request(AssociationRequest.builder("127.0.0.1", port)
				.context(PresentationContext.of(Uid.VERIFICATION))
				.build())) {
				assertThat(association.echo()).isZero();
			}
			in.write("report\n");
			in.flush();
			String report = lineStartingWith(out, "REPORT ");
			System.out.printf("C-ECHO-RQ with data set: aborted after %d ms, %d bytes sent%n", echo.millis(),
					echo.sent());
			System.out.printf("C-STORE-RQ past %d bytes: aborted after %d ms, %d bytes sent%n", LIMIT, store.millis(),
					store.sent());
			System.out.println("SCP at -Xmx64m " + report);
			long peakHeap = Long.parseLong(report.replaceAll(".*peakHeap=(\\d+).*", "$1"));
			assertThat(peakHeap).isLessThan(64L * 1024 * 1024);
			assertThat(scp.isAlive()).isTrue();
			in.write("exit\n");
			in.flush();
			assertThat(scp.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(scp.exitValue()).isZero();
		}
		finally {
			scp.destroyForcibly();
		}
	}

	/**
	 * Send a command announcing a data set, then up to {@link #SENT} bytes of data set
	 * fragments, and expect an A-ABORT before they are all sent.
	 */
	private static Flood flood(int port, Command command, byte[] expectedAbort) throws Exception {
		try (RawRequestor requestor = new RawRequestor(port)) {
			assertThat(requestor.associate(16382, Uid.VERIFICATION, CT_IMAGE_STORAGE)[0]).isEqualTo((byte) 0x02);
			int contextId = CT_IMAGE_STORAGE.equals(command.affectedSopClassUid()) ? 3 : 1;
			long start = System.nanoTime();
			requestor.sendCommandAnnouncingDataSet(contextId, command);
			CompletableFuture<Long> sent = CompletableFuture
				.supplyAsync(() -> requestor.sendDataFragments(contextId, 16376, SENT));
			assertThat(requestor.readPdu()).containsExactly(expectedAbort);
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(requestor.isClosedByAcceptor()).isTrue();
			return new Flood(millis, sent.get(30, TimeUnit.SECONDS));
		}
	}

	/**
	 * Return the child's next output line with the prefix, skipping its log lines.
	 */
	private static String lineStartingWith(BufferedReader out, String prefix) throws IOException {
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith(prefix)) {
				return line;
			}
		}
		throw new IOException("The SCP ended without printing a line starting with " + prefix);
	}

	private record Flood(long millis, long sent) {
	}

}
