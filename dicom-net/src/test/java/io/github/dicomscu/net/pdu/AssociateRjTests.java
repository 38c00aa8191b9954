package io.github.dicomscu.net.pdu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link AssociateRj} and the result, source and reason of PS3.8 Table 9-21.
 */
class AssociateRjTests {

	@Test
	void typedFieldsOfEachDefinedReason() {
		assertThat(new AssociateRj(1, 1, 1).reason()).isEqualTo(RejectReason.NO_REASON_GIVEN);
		assertThat(new AssociateRj(1, 1, 2).reason()).isEqualTo(RejectReason.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
		assertThat(new AssociateRj(1, 1, 3).reason()).isEqualTo(RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED);
		assertThat(new AssociateRj(1, 1, 7).reason()).isEqualTo(RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);
		assertThat(new AssociateRj(1, 2, 1).reason()).isEqualTo(RejectReason.ACSE_NO_REASON_GIVEN);
		assertThat(new AssociateRj(1, 2, 2).reason()).isEqualTo(RejectReason.PROTOCOL_VERSION_NOT_SUPPORTED);
		assertThat(new AssociateRj(2, 3, 1).reason()).isEqualTo(RejectReason.TEMPORARY_CONGESTION);
		assertThat(new AssociateRj(2, 3, 2).reason()).isEqualTo(RejectReason.LOCAL_LIMIT_EXCEEDED);
	}

	@Test
	void reservedCodesAndCodesOfAnotherSource() {
		assertThat(new AssociateRj(1, 1, 5).reason()).isEqualTo(RejectReason.RESERVED);
		assertThat(new AssociateRj(1, 3, 0).reason()).isEqualTo(RejectReason.RESERVED);
		assertThat(new AssociateRj(1, 2, 7).reason()).isEqualTo(RejectReason.RESERVED);
		assertThat(RejectReason.RESERVED.source()).isNull();
	}

	@Test
	void resultAndSourceEnums() {
		AssociateRj rj = new AssociateRj(2, 3, 1);
		assertThat(rj.resultEnum()).isEqualTo(RejectResult.TRANSIENT);
		assertThat(rj.sourceEnum()).isEqualTo(RejectSource.SERVICE_PROVIDER_PRESENTATION);
		assertThat(rj.resultEnum().text()).isEqualTo("rejected-transient");
		assertThat(rj.reason().text()).isEqualTo("temporary-congestion");
	}

	@Test
	void ofDerivesTheSourceFromTheReason() {
		assertThat(AssociateRj.of(RejectResult.PERMANENT, RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED))
			.isEqualTo(new AssociateRj(1, 1, 3));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssociateRj.of(RejectResult.PERMANENT, RejectReason.RESERVED));
	}

	@Test
	void undefinedResultOrSource() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AssociateRj(0, 1, 1))
			.withMessage("Unknown A-ASSOCIATE-RJ result 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new AssociateRj(1, 4, 1))
			.withMessage("Unknown A-ASSOCIATE-RJ source 4");
	}

	@Test
	void presentationContextResultText() {
		assertThat(PresentationContextResult.of(3).text())
			.isEqualTo("abstract-syntax-not-supported (provider rejection)");
		assertThatIllegalArgumentException().isThrownBy(() -> PresentationContextResult.of(5));
	}

}
