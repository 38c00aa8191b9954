package io.github.dicomscu.scu;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.Fragments;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.pdu.DicomNetworkException;
import io.github.dicomscu.net.association.TimeoutKind;
import io.github.dicomscu.net.association.TlsFailure;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;
import io.github.dicomscu.net.pdu.AssociateRj;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.RejectSource;
import io.github.dicomscu.net.pdu.UserIdentityType;
import io.github.dicomscu.net.query.RetrieveResult;
import io.github.dicomscu.net.storage.StoreInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultDicomExceptionTranslator}: every engine exception becomes its
 * same-named mirror, with its details, and is transient or permanent as
 * {@link DicomAccessException} documents.
 */
class DefaultDicomExceptionTranslatorTests {

	private static final RemoteAe PACS = new RemoteAe("pacs", "ORTHANC", "10.0.0.5", 4242);

	private static final String PREFIX = "remote 'pacs' (ORTHANC@10.0.0.5:4242): ";

	@Test
	void mirrorsKeepTheEnginesEscapesAndEscapeAnyControlCharacterLeft() {
		io.github.dicomscu.net.pdu.DicomProtocolException ex = new io.github.dicomscu.net.pdu.DicomProtocolException(
				"Invalid calling AE title 'EVIL\r\nFORGED\u001B[2J'", AbortReason.INVALID_PDU_PARAMETER_VALUE);
		assertThat(ex).hasMessage("Invalid calling AE title 'EVIL\\r\\nFORGED\\u001B[2J'");
		assertThat(translate(ex)).hasMessage(PREFIX + "Invalid calling AE title 'EVIL\\r\\nFORGED\\u001B[2J'");
		assertThat(new UncategorizedDicomException("pacs", "forged\r\nline", null)).hasMessage("forged\\r\\nline");
	}

	@Test
	void connectFailure() {
		io.github.dicomscu.net.association.DicomConnectException ex = new io.github.dicomscu.net.association.DicomConnectException(
				"Cannot connect to ORTHANC@10.0.0.5:4242: refused", "10.0.0.5", 4242, new ConnectException("refused"));
		DicomAccessException translated = translate(ex);
		assertThat(translated).isInstanceOf(DicomConnectException.class)
			.hasMessage(PREFIX + "Cannot connect to ORTHANC@10.0.0.5:4242: refused")
			.hasCause(ex);
		assertThat(translated.getRemote()).isEqualTo("pacs");
	}

	@Test
	void tlsFailureKeepsItsReasonAndIsPermanent() {
		io.github.dicomscu.net.association.DicomTlsException ex = new io.github.dicomscu.net.association.DicomTlsException(
				TlsFailure.HOSTNAME_MISMATCH, "ORTHANC@10.0.0.5:4242",
				"No subject alternative names matching IP address 10.0.0.5 found", null);
		assertThat(translate(ex)).isInstanceOfSatisfying(DicomTlsException.class, (tls) -> {
			assertThat(tls).hasMessage(PREFIX + ex.getMessage()).hasCause(ex);
			assertThat(tls.getMessage()).contains("does not match the host connected to");
			assertThat(tls.getFailure()).isEqualTo(TlsFailure.HOSTNAME_MISMATCH);
			assertThat(tls.isTransient()).isFalse();
		});
	}

	@Test
	void rejection() {
		io.github.dicomscu.net.association.AssociationRejectedException ex = new io.github.dicomscu.net.association.AssociationRejectedException(
				"ORTHANC@10.0.0.5:4242", AssociateRj.of(RejectResult.TRANSIENT, RejectReason.TEMPORARY_CONGESTION));
		assertThat(translate(ex)).isInstanceOfSatisfying(AssociationRejectedException.class, (rejected) -> {
			assertThat(rejected).hasMessage(PREFIX + ex.getMessage());
			assertThat(rejected.getResult()).isEqualTo(RejectResult.TRANSIENT);
			assertThat(rejected.getSource()).isEqualTo(RejectSource.SERVICE_PROVIDER_PRESENTATION);
			assertThat(rejected.getReason()).isEqualTo(RejectReason.TEMPORARY_CONGESTION);
		});
	}

