package io.github.dicomscu.net.association;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;
import io.github.dicomscu.net.pdu.UserIdentityAc;
import io.github.dicomscu.net.pdu.UserIdentityRq;
import io.github.dicomscu.net.pdu.UserIdentityType;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * User identity negotiation (PS3.7 D.3.3.7) between our requestor and our acceptor, and
 * against DCMTK's {@code storescp}, which answers no user identity.
 */
class UserIdentityTests {

	@TempDir
	Path directory;

	@Test
	void acceptorSeesTheIdentityAndRequestorGetsTheServerResponse() throws Exception {
		AtomicReference<UserIdentityRq> verified = new AtomicReference<>();
		AtomicReference<Optional<UserIdentityRq>> seenByHandler = new AtomicReference<>();
		UserIdentityVerifier verifier = (callingAeTitle, identity) -> {
			verified.set(identity);
			return Optional.of(new UserIdentityAc("ticket".getBytes(StandardCharsets.US_ASCII)));
		};
		try (DicomScp scp = DicomScp.builder()
			.userIdentityVerifier(verifier)
			.handler(CommandField.C_ECHO_RQ, (association, request) -> {
				seenByHandler.set(association.getRequestorUserIdentity());
				association.send(request.contextId(), Command.echoRsp(request.command().messageId(), Status.SUCCESS));
			})
			.build()
			.start();
				Association association = Association.request(
						request(scp.getPort()).userIdentity(UserIdentityRq.usernameAndPasscode("alice", "s3cret", true))
							.build())) {
			assertThat(association.getUserIdentityResponse()).map(UserIdentityAc::serverResponse)
				.hasValueSatisfying((response) -> assertThat(response).asString().isEqualTo("ticket"));
			assertThat(association.echo()).isEqualTo(Status.SUCCESS);
			association.release();
		}
		assertThat(verified.get().type()).isEqualTo(UserIdentityType.USERNAME_AND_PASSCODE);
		assertThat(verified.get().primaryField()).asString().isEqualTo("alice");
		assertThat(verified.get().secondaryField()).asString().isEqualTo("s3cret");
		assertThat(seenByHandler.get()).contains(verified.get());
	}

	@Test
	void noServerResponseIsSentWhenNoneWasRequested() throws Exception {
		try (DicomScp scp = DicomScp.builder().build().start();
				Association association = Association
					.request(request(scp.getPort()).userIdentity(UserIdentityRq.username("alice", false)).build())) {
			assertThat(association.getUserIdentityResponse()).isEmpty();
			association.release();
		}
	}

	@Test
	void refusedIdentityIsRejectedPermanentlyByTheServiceUserWithNoReasonGiven() throws Exception {
		UserIdentityVerifier verifier = (callingAeTitle,
				identity) -> (identity != null
						&& "s3cret".equals(new String(identity.secondaryField(), StandardCharsets.UTF_8)))
								? Optional.of(new UserIdentityAc(new byte[0])) : Optional.empty();
		try (DicomScp scp = DicomScp.builder().userIdentityVerifier(verifier).build().start()) {
			AssociationRejectedException ex = catchThrowableOfType(AssociationRejectedException.class,
					() -> Association.request(request(scp.getPort())
						.userIdentity(UserIdentityRq.usernameAndPasscode("alice", "wrong", false))
						.build()));
			assertThat(ex.getResult()).isEqualTo(RejectResult.PERMANENT);
			assertThat(ex.getSource()).isEqualTo(RejectSource.SERVICE_USER);
			assertThat(ex.getReason()).isEqualTo(RejectReason.NO_REASON_GIVEN);
			assertThat(catchThrowableOfType(AssociationRejectedException.class,
					() -> Association.request(request(scp.getPort()).build())))
				.isNotNull();
			try (Association association = Association.request(
					request(scp.getPort()).userIdentity(UserIdentityRq.usernameAndPasscode("alice", "s3cret", false))
						.build())) {
				assertThat(association.echo()).isEqualTo(Status.SUCCESS);
				association.release();
			}
		}
	}

	@Test
	void failingVerifierRefuses() throws Exception {
		UserIdentityVerifier verifier = (callingAeTitle, identity) -> {
			throw new IllegalStateException("credential store unavailable");
		};
		try (DicomScp scp = DicomScp.builder().userIdentityVerifier(verifier).build().start()) {
			AssociationRejectedException ex = catchThrowableOfType(AssociationRejectedException.class, () -> Association
				.request(request(scp.getPort()).userIdentity(UserIdentityRq.username("alice", false)).build()));
			assertThat(ex.getReason()).isEqualTo(RejectReason.NO_REASON_GIVEN);
		}
	}

	@Test
	void missingPositiveResponseFromStorescpAbortsWithATypedException() throws Exception {
		DcmtkPeer.require("storescp");
		try (DcmtkPeer storescp = DcmtkPeer.startServer("storescp", "--aetitle", "STORESCP", "--output-directory",
				this.directory.toString())) {
			UserIdentityNotConfirmedException ex = catchThrowableOfType(UserIdentityNotConfirmedException.class,
					() -> Association.request(request(storescp.port()).calledAeTitle("STORESCP")
						.userIdentity(new UserIdentityRq(UserIdentityType.JWT, true,
								"eyJhbGciOiJub25lIn0.e30.".getBytes(StandardCharsets.US_ASCII), null))
						.build()));
			assertThat(ex.getIdentityType()).isEqualTo(UserIdentityType.JWT);
			assertThat(ex.getMessage()).contains("STORESCP@127.0.0.1:" + storescp.port())
				.contains("positive response to the JSON web token user identity was requested")
				.doesNotContain("eyJ");
			try (Association association = Association.request(request(storescp.port()).calledAeTitle("STORESCP")
				.userIdentity(UserIdentityRq.usernameAndPasscode("alice", "s3cret", false))
				.build())) {
				assertThat(association.getUserIdentityResponse()).isEmpty();
				assertThat(association.echo()).isEqualTo(Status.SUCCESS);
				association.release();
			}
		}
	}

	private static AssociationRequest.Builder request(int port) {
		return AssociationRequest.builder("127.0.0.1", port).context(PresentationContext.of("Verification"));
	}

}
