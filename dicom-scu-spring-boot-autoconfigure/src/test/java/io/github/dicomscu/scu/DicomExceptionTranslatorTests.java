package io.github.dicomscu.scu;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import io.github.dicomscu.net.AssociationAbortedException;
import io.github.dicomscu.net.AssociationClosedException;
import io.github.dicomscu.net.DicomConnectException;
import io.github.dicomscu.net.DicomNetworkException;
import io.github.dicomscu.net.DicomProtocolException;
import io.github.dicomscu.net.DicomTimeoutException;
import io.github.dicomscu.net.TimeoutKind;
import io.github.dicomscu.net.association.AssociationRejectedException;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.association.NoAcceptedContextException;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;
import io.github.dicomscu.net.pdu.AssociateRj;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DicomExceptionTranslator}.
 */
class DicomExceptionTranslatorTests {

	private static final RemoteAe PACS = new RemoteAe("pacs", "ORTHANC", "10.0.0.5", 4242);

	private static final String PREFIX = "remote 'pacs' (ORTHANC@10.0.0.5:4242): ";

	@Test
	void connectFailure() {
		DicomConnectException ex = new DicomConnectException("Cannot connect to ORTHANC@10.0.0.5:4242: refused",
				"10.0.0.5", 4242, new ConnectException("refused"));
		DicomAccessException translated = translate(ex);
		assertThat(translated).isInstanceOf(DicomConnectionFailureException.class)
			.hasMessage(PREFIX + "Cannot connect to ORTHANC@10.0.0.5:4242: refused")
			.hasCause(ex);
		assertThat(translated.getRemote()).isEqualTo("pacs");
	}

	@Test
	void rejection() {
		AssociationRejectedException ex = new AssociationRejectedException("ORTHANC@10.0.0.5:4242",
				new AssociateRj(2, 3, 1));
		assertThat(translate(ex)).isInstanceOfSatisfying(DicomAssociationRejectedException.class, (rejected) -> {
			assertThat(rejected).hasMessage(PREFIX + ex.getMessage());
			assertThat(rejected.getResult()).isEqualTo(RejectResult.TRANSIENT);
			assertThat(rejected.getSource()).isEqualTo(RejectSource.SERVICE_PROVIDER_PRESENTATION);
			assertThat(rejected.getReason()).isEqualTo(RejectReason.TEMPORARY_CONGESTION);
		});
	}

	@Test
	void abort() {
		AssociationAbortedException ex = new AssociationAbortedException("ORTHANC@10.0.0.5:4242",
				AbortSource.SERVICE_PROVIDER, AbortReason.UNEXPECTED_PDU);
		assertThat(translate(ex)).isInstanceOfSatisfying(DicomAssociationAbortedException.class, (aborted) -> {
			assertThat(aborted).hasMessage(PREFIX + ex.getMessage());
			assertThat(aborted.getSource()).isEqualTo(AbortSource.SERVICE_PROVIDER);
			assertThat(aborted.getReason()).isEqualTo(AbortReason.UNEXPECTED_PDU);
		});
	}

	@Test
	void closedConnection() {
		AssociationClosedException ex = new AssociationClosedException("ORTHANC@10.0.0.5:4242 closed the connection");
		assertThat(translate(ex)).isInstanceOfSatisfying(DicomAssociationAbortedException.class, (aborted) -> {
			assertThat(aborted).hasMessage(PREFIX + "ORTHANC@10.0.0.5:4242 closed the connection");
			assertThat(aborted.getSource()).isNull();
			assertThat(aborted.getReason()).isNull();
		});
	}

	@Test
	void timeout() {
		DicomTimeoutException ex = new DicomTimeoutException(TimeoutKind.DIMSE, Duration.ofSeconds(30),
				"no C-ECHO-RSP");
		assertThat(translate(ex)).isInstanceOfSatisfying(DicomTimeoutAccessException.class, (timeout) -> {
			assertThat(timeout).hasMessage(PREFIX + "DIMSE timeout (30 s) expired waiting for a DIMSE message: "
					+ "no C-ECHO-RSP");
			assertThat(timeout.getKind()).isEqualTo(TimeoutKind.DIMSE);
			assertThat(timeout.getTimeout()).isEqualTo(Duration.ofSeconds(30));
		});
	}

	@Test
	void protocolViolation() {
		DicomProtocolException ex = new DicomProtocolException("Unexpected A-ASSOCIATE-RQ",
				AbortReason.UNEXPECTED_PDU);
		assertThat(translate(ex)).isInstanceOf(DicomProtocolViolationException.class)
			.hasMessage(PREFIX + "Unexpected A-ASSOCIATE-RQ");
	}

	@Test
	void noAcceptedContext() {
		List<NegotiatedContext> negotiated = List.of(new NegotiatedContext(1, PresentationContext.of("CTImageStorage"),
				PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, null, true, false));
		NoAcceptedContextException ex = new NoAcceptedContextException("ORTHANC@10.0.0.5:4242", "1.2.840.10008.1.1",
				negotiated);
		assertThat(translate(ex)).isInstanceOfSatisfying(NoAcceptedPresentationContextException.class, (noContext) -> {
			assertThat(noContext).hasMessage(PREFIX + ex.getMessage());
			assertThat(noContext.getAbstractSyntax()).isEqualTo("1.2.840.10008.1.1");
			assertThat(noContext.getNegotiated()).isEqualTo(negotiated);
		});
	}

	@Test
	void otherNetworkFailureIsAnUnexpectedEnd() {
		DicomNetworkException ex = new DicomNetworkException("something else", new IOException()) {
		};
		assertThat(translate(ex)).isInstanceOf(DicomAssociationAbortedException.class)
			.hasMessage(PREFIX + "something else");
	}

	private static DicomAccessException translate(DicomNetworkException ex) {
		return DicomExceptionTranslator.translate(PACS, ex);
	}

}