	@Test
	void abort() {
		io.github.dicomscu.net.association.AssociationAbortedException ex = new io.github.dicomscu.net.association.AssociationAbortedException(
				"ORTHANC@10.0.0.5:4242", AbortSource.SERVICE_PROVIDER, AbortReason.UNEXPECTED_PDU);
		assertThat(translate(ex)).isInstanceOfSatisfying(AssociationAbortedException.class, (aborted) -> {
			assertThat(aborted).hasMessage(PREFIX + ex.getMessage());
			assertThat(aborted.getSource()).isEqualTo(AbortSource.SERVICE_PROVIDER);
			assertThat(aborted.getReason()).isEqualTo(AbortReason.UNEXPECTED_PDU);
		});
	}

	@Test
	void closedConnection() {
		io.github.dicomscu.net.association.AssociationClosedException ex = new io.github.dicomscu.net.association.AssociationClosedException(
				"ORTHANC@10.0.0.5:4242 closed the connection");
		assertThat(translate(ex)).isExactlyInstanceOf(AssociationClosedException.class)
			.hasMessage(PREFIX + "ORTHANC@10.0.0.5:4242 closed the connection")
			.hasCause(ex);
	}

	@Test
	void timeout() {
		io.github.dicomscu.net.association.DicomTimeoutException ex = new io.github.dicomscu.net.association.DicomTimeoutException(
				TimeoutKind.DIMSE, Duration.ofSeconds(30), "no C-ECHO-RSP");
		assertThat(translate(ex)).isInstanceOfSatisfying(DicomTimeoutException.class, (timeout) -> {
			assertThat(timeout)
				.hasMessage(PREFIX + "DIMSE timeout (30 s) expired waiting for a DIMSE message: " + "no C-ECHO-RSP");
			assertThat(timeout.getKind()).isEqualTo(TimeoutKind.DIMSE);
			assertThat(timeout.getTimeout()).isEqualTo(Duration.ofSeconds(30));
		});
	}

	@Test
	void protocolViolation() {
		io.github.dicomscu.net.pdu.DicomProtocolException ex = new io.github.dicomscu.net.pdu.DicomProtocolException(
				"Unexpected A-ASSOCIATE-RQ", AbortReason.UNEXPECTED_PDU);
		assertThat(translate(ex)).isInstanceOf(DicomProtocolException.class)
			.hasMessage(PREFIX + "Unexpected A-ASSOCIATE-RQ");
	}

	@Test
	void dataSetTooLargeKeepsTheLimit() {
		io.github.dicomscu.net.association.DataSetTooLargeException ex = new io.github.dicomscu.net.association.DataSetTooLargeException(
				"Data set of C-FIND-RSP too large", 4096);
		assertThat(translate(ex)).isInstanceOfSatisfying(DataSetTooLargeException.class, (tooLarge) -> {
			assertThat(tooLarge).hasMessage(PREFIX + "Data set of C-FIND-RSP too large");
			assertThat(tooLarge.getLimit()).isEqualTo(4096);
		});
	}

	@Test
	void tooManyMatchesKeepsTheLimit() {
		io.github.dicomscu.net.query.TooManyMatchesException ex = new io.github.dicomscu.net.query.TooManyMatchesException(
				"C-FIND-RQ 1 to ARCHIVE@10.0.0.5:4242 returned more than 100 matches", 100);
		assertThat(translate(ex)).isInstanceOfSatisfying(TooManyMatchesException.class, (tooMany) -> {
			assertThat(tooMany)
				.hasMessage(PREFIX + "C-FIND-RQ 1 to ARCHIVE@10.0.0.5:4242 returned more than 100 matches");
			assertThat(tooMany.getLimit()).isEqualTo(100);
			assertThat(tooMany.isTransient()).isFalse();
		});
	}

	@Test
	void userIdentityNotConfirmedKeepsTheIdentityType() {
		assertThat(translate(new io.github.dicomscu.net.association.UserIdentityNotConfirmedException(
				"ORTHANC@10.0.0.5:4242", UserIdentityType.USERNAME_AND_PASSCODE)))
			.isInstanceOfSatisfying(UserIdentityNotConfirmedException.class, (notConfirmed) -> {
				assertThat(notConfirmed.getIdentityType()).isEqualTo(UserIdentityType.USERNAME_AND_PASSCODE);
				assertThat(notConfirmed.isTransient()).isFalse();
			});
	}

	@Test
	void noAcceptedContext() {
		List<NegotiatedContext> negotiated = List.of(new NegotiatedContext(1, PresentationContext.of("CTImageStorage"),
				PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, null, true, false));
		io.github.dicomscu.net.association.NoAcceptedContextException ex = new io.github.dicomscu.net.association.NoAcceptedContextException(
				"ORTHANC@10.0.0.5:4242", "1.2.840.10008.1.1", negotiated);
		assertThat(translate(ex)).isInstanceOfSatisfying(NoAcceptedContextException.class, (noContext) -> {
			assertThat(noContext).hasMessage(PREFIX + ex.getMessage());
			assertThat(noContext.getAbstractSyntax()).isEqualTo("1.2.840.10008.1.1");
			assertThat(noContext.getNegotiated()).isEqualTo(negotiated);
		});
	}

