package io.github.dicomscu.net.storage;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.peer.DimseScript;
import io.github.dicomscu.net.peer.ScriptedPeer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Affected SOP Instance UID of each C-STORE response, checked against the request's:
 * a response that names another instance is a failure for the instance sent, whatever its
 * status; one that names none is taken at its status.
 */
class StoreResponseChecksTests {

	@TempDir
	Path temp;

	@Test
	void aResponseNamingAnotherInstanceIsAFailureAndTheAssociationGoesOn() throws Exception {
		List<StoreInstance> instances = StoreAbortTests.instances(this.temp);
		try (ScriptedPeer peer = ScriptedPeer.start((in, out) -> {
			DimseScript.accept(in, out);
			DimseScript.Message first = DimseScript.read(in);
			DimseScript.respond(out, first, DimseScript.response(first, Status.SUCCESS)
				.putUid(CommandTag.AFFECTED_SOP_INSTANCE_UID, "1.2.3.999"), null);
			DimseScript.Message second = DimseScript.read(in);
			DimseScript.respond(out, second, DimseScript.response(second, Status.SUCCESS), null);
			DimseScript.Message third = DimseScript.read(in);
			DimseScript.respond(out, third, DimseScript.response(third, Status.SUCCESS)
				.putUid(CommandTag.AFFECTED_SOP_INSTANCE_UID, third.command().affectedSopInstanceUid()), null);
			DimseScript.release(in, out);
		})) {
			List<StoreResult> results = StoreAbortTests.storeAll(peer, instances);

			assertThat(results).extracting(StoreResult::outcome)
				.containsExactly(StoreOutcome.FAILURE, StoreOutcome.SUCCESS, StoreOutcome.SUCCESS);
			assertThat(results.get(0).status()).isEqualTo(Status.SUCCESS);
			assertThat(results.get(0).isStored()).isFalse();
			assertThat(results.get(0).sopInstanceUid()).isEqualTo(instances.get(0).sopInstanceUid());
			assertThat(results.get(0).detail()).isEqualTo("The C-STORE response names SOP Instance UID 1.2.3.999"
					+ ", not the one sent; whether the peer stored this instance is unknown");
			assertThat(results.get(1).detail()).isNull();
			assertThat(results.get(2).detail()).isNull();
		}
	}

}
