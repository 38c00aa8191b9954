package io.github.dicomscu.net.query;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.SampleArchive;
import io.github.dicomscu.net.peer.ScriptedPeer;
import io.github.dicomscu.net.storage.ReceivedInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link GetScu} against scripted peers: the presentation contexts it needs, C-STORE
 * sub-operations received and answered on the same association, and the statuses of the
 * C-STORE responses.
 */
class GetScuTests {

	private static final List<PresentationContext> CONTEXTS = GetScu.presentationContexts(QueryRetrieveModel.STUDY_ROOT,
			List.of("CTImageStorage", SampleArchive.MR_IMAGE_STORAGE));

	@Test
	void contextsProposeTheScpRoleForTheStorageClasses() {
		assertThat(CONTEXTS).containsExactly(PresentationContext.of("StudyRootQueryRetrieveInformationModelGet"),
				PresentationContext.of(SampleArchive.CT_IMAGE_STORAGE).withRoles(false, true),
				PresentationContext.of(SampleArchive.MR_IMAGE_STORAGE).withRoles(false, true));
	}

	@Test
	void subOperationsAreReceivedOnTheSameAssociation() throws Exception {
		Map<Integer, Command> storeResponses = new ConcurrentHashMap<>();
		CompletableFuture<DimseScript.Message> request = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out, SampleArchive.MR_IMAGE_STORAGE);
			DimseScript.Message get = DimseScript.read(in);
			request.complete(get);
			DimseScript.send(out, 3, Command.storeRq(7, SampleArchive.CT_IMAGE_STORAGE, "1.2.3.1", Priority.MEDIUM),
					FindScuTests.encode(instance(SampleArchive.CT_IMAGE_STORAGE, "1.2.3.1")));
			storeResponses.put(7, DimseScript.read(in).command());
			DimseScript.respond(out, get, MoveScuTests.counts(get, Status.PENDING, 1, 1, 0, 0), null);
			DimseScript.send(out, 5, Command.storeRq(8, SampleArchive.MR_IMAGE_STORAGE, "1.2.3.2", Priority.MEDIUM),
					FindScuTests.encode(instance(SampleArchive.MR_IMAGE_STORAGE, "1.2.3.2")));
			storeResponses.put(8, DimseScript.read(in).command());
			DataSet failed = new DataSet().setString("FailedSOPInstanceUIDList", "1.2.3.2");
			DimseScript.respond(out, get, MoveScuTests.counts(get, Status.COERCION_OF_DATA_ELEMENTS, 0, 1, 1, 0),
					FindScuTests.encode(failed));
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, CONTEXTS)) {
			assertThat(association.getNegotiatedContexts()).extracting((context) -> context.scpRole())
				.containsExactly(false, true, false);
			List<String> received = new ArrayList<>();
			List<DataSet> fileMetas = new ArrayList<>();
			List<Path> files = new ArrayList<>();
			List<RetrieveProgress> progress = new ArrayList<>();
			RetrieveResult result = GetScu.get(association, QueryRetrieveModel.STUDY_ROOT,
					Query.studyRoot(QueryLevel.SERIES).match("SeriesInstanceUID", "1.2.3").toIdentifier(),
					Priority.HIGH, (instance) -> {
						DataSet dataSet = instance.readDataSet();
						received.add(instance.sopClassUid() + " " + instance.sopInstanceUid() + " "
								+ instance.transferSyntaxUid() + " " + instance.sourceAeTitle() + " "
								+ dataSet.getString("SOPInstanceUID") + " " + dataSet.getString("PatientName"));
						fileMetas.add(DicomFile.readHeader(instance.file()).fileMeta());
						files.add(instance.file());
						return Status.SUCCESS;
					}, progress::add);
			assertThat(request.get(5, TimeUnit.SECONDS).command().commandField()).isEqualTo(CommandField.C_GET_RQ);
			assertThat(received).containsExactly(SampleArchive.CT_IMAGE_STORAGE + " 1.2.3.1 "
					+ Uid.IMPLICIT_VR_LITTLE_ENDIAN + " SCRIPTED 1.2.3.1 DOE^JOHN");
			assertThat(fileMetas).singleElement().satisfies((fileMeta) -> {
				assertThat(fileMeta.getString("TransferSyntaxUID")).isEqualTo(Uid.IMPLICIT_VR_LITTLE_ENDIAN);
				assertThat(fileMeta.getString("MediaStorageSOPInstanceUID")).isEqualTo("1.2.3.1");
				assertThat(fileMeta.getString("SourceApplicationEntityTitle")).isEqualTo("SCRIPTED");
			});
			assertThat(files).singleElement().satisfies((file) -> assertThat(file).doesNotExist());
			assertThat(storeResponses.get(7).commandField()).isEqualTo(CommandField.C_STORE_RSP);
			assertThat(storeResponses.get(7).messageIdBeingRespondedTo()).isEqualTo(7);
			assertThat(storeResponses.get(7).affectedSopInstanceUid()).isEqualTo("1.2.3.1");
			assertThat(storeResponses.get(7).status()).isEqualTo(Status.SUCCESS);
			assertThat(storeResponses.get(8).status()).isEqualTo(Status.SOP_CLASS_NOT_SUPPORTED);
			assertThat(progress).containsExactly(new RetrieveProgress(1, 1, 0, 0));
			assertThat(result)
				.isEqualTo(new RetrieveResult(CommandField.C_GET_RQ, 0xB000, 0, 1, 1, 0, List.of("1.2.3.2")));
		}
	}

	@Test
	void finalResponseWithFailedInstancesInTheCommandSetAsOrthancSendsItIsReported() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message get = DimseScript.read(in);
			DimseScript.send(out, 3, Command.storeRq(7, SampleArchive.CT_IMAGE_STORAGE, "1.2.3.1", Priority.MEDIUM),
					FindScuTests.encode(instance(SampleArchive.CT_IMAGE_STORAGE, "1.2.3.1")));
			DimseScript.read(in);
			DimseScript.send(out, get.contextId(), MoveScuTests.withFailedUidList(
					MoveScuTests.counts(get, Status.COERCION_OF_DATA_ELEMENTS, 0, 1, 1, 0), "1.2.3.2"), null);
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, CONTEXTS)) {
			RetrieveResult result = GetScu.get(association,
					Query.studyRoot(QueryLevel.SERIES).match("SeriesInstanceUID", "1.2.3"), (instance) -> {
						instance.readDataSet();
						return Status.SUCCESS;
					});
			assertThat(result)
				.isEqualTo(new RetrieveResult(CommandField.C_GET_RQ, 0xB000, 0, 1, 1, 0, List.of("1.2.3.2")));
			assertThat(association.isEstablished()).isTrue();
		}
	}

	@Test
	void receiverFailuresBecomeStoreStatuses() throws Exception {
		List<Integer> statuses = new ArrayList<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message get = DimseScript.read(in);
			byte[] malformed = { 0x10, 0x00, 0x10, 0x00, 0x20, 0x00, 0x00, 0x00, 'D', 'O', 'E' };
			List<byte[]> dataSets = List.of(FindScuTests.encode(instance(SampleArchive.CT_IMAGE_STORAGE, "1.2.3.1")),
					malformed, FindScuTests.encode(instance(SampleArchive.CT_IMAGE_STORAGE, "1.2.3.3")),
					FindScuTests.encode(instance(SampleArchive.CT_IMAGE_STORAGE, "1.2.3.4")));
			for (int i = 0; i < dataSets.size(); i++) {
				DimseScript.send(out, 3,
						Command.storeRq(i + 1, SampleArchive.CT_IMAGE_STORAGE, "1.2.3." + (i + 1), Priority.MEDIUM),
						dataSets.get(i));
				statuses.add(DimseScript.read(in).command().status());
			}
			DimseScript.respond(out, get, Status.SUCCESS, null);
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, CONTEXTS)) {
			RetrieveResult result = GetScu.get(association,
					Query.studyRoot(QueryLevel.SERIES).match("SeriesInstanceUID", "1.2.3"), (instance) -> {
						instance.readDataSet();
						return switch (instance.sopInstanceUid()) {
							case "1.2.3.1" -> throw new IOException("disk full");
							case "1.2.3.3" -> throw new IllegalStateException("bug in the receiver");
							default -> 0xB007;
						};
					});
			assertThat(result.isSuccess()).isTrue();
			assertThat(statuses).containsExactly(Status.OUT_OF_RESOURCES, Status.CANNOT_UNDERSTAND,
					Status.CANNOT_UNDERSTAND, 0xB007);
		}
	}

	@Test
	void anUnexpectedMessageAbortsTheAssociation() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message get = DimseScript.read(in);
			DimseScript.send(out, get.contextId(), Command.echoRsp(get.command().messageId(), Status.SUCCESS), null);
		}); Association association = FindScuTests.open(peer, CONTEXTS)) {
			DicomProtocolException ex = catchThrowableOfType(DicomProtocolException.class,
					() -> GetScu.get(association,
							Query.studyRoot(QueryLevel.SERIES).match("SeriesInstanceUID", "1.2.3"),
							(instance) -> Status.SUCCESS));
			assertThat(ex.getMessage()).contains("Expected C-GET-RSP to message 1 or C-STORE-RQ")
				.contains("but received C-ECHO-RSP to message 1");
			assertThat(association.isEstablished()).isFalse();
		}
	}

	@Test
	void directoryReceiverWritesPartTenFilesNamedByInstance(@TempDir Path directory) throws Exception {
		Path receivedFile = directory.resolve("received.part");
		DicomFile.write(receivedFile, new DataSet().setString("SourceApplicationEntityTitle", "ARCHIVE"),
				instance(SampleArchive.CT_IMAGE_STORAGE, "1.2.3.9"), Uid.IMPLICIT_VR_LITTLE_ENDIAN);
		Path target = directory.resolve("out");
		StoreReceiver receiver = StoreReceiver.toDirectory(target);
		assertThat(receiver.receive(new ReceivedInstance(SampleArchive.CT_IMAGE_STORAGE, "../1.2",
				Uid.IMPLICIT_VR_LITTLE_ENDIAN, "ARCHIVE", receivedFile)))
			.isEqualTo(Status.CANNOT_UNDERSTAND);
		int status = receiver.receive(new ReceivedInstance(SampleArchive.CT_IMAGE_STORAGE, "1.2.3.9",
				Uid.IMPLICIT_VR_LITTLE_ENDIAN, "ARCHIVE", receivedFile));
		assertThat(status).isEqualTo(Status.SUCCESS);
		DicomFile file = DicomFile.read(target.resolve("1.2.3.9.dcm"));
		assertThat(file.fileMeta().getString("TransferSyntaxUID")).isEqualTo(Uid.IMPLICIT_VR_LITTLE_ENDIAN);
		assertThat(file.fileMeta().getString("SourceApplicationEntityTitle")).isEqualTo("ARCHIVE");
		assertThat(file.dataSet()).isEqualTo(instance(SampleArchive.CT_IMAGE_STORAGE, "1.2.3.9"));
		assertThat(receivedFile).doesNotExist();
	}

	@Test
	void peerThatIgnoresTheCancelIsAbortedAfterTheGracePeriod() throws Exception {
		CompletableFuture<DimseScript.Message> cancel = new CompletableFuture<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message get = DimseScript.read(in);
			DimseScript.respond(out, get, MoveScuTests.counts(get, Status.PENDING, 1000, 0, 0, 0), null);
			DimseScript.ignoreCancel(in, cancel, (i) -> DimseScript.respond(out, get,
					MoveScuTests.counts(get, Status.PENDING, 1000 - i, 0, i, 0), null));
		}); Association association = FindScuTests.open(peer, CONTEXTS)) {
			List<RetrieveProgress> progress = new ArrayList<>();
			FindScuTests.assertAbortedAfterTheGracePeriod(peer, association, cancel, "C-GET-RQ",
					() -> GetScu.get(association, QueryRetrieveModel.STUDY_ROOT,
							Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3").toIdentifier(),
							Priority.MEDIUM, (instance) -> Status.SUCCESS, progress::add, () -> !progress.isEmpty(),
							FindScuTests.CANCEL_GRACE));
			assertThat(progress).hasSizeGreaterThan(1).first().isEqualTo(new RetrieveProgress(1000, 0, 0, 0));
		}
	}

	@Test
	void aGracePeriodThatIsNotPositiveIsRefusedBeforeAnythingIsSent() throws Exception {
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, CONTEXTS)) {
			assertThatIllegalArgumentException().isThrownBy(() -> GetScu.get(association, QueryRetrieveModel.STUDY_ROOT,
					Query.studyRoot(QueryLevel.STUDY).match("StudyInstanceUID", "1.2.3").toIdentifier(),
					Priority.MEDIUM, (instance) -> Status.SUCCESS, (progress) -> {
					}, () -> false, Duration.ZERO))
				.withMessage("cancel grace timeout must be positive, was PT0S");
			association.release();
			assertThat(peer.receivedAfterScript()).isEmpty();
		}
	}

	private static DataSet instance(String sopClassUid, String sopInstanceUid) {
		return new DataSet().setString("SOPClassUID", sopClassUid)
			.setString("SOPInstanceUID", sopInstanceUid)
			.setString("PatientName", "DOE^JOHN");
	}

}
