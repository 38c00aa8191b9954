package io.github.dicomscu.net.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.DataSetSource;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationDataValue;
import io.github.dicomscu.net.peer.Drip;
import io.github.dicomscu.net.peer.EngineLog;
import io.github.dicomscu.net.peer.RawRequestor;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptor's timers are deadlines for a whole phase: a requestor that drips its
 * A-ASSOCIATE-RQ, a request or one PDU of a streamed data set, one byte every
 * {@link Drip#INTERVAL}, is cut off when the deadline passes, with the connection closed
 * and one WARN line; while a large data set that streams to a sink arrives slowly but
 * steadily, the DIMSE deadline restarts with its progress, so it is stored however long
 * the whole takes. Each test prints the measured cut-off.
 */
class ScpDeadlineTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	private static final Duration LONG = Duration.ofSeconds(20);

	/** How late after its deadline a wait may end, on a loaded machine. */
	private static final long MARGIN_MILLIS = 700;

	private static final byte[] USER_ABORT = { 0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 };

	private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	@TempDir
	Path temp;

	private DicomScp scp;

	@RegisterExtension
	final EngineLog log = new EngineLog();

	@AfterEach
	void stop() {
		if (this.scp != null) {
			this.scp.stop();
		}
	}

	@Test
	void drippedAssociateRqIsCutOffAtArtim() throws Exception {
		start(AssociationTimeouts.defaults().withArtim(SECOND));
		try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
			long start = System.nanoTime();
			requestor.drip(RawRequestor.associateRq("RAW", 16382, Uid.VERIFICATION), 1);
			assertThat(requestor.isClosedByAcceptor()).isTrue();
			assertCutOff("ARTIM 1 s, dripped A-ASSOCIATE-RQ", start, SECOND);
		}
		assertOneWarning("ARTIM timeout (1 s) expired", "no A-ASSOCIATE-RQ");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void drippedRequestIsCutOffAtItsDeadline(String what, AssociationTimeouts timeouts, int atOnce, String timer,
			String detail) throws Exception {
		start(timeouts);
		try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
			assertThat(requestor.associate(16382, Uid.VERIFICATION)[0]).isEqualTo((byte) 0x02);
			assertAbortedAtTheDeadline(what, requestor, echoRq(), atOnce);
		}
		assertOneWarning(timer, detail);
	}

	static Stream<Arguments> drippedRequestIsCutOffAtItsDeadline() {
		AssociationTimeouts defaults = AssociationTimeouts.defaults();
		return Stream.of(
				Arguments.of("IDLE 1 s, dripped C-ECHO-RQ from its first byte",
						defaults.withIdle(SECOND).withDimse(LONG), 1, "network idle timeout (1 s) expired",
						"no request from RAW@"),
				Arguments.of("DIMSE 1 s, C-ECHO-RQ dripped after its PDU header",
						defaults.withIdle(LONG).withDimse(SECOND), 6, "DIMSE timeout (1 s) expired",
						"only part of a message arrived"));
	}

	@Test
	void drippedPduOfAStreamedDataSetIsCutOffAtTheDimseDeadline() throws Exception {
		start(AssociationTimeouts.defaults().withIdle(LONG).withDimse(SECOND));
		byte[] dataSet = new DataSetWriter(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)
			.toByteArray(CtInstances.dataSet(0, 1));
		try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
			assertThat(requestor.associate(16382, CT_IMAGE_STORAGE)[0]).isEqualTo((byte) 0x02);
			requestor.sendCommandAnnouncingDataSet(1,
					Command.storeRq(1, CT_IMAGE_STORAGE, "1.2.3.4.5", Priority.MEDIUM));
			for (int at = 0; at < 64_000; at += 16_000) {
				requestor.sendFragment(1, false, false, Arrays.copyOfRange(dataSet, at, at + 16_000));
			}
			byte[] pDataTf = PduEncoder.encode(new PDataTf(
					List.of(new PresentationDataValue(1, false, false, Arrays.copyOfRange(dataSet, 64_000, 80_000)))));
			assertAbortedAtTheDeadline("DIMSE 1 s, one PDU of a streamed data set dripped", requestor, pDataTf, 1);
		}
		assertOneWarning("DIMSE timeout (1 s) expired", "only part of a message arrived");
		try (var files = Files.list(this.temp)) {
			assertThat(files).as("no file kept").isEmpty();
		}
	}

	@Test
	void tinyPdusOfAStreamedDataSetEachInTimeAreCutOffAtTheDimseDeadline() throws Exception {
		start(AssociationTimeouts.defaults().withIdle(LONG).withDimse(SECOND));
		try (RawRequestor requestor = new RawRequestor(this.scp.getPort())) {
			assertThat(requestor.associate(16382, CT_IMAGE_STORAGE)[0]).isEqualTo((byte) 0x02);
			requestor.sendCommandAnnouncingDataSet(1,
					Command.storeRq(1, CT_IMAGE_STORAGE, "1.2.3.4.5", Priority.MEDIUM));
			// 16 bytes per PDU every 300 ms: each PDU well within the 1 s timer, but far
			// from the progress that restarts it
			Thread dripper = new Thread(() -> {
				try {
					for (int i = 0; i < 30; i++) {
						requestor.sendFragment(1, false, false, new byte[16]);
						Thread.sleep(300);
					}
				}
				catch (IOException | InterruptedException ex) {
					// cut off: the test reads the A-ABORT
				}
			});
			long start = System.nanoTime();
			dripper.start();
			assertThat(requestor.readPdu()).containsExactly(USER_ABORT);
			assertCutOff("DIMSE 1 s, 16-byte PDUs of a streamed data set every 300 ms", start, SECOND);
			dripper.interrupt();
			dripper.join(5000);
		}
		assertOneWarning("DIMSE timeout (1 s) expired", "only part of a message arrived");
	}

	@Test
	void largeDataSetSentSlowlyButSteadilyIsStoredWithTheDeadlineRestartedPerPdu() throws Exception {
		Path file = CtInstances.writeLarge(this.temp.resolve("out").resolve("large.dcm"), 20L * 1024 * 1024);
		Path received = this.temp.resolve("in");
		this.scp = StorageScp.toDirectory(received)
			.addTo(DicomScp.builder())
			.timeouts(AssociationTimeouts.defaults().withDimse(SECOND))
			.build()
			.start();
		StoreInstance instance = StoreInstance.of(file);
		try (Association association = Association.request(AssociationRequest.builder("127.0.0.1", this.scp.getPort())
			.context(PresentationContext.of(CT_IMAGE_STORAGE, instance.transferSyntax().uid()))
			.build())) {
			long start = System.nanoTime();
			StoreResult result = StoreScu.store(association, new Throttled(instance), Priority.MEDIUM);
			long elapsed = (System.nanoTime() - start) / 1_000_000;
			System.out.printf("Slow store of 20 MiB in 16 KiB PDUs with the SCP's DIMSE timeout at 1 s: %s in %d ms%n",
					result.statusText(), elapsed);
			assertThat(result.status()).isEqualTo(Status.SUCCESS);
			assertThat(elapsed).as("longer than the DIMSE timeout in all").isGreaterThan(2 * SECOND.toMillis());
		}
		assertThat(received.resolve(instance.sopInstanceUid() + ".dcm")).exists();
	}

	private void start(AssociationTimeouts timeouts) throws IOException {
		this.scp = StorageScp.toDirectory(this.temp).addTo(DicomScp.builder()).timeouts(timeouts).build().start();
	}

	private static byte[] echoRq() {
		return PduEncoder
			.encode(new PDataTf(List.of(new PresentationDataValue(1, true, true, Command.echoRq(1).encode()))));
	}

	/**
	 * Drip bytes to the SCP and assert that it answers with an A-ABORT at the deadline of
	 * one second, and closes the connection.
	 */
	private static void assertAbortedAtTheDeadline(String what, RawRequestor requestor, byte[] bytes, int atOnce)
			throws IOException {
		long start = System.nanoTime();
		requestor.drip(bytes, atOnce);
		assertThat(requestor.readPdu()).containsExactly(USER_ABORT);
		assertCutOff(what, start, SECOND);
		assertThat(requestor.isClosedByAcceptor()).isTrue();
	}

	private static void assertCutOff(String what, long start, Duration timeout) {
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("Cut-off at the SCP (%s): %d ms%n", what, elapsed);
		assertThat(elapsed).isBetween(timeout.toMillis() - 50, timeout.toMillis() + MARGIN_MILLIS);
	}

	private void assertOneWarning(String... texts) throws InterruptedException {
		for (int i = 0; i < 300 && this.scp.getActiveConnectionCount() > 0; i++) {
			Thread.sleep(10);
		}
		assertThat(this.scp.getActiveConnectionCount()).isZero();
		assertThat(this.log.onlyWarning().getFormattedMessage()).contains(texts);
	}

	/**
	 * An instance whose data set is written slowly but steadily: a pause of 30 ms after
	 * every 256 KiB.
	 */
	private static final class Throttled implements StoreInstance {

		private final StoreInstance instance;

		Throttled(StoreInstance instance) {
			this.instance = instance;
		}

		@Override
		public String sopClassUid() {
			return this.instance.sopClassUid();
		}

		@Override
		public String sopInstanceUid() {
			return this.instance.sopInstanceUid();
		}

		@Override
		public TransferSyntax transferSyntax() {
			return this.instance.transferSyntax();
		}

		@Override
		public DataSetSource sourceFor(TransferSyntax target) throws IOException {
			DataSetSource source = this.instance.sourceFor(target);
			return (out) -> source.writeTo(new FilterOutputStream(out) {

				private long sincePause;

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					this.out.write(bytes, offset, length);
					this.sincePause += length;
					if (this.sincePause >= 256 * 1024) {
						this.sincePause = 0;
						Drip.pause(Duration.ofMillis(30));
					}
				}

			});
		}

	}

}
