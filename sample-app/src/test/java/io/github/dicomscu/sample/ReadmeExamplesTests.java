package io.github.dicomscu.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.dicomscu.autoconfigure.DicomScuAutoConfiguration;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.peer.DcmqrscpArchive;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.SampleArchive;
import io.github.dicomscu.net.query.Query;
import io.github.dicomscu.net.query.QueryLevel;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.net.query.StoreReceiver;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.storage.StorageScp;
import io.github.dicomscu.net.storage.StoreResult;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.AeTemplateCustomizer;
import io.github.dicomscu.scu.DicomAccessException;
import io.github.dicomscu.scu.EchoResult;
import io.github.dicomscu.scu.NoAcceptedContextException;
import io.github.dicomscu.scu.RemoteAe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Java examples of {@code README.md}, each as written there, run against real peers:
 * DCMTK's {@code dcmqrscp} loaded with the {@link SampleArchive} as the remote
 * {@code pacs}, DCMTK's {@code wlmscpfs} as the remote {@code worklist}, the starter's
 * storage SCP as the move destination {@code MYSCU}, DCMTK's {@code storescp} for the
 * engine without Spring, and an SCP of our own for the retry. This class mirrors the
 * README and must change with it: a snippet changed there is changed here, so that the
 * build compiles and runs it. Only the README's variables ({@code files},
 * {@code studyUid}, {@code log}, …) are defined around the snippets, and literals that
 * name this machine's files, directories and ports become test values.
 */
@SpringBootTest(properties = "dicom.scu.storage-scp.ae-title=MYSCU")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@Import(ReadmeExamplesTests.Verifier.class)
class ReadmeExamplesTests {

	private static final Logger log = LoggerFactory.getLogger(ReadmeExamplesTests.class);

	private static final int STORAGE_SCP_PORT = DcmtkPeer.freePort();

	private static final String WORKLIST_AE_TITLE = "WLMSCP";

	private static final AtomicInteger instanceNumbers = new AtomicInteger();

	@TempDir
	static Path directory;

	private static DcmqrscpArchive archive;

