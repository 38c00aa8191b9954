package io.github.dicomscu.net.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DcmtkPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Modality Worklist C-FIND against DCMTK's {@code wlmscpfs}, serving two worklist files
 * made by {@code dump2dcm} from the dumps beside this class: a CT and an MR scheduled
 * procedure step.
 */
class WorklistDcmtkTests {

	private static final String AE_TITLE = "WLMSCP";

	@TempDir
	static Path directory;

	private static DcmtkPeer wlmscpfs;

	@BeforeAll
	static void startWorklistServer() throws Exception {
		Path worklists = Files.createDirectories(directory.resolve(AE_TITLE));
		Files.createFile(worklists.resolve("lockfile"));
		for (String name : List.of("worklist-ct", "worklist-mr")) {
			Path dump = Path.of(WorklistDcmtkTests.class.getResource(name + ".dump").toURI());
			DcmtkPeer.Result result = DcmtkPeer.run(Duration.ofSeconds(30), "dump2dcm", "+te", dump.toString(),
					worklists.resolve(name + ".wl").toString());
			assertThat(result.exitCode()).as(result.output()).isZero();
		}
		wlmscpfs = DcmtkPeer.startServer("wlmscpfs", "--data-files-path", directory.toString());
	}

	@AfterAll
	static void stopWorklistServer() {
		if (wlmscpfs != null) {
			wlmscpfs.close();
		}
	}

	@Test
	void findScheduledStepsOfAModality() throws Exception {
		try (Association association = open();
				FindResults results = FindScu.find(association,
						Query.worklist()
							.returnKey("PatientName", "PatientID", "PatientBirthDate", "AccessionNumber",
									"RequestedProcedureDescription", "RequestedProcedureID", "StudyInstanceUID")
							.sequence("ScheduledProcedureStepSequence",
									(step) -> step.match("Modality", "CT")
										.returnKey("ScheduledStationAETitle", "ScheduledProcedureStepStartDate",
												"ScheduledProcedureStepStartTime", "ScheduledProcedureStepDescription",
												"ScheduledProcedureStepID", "ScheduledPerformingPhysicianName")))) {
			List<DataSet> matches = results.stream().toList();
			assertThat(results.getStatus()).isEqualTo(Status.SUCCESS);
			assertThat(matches).singleElement().satisfies((entry) -> {
				assertThat(entry.getString("PatientName")).isEqualTo("MUSTER^MAX");
				assertThat(entry.getString("PatientID")).isEqualTo("WLPAT01");
				assertThat(entry.getString("PatientBirthDate")).isEqualTo("19650412");
				assertThat(entry.getString("AccessionNumber")).isEqualTo("WL1001");
				assertThat(entry.getString("RequestedProcedureDescription")).isEqualTo("CT ABDOMEN");
				assertThat(entry.getString("RequestedProcedureID")).isEqualTo("RP1001");
				assertThat(entry.getString("StudyInstanceUID")).isEqualTo("2.25.4711.100");
				assertThat(entry.getSequence("ScheduledProcedureStepSequence")).singleElement().satisfies((step) -> {
					assertThat(step.getString("Modality")).isEqualTo("CT");
					assertThat(step.getString("ScheduledStationAETitle")).isEqualTo("CTSCANNER");
					assertThat(step.getString("ScheduledProcedureStepStartDate")).isEqualTo("20240315");
					assertThat(step.getString("ScheduledProcedureStepStartTime")).isEqualTo("093000");
					assertThat(step.getString("ScheduledProcedureStepDescription"))
						.isEqualTo("CT ABDOMEN WITH CONTRAST");
					assertThat(step.getString("ScheduledProcedureStepID")).isEqualTo("SPS1001");
					assertThat(step.getString("ScheduledPerformingPhysicianName")).isEqualTo("SMITH^ANNA");
				});
			});
		}
	}

	@Test
	void findScheduledStepsOfAStationFromADate() throws Exception {
		try (Association association = open();
				FindResults results = FindScu.find(association,
						Query.worklist()
							.match("PatientName", "M*")
							.returnKey("PatientID")
							.sequence("ScheduledProcedureStepSequence",
									(step) -> step.match("ScheduledStationAETitle", "MRSCANNER")
										.match("ScheduledProcedureStepStartDate", "20240316-20240331")
										.returnKey("Modality")))) {
			assertThat(results.stream().toList())
				.extracting((entry) -> entry.getString("PatientName"), (entry) -> entry.getString("PatientID"),
						(entry) -> entry.getSequence("ScheduledProcedureStepSequence").get(0).getString("Modality"))
				.containsExactly(tuple("MUELLER^ERIKA", "WLPAT02", "MR"));
		}
	}

	@Test
	void findWithoutMatchesEndsWithSuccess() throws Exception {
		try (Association association = open();
				FindResults results = FindScu.find(association,
						Query.worklist()
							.match("PatientID", "NOBODY")
							.sequence("ScheduledProcedureStepSequence", (step) -> step.returnKey("Modality")))) {
			assertThat(results.nextMatch()).isNull();
			assertThat(results.isComplete()).isTrue();
			assertThat(results.getStatus()).isEqualTo(Status.SUCCESS);
			assertThat(results.getMatchCount()).isZero();
		}
	}

	private static Association open() throws Exception {
		return Association.request(AssociationRequest.builder("127.0.0.1", wlmscpfs.port())
			.callingAeTitle("WORKLISTSCU")
			.calledAeTitle(AE_TITLE)
			.context(PresentationContext.of("ModalityWorklistInformationModelFind"))
			.build());
	}

}
