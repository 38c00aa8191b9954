package io.github.dicomscu.net.association;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.net.scp.DicomScp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Our engine against real DCMTK peers: {@code storescp} and {@code dcmqrscp} as
 * acceptors, {@code echoscu} as requestor.
 */
class DcmtkInteropTests {

	@TempDir
	Path directory;

	@Test
	void echoToStorescpWith128Contexts() throws Exception {
		try (DcmtkPeer storescp = DcmtkPeer.startServer("storescp", "--aetitle", "STORESCP", "--output-directory",
				this.directory.toString())) {
			List<PresentationContext> contexts = new ArrayList<>(ContextSet.STORAGE.contexts());
			contexts.add(PresentationContext.of("Verification"));
			contexts.addAll(ContextSet.QUERY_RETRIEVE.contexts().subList(0, 7));
			assertThat(contexts).hasSize(128);
			try (Association association = Association.request(AssociationRequest.builder("127.0.0.1", storescp.port())
				.callingAeTitle("DICOMSCU")
				.calledAeTitle("STORESCP")
				.contexts(contexts)
				.build())) {
				List<NegotiatedContext> negotiated = association.getNegotiatedContexts();
				assertThat(negotiated).hasSize(128);
				assertThat(negotiated.get(0).id()).isEqualTo(1);
				assertThat(negotiated.get(127).id()).isEqualTo(255);
				assertThat(association.requireAcceptedContext(Uid.VERIFICATION).id()).isEqualTo(241);
				assertThat(negotiated.stream().filter(NegotiatedContext::isAccepted).count()).isGreaterThan(100);
				assertThat(association.getPeerImplementationClassUid()).startsWith("1.2.276.0.7230010.3");
				assertThat(association.echo()).isZero();
			}
		}
	}

	@Test
	void rejectionByStorescpIsMapped() throws Exception {
		try (DcmtkPeer storescp = DcmtkPeer.startServer("storescp", "--refuse", "--output-directory",
				this.directory.toString())) {
			AssociationRejectedException ex = catchThrowableOfType(AssociationRejectedException.class,
					() -> Association.request(AssociationRequest.builder("127.0.0.1", storescp.port())
						.calledAeTitle("STORESCP")
						.context(PresentationContext.of("Verification"))
						.build()));
			assertThat(ex.getResult()).isEqualTo(RejectResult.PERMANENT);
			assertThat(ex.getSource()).isEqualTo(RejectSource.SERVICE_USER);
			assertThat(ex.getReason()).isEqualTo(RejectReason.NO_REASON_GIVEN);
			assertThat(ex.getMessage()).contains("rejected-permanent").contains("no-reason-given");
		}
	}

	@Test
	void calledAeTitleRejectionByDcmqrscpIsMapped() throws Exception {
		Path config = this.directory.resolve("dcmqrscp.cfg");
		java.nio.file.Files.writeString(config, """
				NetworkTCPPort = 104
				MaxPDUSize = 16384
				MaxAssociations = 16
				HostTable BEGIN
				HostTable END
				VendorTable BEGIN
				VendorTable END
				AETable BEGIN
				QRSCP %s RW (10, 1024mb) ANY
				AETable END
				""".formatted(this.directory.resolve("db")));
		java.nio.file.Files.createDirectories(this.directory.resolve("db"));
		try (DcmtkPeer dcmqrscp = DcmtkPeer.startServer("dcmqrscp", "--config", config.toString())) {
			AssociationRejectedException ex = catchThrowableOfType(AssociationRejectedException.class,
					() -> Association.request(AssociationRequest.builder("127.0.0.1", dcmqrscp.port())
						.calledAeTitle("NOT-QRSCP")
						.context(PresentationContext.of("Verification"))
						.build()));
			assertThat(ex.getResult()).isEqualTo(RejectResult.PERMANENT);
			assertThat(ex.getSource()).isEqualTo(RejectSource.SERVICE_USER);
			assertThat(ex.getReason()).isEqualTo(RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);
		}
	}

	@Test
	void echoscuToOurScp() throws Exception {
		DcmtkPeer.require("echoscu");
		try (DicomScp scp = DicomScp.builder().aeTitle("OURSCP").build().start()) {
			DcmtkPeer.Result result = DcmtkPeer.run(Duration.ofSeconds(30), "echoscu", "-v", "-aec", "OURSCP",
					"--repeat", "3", "127.0.0.1", Integer.toString(scp.getPort()));
			assertThat(result.exitCode()).as(result.output()).isZero();
			assertThat(result.output()).contains("Association Accepted").contains("Received Echo Response (Success)");
		}
	}

	@Test
	void echoscuToOurScpWithWrongCalledAeIsRejected() throws Exception {
		DcmtkPeer.require("echoscu");
		try (DicomScp scp = DicomScp.builder().aeTitle("OURSCP").build().start()) {
			DcmtkPeer.Result result = DcmtkPeer.run(Duration.ofSeconds(30), "echoscu", "-v", "-aec", "SOMEONE",
					"127.0.0.1", Integer.toString(scp.getPort()));
			assertThat(result.exitCode()).isNotZero();
			assertThat(result.output()).contains("Called AE Title Not Recognized");
		}
	}

}