	@Test
	void failureStatusKeepsCodeMeaningAndErrorComment() {
		io.github.dicomscu.net.dimse.DimseFailureException ex = new io.github.dicomscu.net.dimse.DimseFailureException(
				"ORTHANC@10.0.0.5:4242", CommandField.C_FIND_RQ, 0xC001, "index unreadable");
		assertThat(translate(ex)).isExactlyInstanceOf(DimseFailureException.class)
			.isInstanceOfSatisfying(DimseFailureException.class, (status) -> {
				assertThat(status)
					.hasMessage(PREFIX + "C-FIND-RQ to ORTHANC@10.0.0.5:4242 failed with status 0xC001 "
							+ "(Failure: Unable to process): index unreadable")
					.hasCause(ex);
				assertThat(status.getRemote()).isEqualTo("pacs");
				assertThat(status.getOperation()).isEqualTo(CommandField.C_FIND_RQ);
				assertThat(status.getStatus()).isEqualTo(0xC001);
				assertThat(status.getStatusMeaning()).isEqualTo("Unable to process");
				assertThat(status.getErrorComment()).isEqualTo("index unreadable");
			});
	}

	@Test
	void failedRetrieveKeepsTheFinalCounts() {
		RetrieveResult result = new RetrieveResult(CommandField.C_MOVE_RQ, 0xA702, 0, 1, 2, 0,
				List.of("1.2.3.1", "1.2.3.2"));
		io.github.dicomscu.net.query.RetrieveFailedException ex = new io.github.dicomscu.net.query.RetrieveFailedException(
				"ORTHANC@10.0.0.5:4242", CommandField.C_GET_RQ, result, null);
		assertThat(translate(ex)).isExactlyInstanceOf(RetrieveFailedException.class)
			.isInstanceOfSatisfying(RetrieveFailedException.class, (failed) -> {
				assertThat(failed).hasMessage(PREFIX + ex.getMessage());
				assertThat(failed.getMessage()).contains("0xA702", "1 completed, 2 failed");
				assertThat(failed.getOperation()).isEqualTo(CommandField.C_GET_RQ);
				assertThat(failed.getStatus()).isEqualTo(0xA702);
				assertThat(failed.getResult()).isEqualTo(result);
				assertThat(failed.getErrorComment()).isNull();
			});
	}

	@Test
	void unknownMoveDestinationNamesIt() {
		RetrieveResult result = new RetrieveResult(CommandField.C_MOVE_RQ, 0xA801, 0, 0, 0, 0, List.of());
		io.github.dicomscu.net.query.MoveDestinationUnknownException ex = new io.github.dicomscu.net.query.MoveDestinationUnknownException(
				"ORTHANC@10.0.0.5:4242", "NOWHERE", result, "no such AE");
		assertThat(translate(ex)).isInstanceOfSatisfying(MoveDestinationUnknownException.class, (unknown) -> {
			assertThat(unknown).hasMessage(PREFIX + ex.getMessage());
			assertThat(unknown.getMessage()).contains("'NOWHERE' is unknown", "0xA801", "no such AE");
			assertThat(unknown.getDestination()).isEqualTo("NOWHERE");
			assertThat(unknown.getOperation()).isEqualTo(CommandField.C_MOVE_RQ);
			assertThat(unknown.getStatus()).isEqualTo(0xA801);
			assertThat(unknown.getStatusMeaning()).isEqualTo("Refused: Move Destination unknown");
			assertThat(unknown.getErrorComment()).isEqualTo("no such AE");
			assertThat(unknown.getResult()).isEqualTo(result);
		});
	}

