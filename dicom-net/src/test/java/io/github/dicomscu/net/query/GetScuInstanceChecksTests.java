package io.github.dicomscu.net.query;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.SampleArchive;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The C-STORE sub-operations of a C-GET, from a scripted peer, get the checks of the
 * storage SCP: an instance that does not decode, is empty, or does not carry the valid
 * SOP Class and Instance UIDs of its request is refused with the PS3.4 Annex B status and
 * never reaches the receiver.
 */
class GetScuInstanceChecksTests {

	private static final String CT = SampleArchive.CT_IMAGE_STORAGE;

	private static final List<PresentationContext> CONTEXTS = GetScu.presentationContexts(QueryRetrieveModel.STUDY_ROOT,
			List.of("CTImageStorage"));

	@Test
	void subOperationsThatAreNotTheInstanceOfTheirRequestAreRefused() throws Exception {
		List<String> requested = List.of("1.2.3.1", "1.2.3.2", ".", "1.2.3.4", "1.2.3.5");
		List<byte[]> dataSets = List.of(FindScuTests.encode(instance(CT, "1.2.3.9")), new byte[0],
				FindScuTests.encode(instance(CT, ".")), new byte[] { 0x10, 0x00, 0x10, 0x00, 0x20, 0x00, 0x00, 0x00 },
				FindScuTests.encode(instance(CT, "1.2.3.5")));
		List<Integer> statuses = new ArrayList<>();
		List<String> received = new ArrayList<>();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message get = DimseScript.read(in);
			for (int i = 0; i < requested.size(); i++) {
				DimseScript.send(out, 3, Command.storeRq(i + 1, CT, requested.get(i), Priority.MEDIUM),
						dataSets.get(i));
				statuses.add(DimseScript.read(in).command().status());
			}
			DimseScript.respond(out, get, Status.SUCCESS, null);
			DimseScript.release(in, out);
		}); Association association = FindScuTests.open(peer, CONTEXTS)) {
			RetrieveResult result = GetScu.get(association,
					Query.studyRoot(QueryLevel.SERIES).match("SeriesInstanceUID", "1.2.3"), (instance) -> {
						received.add(instance.readDataSet().getString("SOPInstanceUID"));
						return Status.SUCCESS;
					});
			assertThat(result.isSuccess()).isTrue();
		}
		assertThat(statuses).containsExactly(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
				Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
				Status.CANNOT_UNDERSTAND, Status.SUCCESS);
		assertThat(received).containsExactly("1.2.3.5");
	}

	private static DataSet instance(String sopClassUid, String sopInstanceUid) {
		return new DataSet().setString("SOPClassUID", sopClassUid)
			.setString("SOPInstanceUID", sopInstanceUid)
			.setString("PatientName", "DOE^JOHN");
	}

}