	private static DcmtkPeer wlmscpfs;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DicomScuAutoConfiguration.class))
		.withUserConfiguration(MoreContextsConfiguration.class);

	@BeforeAll
	static void startPeers() throws IOException {
		archive = DcmqrscpArchive.start(directory.resolve("archive"), Map.of("MYSCU", STORAGE_SCP_PORT));
		Path worklists = Files.createDirectories(directory.resolve("worklists").resolve(WORKLIST_AE_TITLE));
		Files.createFile(worklists.resolve("lockfile"));
		for (String name : List.of("worklist-ct", "worklist-mr")) {
			Path dump = directory.resolve(name + ".dump");
			try (InputStream in = DcmtkPeer.class
				.getResourceAsStream("/io/github/dicomscu/net/query/" + name + ".dump")) {
				Files.copy(in, dump);
			}
			DcmtkPeer.Result result = DcmtkPeer.run(Duration.ofSeconds(30), "dump2dcm", "+te", dump.toString(),
					worklists.resolve(name + ".wl").toString());
			assertThat(result.exitCode()).as(result.output()).isZero();
		}
		wlmscpfs = DcmtkPeer.startServer("wlmscpfs", "--data-files-path", directory.resolve("worklists").toString());
	}

	@AfterAll
	static void stopPeers() {
		if (wlmscpfs != null) {
			wlmscpfs.close();
		}
		if (archive != null) {
			archive.close();
		}
	}

	@DynamicPropertySource
	static void remotes(DynamicPropertyRegistry registry) {
		registry.add("dicom.scu.remotes.pacs.host", () -> "127.0.0.1");
		registry.add("dicom.scu.remotes.pacs.port", () -> archive.port());
		registry.add("dicom.scu.remotes.pacs.ae-title", () -> DcmqrscpArchive.AE_TITLE);
		registry.add("dicom.scu.remotes.worklist.host", () -> "127.0.0.1");
		registry.add("dicom.scu.remotes.worklist.port", () -> wlmscpfs.port());
		registry.add("dicom.scu.remotes.worklist.ae-title", () -> WORKLIST_AE_TITLE);
		registry.add("dicom.scu.storage-scp.port", () -> STORAGE_SCP_PORT);
		registry.add("dicom.scu.storage-scp.directory", () -> directory.resolve("received").toString());
	}

	// Using AeTemplate

	@Test
	void verifierEchoesThePacsAndListsTheAcceptedSopClasses(@Autowired Verifier verifier) {
		assertThat(verifier.pacsIsAlive()).isTrue();
		assertThat(verifier.acceptedSopClasses()).containsExactly(Uid.VERIFICATION);
	}

	@Test
	void echoWithOtherContextsAndTimeout(@Autowired AeOperations dicom) {
		EchoResult quick = dicom.echo("pacs", List.of(PresentationContext.of("Verification")), Duration.ofSeconds(3));
		assertThat(quick.isSuccess()).isTrue();
		assertThat(quick.statusText()).isEqualTo("Success");
		assertThat(quick.remote().aeTitle()).isEqualTo(DcmqrscpArchive.AE_TITLE);
	}

	@Test
	void retryPolicyRetriesATransientFailureUntilTheStoreSucceeds(@TempDir Path outgoing) throws IOException {
		List<Path> files = List.of(writeInstance(outgoing), writeInstance(outgoing));
		int port = DcmtkPeer.freePort();
		AeTemplate.Builder builder = AeTemplate.builder().remote(new RemoteAe("pacs", "PACS", "127.0.0.1", port));
		builder.requestedContexts().addAll(ContextSet.VERIFICATION);
		AeOperations dicom = builder.build();
		try (DicomScp pacs = StorageScp.toDirectory(outgoing.resolve("pacs"))
			.addTo(DicomScp.builder().aeTitle("PACS").bindAddress(InetAddress.getLoopbackAddress()).port(port))
			.build(); ServerSocket firstConnection = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Void> pacsStarted = closeTheFirstConnectionThenStart(firstConnection, pacs);
			long start = System.nanoTime();
			RetryPolicy transientFailures = RetryPolicy.builder()
				.maxRetries(2) // 3 attempts in all
				.delay(Duration.ofSeconds(2))
				.predicate((ex) -> ex instanceof DicomAccessException dicomEx && dicomEx.isTransient())
				.build();
			List<StoreResult> results = new RetryTemplate(transientFailures)
				.invoke(() -> dicom.storeAll("pacs", files));
			assertThat(pacsStarted).isCompleted();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(results).hasSize(2).allMatch(StoreResult::isStored);
			assertThat(outgoing.resolve("pacs")).isDirectoryContaining((file) -> file.toString().endsWith(".dcm"));
		}
	}

	@Test
	void customizerAddsAContextAndGivesThePacsTheStorageSet() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=127.0.0.1",
					"dicom.scu.remotes.pacs.port=" + archive.port(),
					"dicom.scu.remotes.pacs.ae-title=" + DcmqrscpArchive.AE_TITLE)
			.run((context) -> {
				AeTemplate template = context.getBean(AeTemplate.class);
				assertThat(template.getRequestedContexts()).hasSize(2)
					.endsWith(PresentationContext.of("CTImageStorage", "JPEG2000Lossless", "ExplicitVRLittleEndian"));
				assertThat(template.getRequestedContexts("pacs")).isEqualTo(ContextSet.STORAGE.contexts());
				assertThat(template.store("pacs", newInstance()).isStored()).isTrue();
				assertThatExceptionOfType(NoAcceptedContextException.class).isThrownBy(() -> template.echo("pacs"));
			});
	}

	// Store, find, move, get

	@Test
	void storeOneFileADataSetAndManyFiles(@Autowired AeOperations dicom, @TempDir Path outgoing) throws IOException {
		Path ct = writeInstance(outgoing);
		DataSet dataSet = newInstance();
		List<Path> files = List.of(writeInstance(outgoing), writeInstance(outgoing));
		StoreResult one = dicom.store("pacs", ct);
		StoreResult built = dicom.store("pacs", dataSet); // with SOP Class and Instance
															// UID
		List<StoreResult> all = dicom.storeAll("pacs", files); // one result per file, in
																// order
		assertThat(one.isStored()).isTrue();
		assertThat(built.isStored()).isTrue();
		assertThat(built.sopInstanceUid()).isEqualTo(dataSet.getString("SOPInstanceUID"));
		assertThat(all).allMatch(StoreResult::isStored)
			.extracting(StoreResult::sopInstanceUid)
			.containsExactly(sopInstanceUid(files.get(0)), sopInstanceUid(files.get(1)));
	}

	@Test
	void findStudiesOfAPatientFromADate(@Autowired AeOperations dicom, CapturedOutput output) {
		try (Stream<DataSet> studies = dicom.find("pacs",
				Query.studyRoot(QueryLevel.STUDY)
					.match("PatientID", "PAT001")
					.match("StudyDate", "20240101-")
					.returnKey("StudyDescription")
					.returnKey("ModalitiesInStudy"))) {
			studies.forEach((study) -> System.out.println(study.getString("StudyInstanceUID")));
		}
		assertThat(output.getOut().lines()).contains(SampleArchive.HEAD.uid(), SampleArchive.CHEST.uid())
			.doesNotContain(SampleArchive.KNEE.uid());
	}

	@Test
	void findTheWorklistOfAModality(@Autowired AeOperations dicom) {
		// Modality Worklist C-FIND to the RIS (the remote 'worklist' of "Per-remote
		// contexts"), at most 10 matches
		List<DataSet> first10 = dicom.findAll("worklist",
				Query.worklist().sequence("ScheduledProcedureStepSequence", (step) -> step.match("Modality", "CT")),
				10);
		assertThat(first10).singleElement().satisfies((entry) -> {
			assertThat(entry.getSequence("ScheduledProcedureStepSequence")).singleElement()
				.satisfies((step) -> assertThat(step.getString("Modality")).isEqualTo("CT"));
		});
	}

	@Test
	void moveAStudyToTheStorageScp(@Autowired AeOperations dicom) {
		String studyUid = SampleArchive.HEAD.uid();
		RetrieveResult moved = dicom.move("pacs", Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", studyUid),
				"MYSCU", (progress) -> log.info("{}", progress));
		assertThat(moved.isSuccess()).isTrue();
		assertThat(moved.completed()).isEqualTo(3);
		assertThat(SampleArchive.HEAD.images()).allSatisfy(
				(image) -> assertThat(directory.resolve("received").resolve(image.sopInstanceUid() + ".dcm")).exists());
	}

	@Test
	void getASeriesIntoADirectory(@Autowired AeOperations dicom, @TempDir Path retrieved) {
		String studyUid = SampleArchive.KNEE.uid();
		String seriesUid = SampleArchive.KNEE_SAGITTAL.uid();
		RetrieveResult got = dicom.get("pacs",
				Query.studyRoot(QueryLevel.SERIES)
					.match("StudyInstanceUID", studyUid)
					.match("SeriesInstanceUID", seriesUid),
				StoreReceiver.toDirectory(retrieved), null);
		assertThat(got.isSuccess()).isTrue();
		assertThat(got.completed()).isEqualTo(3);
		assertThat(SampleArchive.KNEE_SAGITTAL.images())
			.allSatisfy((image) -> assertThat(retrieved.resolve(image.sopInstanceUid() + ".dcm")).exists());
	}

	// Health

	@Test
	void healthShowsTheDetailsOfTheReadme(@Autowired MockMvcTester mvc) {
		String pacs = "$.components.dicom.components.pacs";
		assertThat(mvc.get().uri("/actuator/health")).bodyJson()
			.hasPathSatisfying(pacs + ".status", (status) -> status.assertThat().isEqualTo("UP"))
			.hasPathSatisfying(pacs + ".details",
					(details) -> details.assertThat()
						.asMap()
						.containsOnlyKeys("aeTitle", "host", "port", "status", "statusText", "roundTripMs",
								"implementationClassUid", "implementationVersionName"))
			.hasPathSatisfying(pacs + ".details.status", (status) -> status.assertThat().isEqualTo("0x0000"))
			.hasPathSatisfying(pacs + ".details.statusText", (text) -> text.assertThat().isEqualTo("Success"));
	}

	// The engine without Spring

	@Test
	void engineWithoutSpringEchoesStorescp(@TempDir Path received) throws DicomNetworkException {
		try (DcmtkPeer storescp = DcmtkPeer.startServer("storescp", "--aetitle", "STORESCP", "--output-directory",
				received.toString())) {
			assertThat(echoWithoutSpring(storescp.port())).isZero();
		}
	}

	private static int echoWithoutSpring(int port) throws DicomNetworkException {
		AssociationRequest request = AssociationRequest.builder("127.0.0.1", port)
			.callingAeTitle("MYSCU")
			.calledAeTitle("STORESCP")
			.context(PresentationContext.of("Verification"))
			.contexts(ContextSet.STORAGE.contexts())
			.build();
		try (Association association = Association.request(request)) {
			int status = association.echo(); // 0x0000 = success
			return status;
		}
	}

	private static CompletableFuture<Void> closeTheFirstConnectionThenStart(ServerSocket server, DicomScp scp) {
		return CompletableFuture.runAsync(() -> {
			try {
				try (server) {
					server.accept().close();
				}
				scp.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static DataSet newInstance() {
		return SampleArchive.CHEST_AXIAL.image(1)
			.dataSet()
			.setString("PatientID", "README")
			.setString("PatientName", "README^EXAMPLES")
			.setString("StudyInstanceUID", SampleArchive.ROOT + ".9")
			.setString("SeriesInstanceUID", SampleArchive.ROOT + ".9.1")
			.setString("SOPInstanceUID", SampleArchive.ROOT + ".9.1." + instanceNumbers.incrementAndGet());
	}

	private static Path writeInstance(Path directory) throws IOException {
		DataSet dataSet = newInstance();
		Path file = directory.resolve(dataSet.getString("SOPInstanceUID") + ".dcm");
		DicomFile.write(file, dataSet, "ExplicitVRLittleEndian");
		return file;
	}

	private static String sopInstanceUid(Path file) throws IOException {
		return DicomFile.read(file).dataSet().getString("SOPInstanceUID");
	}

	/**
	 * The service of "Using AeTemplate".
	 */
	@Service
	static class Verifier {

		private final AeOperations dicom;

		Verifier(AeOperations dicom) {
			this.dicom = dicom;
		}

		boolean pacsIsAlive() {
			EchoResult result = this.dicom.echo("pacs");
			return result.isSuccess(); // status 0x0000; failures throw
										// DicomAccessException
		}

		List<String> acceptedSopClasses() {
			return this.dicom.execute("pacs",
					(association) -> association.getNegotiatedContexts()
						.stream()
						.filter(NegotiatedContext::isAccepted)
						.map(NegotiatedContext::abstractSyntax)
						.toList());
		}

	}

	/**
	 * The customizer bean of "Using AeTemplate", in a configuration of its own: it gives
	 * {@code pacs} the storage contexts only, which the other examples must not see.
	 */
	static class MoreContextsConfiguration {

		@Bean
		AeTemplateCustomizer moreContexts() {
			return (builder) -> {
				builder.requestedContexts().add("CTImageStorage", "JPEG2000Lossless", "ExplicitVRLittleEndian");
				builder.requestedContexts("pacs").setAll(ContextSet.STORAGE.contexts(), "moreContexts");
			};
		}

	}

}
