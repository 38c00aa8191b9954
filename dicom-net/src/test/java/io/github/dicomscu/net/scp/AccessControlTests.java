package io.github.dicomscu.net.scp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.association.UserIdentityVerifier;
import io.github.dicomscu.net.benchmark.CtInstances;
import io.github.dicomscu.net.pdu.UserIdentityAc;
import io.github.dicomscu.net.pdu.UserIdentityType;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.peer.RawRequestor;
import io.github.dicomscu.net.storage.StorageScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Access control of our acceptor: the calling AE title allow-list and the user identity
 * verifier, against raw requestors and DCMTK's {@code echoscu} and {@code storescu}.
 */
class AccessControlTests {

	/**
	 * A-ASSOCIATE-RJ: rejected-permanent, service-user, calling-AE-title-not-recognized.
	 */
	private static final byte[] CALLING_AE_TITLE_NOT_RECOGNIZED = { 0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01,
			0x01, 0x03 };

	@TempDir
	Path directory;

	@Test
	void callingAeTitleOutsideTheAllowListIsRejectedOnTheWire() throws Exception {
		try (DicomScp scp = DicomScp.builder()
			.allowedCallingAeTitles(List.of("MODALITY", " VIEWER "))
			.build()
			.start()) {
			try (RawRequestor requestor = new RawRequestor(scp.getPort())) {
				assertThat(requestor.associate("INTRUDER", 16382, Uid.VERIFICATION))
					.containsExactly(CALLING_AE_TITLE_NOT_RECOGNIZED);
			}
			try (RawRequestor requestor = new RawRequestor(scp.getPort())) {
				assertThat(requestor.associate("VIEWER", 16382, Uid.VERIFICATION)[0]).isEqualTo((byte) 0x02);
			}
		}
	}

	@Test
	void emptyAllowListAcceptsAnyCallingAeTitle() throws Exception {
		try (DicomScp scp = DicomScp.builder().allowedCallingAeTitles(List.of()).build().start();
				RawRequestor requestor = new RawRequestor(scp.getPort())) {
			assertThat(requestor.associate("ANYONE", 16382, Uid.VERIFICATION)[0]).isEqualTo((byte) 0x02);
		}
	}

	@Test
	void invalidAllowedCallingAeTitleIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DicomScp.builder().allowedCallingAeTitles(List.of("MUCH-TOO-LONG-AE-TITLE")))
			.withMessageContaining("allowed calling AE title");
	}

	@Test
	void echoscuWithAWrongCallingAeTitleIsRejected() throws Exception {
		DcmtkPeer.require("echoscu");
		try (DicomScp scp = DicomScp.builder().allowedCallingAeTitles(List.of("MODALITY")).build().start()) {
			DcmtkPeer.Result rejected = DcmtkPeer.run(Duration.ofSeconds(30), "echoscu", "-v", "-aet", "INTRUDER",
					"127.0.0.1", Integer.toString(scp.getPort()));
			assertThat(rejected.exitCode()).isNotZero();
			assertThat(rejected.output()).contains("Calling AE Title Not Recognized");
			DcmtkPeer.Result accepted = DcmtkPeer.run(Duration.ofSeconds(30), "echoscu", "-v", "-aet", "MODALITY",
					"127.0.0.1", Integer.toString(scp.getPort()));
			assertThat(accepted.exitCode()).as(accepted.output()).isZero();
		}
	}

	@Test
	void storescuCredentialsAreAcceptedOrRefusedByTheVerifier() throws Exception {
		DcmtkPeer.require("storescu");
		Path file = CtInstances.write(this.directory.resolve("in"), 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
		UserIdentityVerifier verifier = (callingAeTitle,
				identity) -> (identity != null && identity.type() == UserIdentityType.USERNAME_AND_PASSCODE
						&& "alice".equals(new String(identity.primaryField(), StandardCharsets.UTF_8))
						&& "s3cret".equals(new String(identity.secondaryField(), StandardCharsets.UTF_8)))
								? Optional.of(new UserIdentityAc(new byte[0])) : Optional.empty();
		DicomScp.Builder builder = DicomScp.builder().userIdentityVerifier(verifier);
		try (DicomScp scp = StorageScp.toDirectory(this.directory.resolve("received")).addTo(builder).build().start()) {
			DcmtkPeer.Result accepted = DcmtkPeer.run(Duration.ofSeconds(30), "storescu", "-v", "--user", "alice",
					"--password", "s3cret", "--pos-response", "127.0.0.1", Integer.toString(scp.getPort()),
					file.toString());
			assertThat(accepted.exitCode()).as(accepted.output()).isZero();
			assertThat(accepted.output()).contains("Received Store Response (Success)");
			DcmtkPeer.Result refused = DcmtkPeer.run(Duration.ofSeconds(30), "storescu", "-v", "--user", "alice",
					"--password", "guess", "127.0.0.1", Integer.toString(scp.getPort()), file.toString());
			assertThat(refused.exitCode()).isNotZero();
			assertThat(refused.output()).contains("Association Rejected")
				.contains("Result: Rejected Permanent, Source: Service User")
				.contains("Reason: No Reason");
		}
	}

}