	@Test
	void transferSyntaxNotAcceptedNamesBothSyntaxes() {
		StoreInstance instance = jpegInstance();
		io.github.dicomscu.net.storage.TransferSyntaxNotAcceptedException ex = new io.github.dicomscu.net.storage.TransferSyntaxNotAcceptedException(
				"ORTHANC@10.0.0.5:4242", instance, List.of("1.2.840.10008.1.2.1"));
		assertThat(translate(ex)).isInstanceOfSatisfying(TransferSyntaxNotAcceptedException.class, (syntax) -> {
			assertThat(syntax).hasMessage(PREFIX + ex.getMessage());
			assertThat(syntax.getMessage()).contains("JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50)",
					"only with Explicit VR Little Endian (1.2.840.10008.1.2.1)");
			assertThat(syntax.getAbstractSyntax()).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
			assertThat(syntax.getSopInstanceUid()).isEqualTo("1.2.3.4");
			assertThat(syntax.getTransferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.4.50");
			assertThat(syntax.getAcceptedTransferSyntaxUids()).containsExactly("1.2.840.10008.1.2.1");
			assertThat(syntax.getNegotiated()).isEmpty();
		});
	}

	@Test
	void otherNetworkFailureIsUncategorized() {
		DicomNetworkException ex = new DicomNetworkException("something else", new IOException()) {
		};
		assertThat(translate(ex)).isExactlyInstanceOf(UncategorizedDicomException.class)
			.hasMessage(PREFIX + "something else")
			.hasCause(ex);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mappings")
	void translatesToTheSameNamedMirror(String description, DicomNetworkException ex,
			Class<? extends DicomAccessException> expected, boolean isTransient) {
		DicomAccessException translated = translate(ex);
		assertThat(translated).isExactlyInstanceOf(expected).hasCause(ex).hasMessage(PREFIX + ex.getMessage());
		assertThat(translated.getRemote()).isEqualTo("pacs");
		assertThat(translated.isTransient()).as("transient").isEqualTo(isTransient);
		if (expected != UncategorizedDicomException.class) {
			assertThat(expected.getSimpleName()).isEqualTo(ex.getClass().getSimpleName());
		}
	}

	@Test
	void everyEngineExceptionHasItsSameNamedMirrorAndARowInTheTable() throws Exception {
		Set<Class<?>> engineExceptions = new LinkedHashSet<>();
		MetadataReaderFactory readers = new CachingMetadataReaderFactory();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/dicomscu/net/**/*.class")) {
			Class<?> type = Class.forName(readers.getMetadataReader(resource).getClassMetadata().getClassName(), false,
					getClass().getClassLoader());
			if (DicomNetworkException.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
					&& !type.isAnonymousClass()) {
				engineExceptions.add(type);
			}
		}
		assertThat(engineExceptions).hasSizeGreaterThanOrEqualTo(11);
		Set<Class<?>> inTable = mappings().map((row) -> row.get()[1].getClass()).collect(Collectors.toSet());
		for (Class<?> engine : engineExceptions) {
			Class<?> mirror = Class.forName(DicomAccessException.class.getPackageName() + "." + engine.getSimpleName());
			assertThat(mirror).as("mirror of " + engine.getName()).isAssignableTo(DicomAccessException.class);
			assertThat(inTable).as("rows of the table").contains(engine);
		}
	}

	static Stream<Arguments> mappings() {
		String peer = "ORTHANC@10.0.0.5:4242";
		RetrieveResult outOfResources = new RetrieveResult(CommandField.C_MOVE_RQ, 0xA702, 0, 1, 2, 0, List.of());
		RetrieveResult failed = new RetrieveResult(CommandField.C_MOVE_RQ, 0xC000, 0, 0, 3, 0, List.of());
		RetrieveResult unknown = new RetrieveResult(CommandField.C_MOVE_RQ, 0xA801, 0, 0, 0, 0, List.of());
		List<Arguments> rows = new ArrayList<>(List.of(
				row("connection refused",
						new io.github.dicomscu.net.association.DicomConnectException("Cannot connect", "10.0.0.5", 4242,
								new ConnectException("refused")),
						DicomConnectException.class, true),
				row("unknown host",
						new io.github.dicomscu.net.association.DicomConnectException("Cannot connect", "pacs.invalid",
								4242, new UnknownHostException("pacs.invalid")),
						DicomConnectException.class, false),
				row("TLS: untrusted certificate",
						new io.github.dicomscu.net.association.DicomTlsException(TlsFailure.UNTRUSTED_CERTIFICATE, peer,
								"PKIX path building failed", null),
						DicomTlsException.class, false),
				row("TLS: peer expects TLS",
						new io.github.dicomscu.net.association.DicomTlsException(TlsFailure.PEER_EXPECTS_TLS, peer,
								null, null),
						DicomTlsException.class, false),
				row("rejected-transient, temporary-congestion",
						new io.github.dicomscu.net.association.AssociationRejectedException(peer,
								new AssociateRj(2, 3, 1)),
						AssociationRejectedException.class, true),
				row("rejected-transient, local-limit-exceeded",
						new io.github.dicomscu.net.association.AssociationRejectedException(peer,
								new AssociateRj(2, 3, 2)),
						AssociationRejectedException.class, true),
				row("rejected-permanent, called AE title not recognized",
						new io.github.dicomscu.net.association.AssociationRejectedException(peer,
								new AssociateRj(1, 1, 7)),
						AssociationRejectedException.class, false),
				row("A-ABORT",
						new io.github.dicomscu.net.association.AssociationAbortedException(peer,
								AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED),
						AssociationAbortedException.class, false),
				row("positive user identity response missing",
						new io.github.dicomscu.net.association.UserIdentityNotConfirmedException(peer,
								UserIdentityType.JWT),
						UserIdentityNotConfirmedException.class, false),
				row("closed without A-ABORT",
						new io.github.dicomscu.net.association.AssociationClosedException(
								peer + " closed the connection"),
						AssociationClosedException.class, true),
				row("used after it was aborted locally",
						new io.github.dicomscu.net.association.AssociationClosedException(
								"Cannot send C-ECHO-RQ: the association with " + peer + " is not established", null,
								true),
						AssociationClosedException.class, false),
				row("protocol violation",
						new io.github.dicomscu.net.pdu.DicomProtocolException("Unexpected PDU",
								AbortReason.UNEXPECTED_PDU),
						DicomProtocolException.class, false),
				row("data set too large",
						new io.github.dicomscu.net.association.DataSetTooLargeException("Data set too large", 4096),
						DataSetTooLargeException.class, false),
				row("too many matches",
						new io.github.dicomscu.net.query.TooManyMatchesException("More than 100 matches", 100),
						TooManyMatchesException.class, false),
				row("no accepted context",
						new io.github.dicomscu.net.association.NoAcceptedContextException(peer, "1.2.840.10008.1.1",
								List.of()),
						NoAcceptedContextException.class, false),
				row("transfer syntax not accepted",
						new io.github.dicomscu.net.storage.TransferSyntaxNotAcceptedException(peer, jpegInstance(),
								List.of("1.2.840.10008.1.2.1")),
						TransferSyntaxNotAcceptedException.class, false),
				row("DIMSE failure 0xC001",
						new io.github.dicomscu.net.dimse.DimseFailureException(peer, CommandField.C_FIND_RQ, 0xC001,
								null),
						DimseFailureException.class, false),
				row("DIMSE failure 0xA700 out of resources",
						new io.github.dicomscu.net.dimse.DimseFailureException(peer, CommandField.C_FIND_RQ, 0xA700,
								null),
						DimseFailureException.class, true),
				row("retrieve failed 0xA702 out of resources",
						new io.github.dicomscu.net.query.RetrieveFailedException(peer, CommandField.C_GET_RQ,
								outOfResources, null),
						RetrieveFailedException.class, true),
				row("retrieve failed 0xC000",
						new io.github.dicomscu.net.query.RetrieveFailedException(peer, CommandField.C_MOVE_RQ, failed,
								null),
						RetrieveFailedException.class, false),
				row("move destination unknown",
						new io.github.dicomscu.net.query.MoveDestinationUnknownException(peer, "NOWHERE", unknown,
								null),
						MoveDestinationUnknownException.class, false),
				row("uncategorized", new DicomNetworkException("something else") {
				}, UncategorizedDicomException.class, false)));
		for (TimeoutKind kind : TimeoutKind.values()) {
			rows.add(row(kind.text(), new io.github.dicomscu.net.association.DicomTimeoutException(kind,
					Duration.ofSeconds(30), "no answer"), DicomTimeoutException.class, true));
		}
		return rows.stream();
	}

	private static Arguments row(String description, DicomNetworkException ex,
			Class<? extends DicomAccessException> expected, boolean isTransient) {
		return Arguments.of(description, ex, expected, isTransient);
	}

	private static StoreInstance jpegInstance() {
		DataSet jpeg = new DataSet().setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7")
			.setString("SOPInstanceUID", "1.2.3.4")
			.setFragments(0x7FE00010, new Fragments(new byte[0]).add(new byte[] { 1, 2 }));
		return StoreInstance.of(jpeg, TransferSyntax.of("1.2.840.10008.1.2.4.50"));
	}

	private static DicomAccessException translate(DicomNetworkException ex) {
		return new DefaultDicomExceptionTranslator().translate(PACS, ex);
	}

}
