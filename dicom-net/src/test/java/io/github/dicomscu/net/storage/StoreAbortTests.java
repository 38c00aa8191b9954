package io.github.dicomscu.net.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.UserInformation;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer that stores the first instance and then aborts, or drops the connection, in the
 * middle of the second: the first is a success, the second and third are unconfirmed, and
 * their results say why.
 */
class StoreAbortTests {

	private static final byte[] A_ABORT = { 0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x00 };

	@TempDir
	Path temp;

	@Test
	void aPeerThatAbortsInTheMiddleOfTheSecondInstance() throws Exception {
		List<StoreInstance> instances = instances();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			acceptAll(in, out);
			storeOne(in, out);
			ScriptedPeer.readPdu(in);
			ScriptedPeer.readPdu(in);
			out.write(A_ABORT);
			out.flush();
		})) {
			List<StoreResult> results = storeAll(peer, instances);

			assertThat(results).extracting(StoreResult::outcome)
				.containsExactly(StoreOutcome.SUCCESS, StoreOutcome.UNCONFIRMED, StoreOutcome.UNCONFIRMED);
			assertThat(results.get(1).detail()).isEqualTo("The association was lost while storing this instance: "
					+ "Association aborted by ANY-SCP@127.0.0.1:" + peer.port() + ": A-ABORT from the "
					+ "service-provider, reason reason-not-specified");
			assertThat(results.get(2).detail()).isEqualTo("Not sent: the association was lost while storing file "
					+ this.temp.resolve("in").resolve("ct-0001.dcm") + ": Association aborted by ANY-SCP@127.0.0.1:"
					+ peer.port() + ": A-ABORT from the service-provider, reason reason-not-specified");
			assertThat(results).extracting(StoreResult::sopInstanceUid)
				.containsExactlyElementsOf(instances.stream().map(StoreInstance::sopInstanceUid).toList());
			assertThat(results).extracting(StoreResult::status).containsExactly(0, -1, -1);
		}
	}

	@Test
	void aPeerThatDropsTheConnectionInTheMiddleOfTheSecondInstance() throws Exception {
		List<StoreInstance> instances = instances();
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			acceptAll(in, out);
			storeOne(in, out);
			ScriptedPeer.readPdu(in);
			throw new IOException("dropping the connection");
		})) {
			List<StoreResult> results = storeAll(peer, instances);

			assertThat(results).extracting(StoreResult::outcome)
				.containsExactly(StoreOutcome.SUCCESS, StoreOutcome.UNCONFIRMED, StoreOutcome.UNCONFIRMED);
			assertThat(results.get(1).detail()).startsWith("The association was lost while storing this instance: ");
			assertThat(results.get(1).transferSyntaxUid()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
			assertThat(results.get(2).transferSyntaxUid()).isNull();
		}
	}

	private List<StoreInstance> instances() throws IOException {
		return instances(this.temp.resolve("in"));
	}

	/**
	 * Write three CT instances in Explicit VR Little Endian as files in a directory.
	 */
	static List<StoreInstance> instances(Path directory) throws IOException {
		List<StoreInstance> instances = new ArrayList<>();
		for (Path file : CtInstances.write(directory, 3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
			instances.add(StoreInstance.of(file));
		}
		return instances;
	}

	static List<StoreResult> storeAll(ScriptedPeer peer, List<StoreInstance> instances) throws Exception {
		try (Association association = Association.request(AssociationRequest.builder("127.0.0.1", peer.port())
			.contexts(StoreContexts.forInstances(instances))
			.timeouts(AssociationTimeouts.defaults().withDimse(Duration.ofSeconds(5)))
			.build())) {
			return StoreScu.storeAll(association, instances, Priority.MEDIUM);
		}
	}

	private static void acceptAll(InputStream in, OutputStream out) throws IOException {
		AssociateRq rq = (AssociateRq) PduDecoder.decode(ScriptedPeer.readPdu(in), 0);
		List<PresentationContextAc> results = rq.presentationContexts()
			.stream()
			.map((context) -> new PresentationContextAc(context.id(), PresentationContextResult.ACCEPTANCE,
					context.transferSyntaxes().get(0)))
			.toList();
		out.write(PduEncoder.encode(new AssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(),
				rq.applicationContextName(), results, new UserInformation(16384, "1.2.3.4", "SCRIPTED", null, List.of(),
						List.of(), List.of(), null, null, List.of()))));
		out.flush();
	}

	/**
	 * Read one C-STORE request up to the last fragment of its data set and answer
	 * success.
	 */
	private static void storeOne(InputStream in, OutputStream out) throws IOException {
		ByteArrayOutputStream commandBytes = new ByteArrayOutputStream();
		Command command = null;
		int contextId = 0;
		boolean dataSetComplete = false;
		while (!dataSetComplete) {
			byte[] pdu = ScriptedPeer.readPdu(in);
			int at = 6;
			while (at < pdu.length) {
				int length = ((pdu[at] & 0xFF) << 24) | ((pdu[at + 1] & 0xFF) << 16) | ((pdu[at + 2] & 0xFF) << 8)
						| (pdu[at + 3] & 0xFF);
				contextId = pdu[at + 4] & 0xFF;
				int control = pdu[at + 5];
				if ((control & 0x01) != 0) {
					commandBytes.write(pdu, at + 6, length - 2);
					if ((control & 0x02) != 0) {
						command = Command.decode(commandBytes.toByteArray());
					}
				}
				else if ((control & 0x02) != 0) {
					dataSetComplete = true;
				}
				at += 4 + length;
			}
		}
		byte[] response = Command.storeRsp(command, Status.SUCCESS).encode();
		ByteArrayOutputStream pdu = new ByteArrayOutputStream();
		int pdvLength = response.length + 2;
		pdu.writeBytes(new byte[] { 0x04, 0x00 });
		pdu.writeBytes(bigEndian(pdvLength + 4));
		pdu.writeBytes(bigEndian(pdvLength));
		pdu.write(contextId);
		pdu.write(0x03);
		pdu.writeBytes(response);
		out.write(pdu.toByteArray());
		out.flush();
	}

	private static byte[] bigEndian(int value) {
		return new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
	}

}
