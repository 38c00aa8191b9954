package io.github.dicomscu.net.pdu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link AssociateRj}, as decoded and as built by its typed factory, and the result,
 * source and reason of PS3.8 Table 9-21.
 */
class AssociateRjTests {

	@Test
	void typedFieldsOfEachDefinedReason() throws DicomProtocolException {
		assertThat(decoded(1, 1, 1).reason()).isEqualTo(RejectReason.NO_REASON_GIVEN);
		assertThat(decoded(1, 1, 2).reason()).isEqualTo(RejectReason.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
		assertThat(decoded(1, 1, 3).reason()).isEqualTo(RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED);
		assertThat(decoded(1, 1, 7).reason()).isEqualTo(RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);
		assertThat(decoded(1, 2, 1).reason()).isEqualTo(RejectReason.ACSE_NO_REASON_GIVEN);
		assertThat(decoded(1, 2, 2).reason()).isEqualTo(RejectReason.PROTOCOL_VERSION_NOT_SUPPORTED);
		assertThat(decoded(2, 3, 1).reason()).isEqualTo(RejectReason.TEMPORARY_CONGESTION);
		assertThat(decoded(2, 3, 2).reason()).isEqualTo(RejectReason.LOCAL_LIMIT_EXCEEDED);
	}

	@Test
	void reservedCodesAndCodesOfAnotherSource() throws DicomProtocolException {
		assertThat(decoded(1, 1, 5).reason()).isEqualTo(RejectReason.RESERVED);
		assertThat(decoded(1, 3, 0).reason()).isEqualTo(RejectReason.RESERVED);
		assertThat(decoded(1, 2, 7).reason()).isEqualTo(RejectReason.RESERVED);
		assertThat(RejectReason.RESERVED.source()).isNull();
	}

	@Test
	void resultAndSourceEnums() {
		AssociateRj rj = AssociateRj.of(RejectResult.TRANSIENT, RejectReason.TEMPORARY_CONGESTION);
		assertThat(rj.resultEnum()).isEqualTo(RejectResult.TRANSIENT);
		assertThat(rj.sourceEnum()).isEqualTo(RejectSource.SERVICE_PROVIDER_PRESENTATION);
		assertThat(rj.resultEnum().text()).isEqualTo("rejected-transient");
		assertThat(rj.reason().text()).isEqualTo("temporary-congestion");
	}

	@Test
	void ofDerivesTheSourceFromTheReason() throws DicomProtocolException {
		assertThat(AssociateRj.of(RejectResult.PERMANENT, RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED))
			.isEqualTo(decoded(1, 1, 3));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssociateRj.of(RejectResult.PERMANENT, RejectReason.RESERVED));
	}

	@Test
	void undefinedResultOrSource() {
		assertThatExceptionOfType(DicomProtocolException.class).isThrownBy(() -> decoded(0, 1, 1))
			.withMessageEndingWith("Unknown A-ASSOCIATE-RJ result 0")
			.satisfies((ex) -> assertThat(ex.getAbortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE));
		assertThatExceptionOfType(DicomProtocolException.class).isThrownBy(() -> decoded(1, 4, 1))
			.withMessageEndingWith("Unknown A-ASSOCIATE-RJ source 4");
	}

	@Test
	void presentationContextResultText() {
		assertThat(PresentationContextResult.of(3).text())
			.isEqualTo("abstract-syntax-not-supported (provider rejection)");
		assertThatIllegalArgumentException().isThrownBy(() -> PresentationContextResult.of(5));
	}

	/**
	 * Decode an A-ASSOCIATE-RJ PDU with the given field values: the only way, besides the
	 * typed factory, that the engine builds one.
	 */
	private static AssociateRj decoded(int result, int source, int reason) throws DicomProtocolException {
		return (AssociateRj) PduDecoder.decode(
				new byte[] { 0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, (byte) result, (byte) source, (byte) reason },
				0);
	}

}
