package io.github.dicomscu.net.pdu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each PDU encodes to the bytes of its hand-written {@link PduFixtures fixture}, and
 * those bytes decode back to an equal PDU, from an array and from a stream.
 */
class PduRoundTripTests {

	@Test
	void associateRq() throws IOException {
		assertRoundTrip(PduFixtures.ASSOCIATE_RQ_PDU, PduFixtures.ASSOCIATE_RQ);
	}

	@Test
	void associateAcWithEveryResultAndUserIdentityResponse() throws IOException {
		assertRoundTrip(PduFixtures.ASSOCIATE_AC_PDU, PduFixtures.ASSOCIATE_AC);
	}

	@Test
	void associateRj() throws IOException {
		assertRoundTrip(PduFixtures.ASSOCIATE_RJ_PDU, PduFixtures.ASSOCIATE_RJ);
	}

	@Test
	void pDataTfWithTwoValues() throws IOException {
		assertRoundTrip(PduFixtures.P_DATA_TF_PDU, PduFixtures.P_DATA_TF);
	}

	@Test
	void releaseRq() throws IOException {
		assertRoundTrip(new ReleaseRq(), PduFixtures.RELEASE_RQ);
	}

	@Test
	void releaseRp() throws IOException {
		assertRoundTrip(new ReleaseRp(), PduFixtures.RELEASE_RP);
	}

	@Test
	void abort() throws IOException {
		assertRoundTrip(PduFixtures.ABORT_PDU, PduFixtures.ABORT);
	}

	@Test
	void decodedAssociateRqExposesEveryField() throws IOException {
		AssociateRq rq = (AssociateRq) PduDecoder.decode(PduFixtures.ASSOCIATE_RQ, 0);
		assertThat(rq.calledAeTitle()).isEqualTo("STORESCP");
		assertThat(rq.callingAeTitle()).isEqualTo("STORESCU");
		assertThat(rq.presentationContexts()).extracting(PresentationContextRq::id).containsExactly(1, 3);
		assertThat(rq.presentationContexts().get(1).transferSyntaxes()).containsExactly("1.2.840.10008.1.2.1",
				"1.2.840.10008.1.2");
		UserInformation information = rq.userInformation();
		assertThat(information.maximumLength()).isEqualTo(16382);
		assertThat(information.implementationVersionName()).isEqualTo("DICOMSCU_010");
		assertThat(information.asyncOperationsWindow()).isEqualTo(new AsyncOperationsWindow(5, 3));
		assertThat(information.roleSelections())
			.containsExactly(new RoleSelection("1.2.840.10008.5.1.4.1.2.2.3", false, true));
		assertThat(information.extendedNegotiations().get(0).applicationInformation()).containsExactly(1, 0, 1);
		assertThat(information.commonExtendedNegotiations().get(0).relatedGeneralSopClassUids())
			.containsExactly("1.2.840.10008.5.1.4.1.1.88.22");
		assertThat(information.userIdentityRq().type()).isEqualTo(UserIdentityType.USERNAME_AND_PASSCODE);
		assertThat(information.userIdentityRq().secondaryField()).asString().isEqualTo("s3cret");
		assertThat(information.userIdentityAc()).isNull();
		assertThat(information.unknownItems()).isEmpty();
	}

	@Test
	void decodedAssociateAcExposesEachResult() throws IOException {
		AssociateAc ac = (AssociateAc) PduDecoder.decode(PduFixtures.ASSOCIATE_AC, 0);
		assertThat(ac.presentationContexts()).extracting(PresentationContextAc::result)
			.containsExactly(PresentationContextResult.values());
		assertThat(ac.presentationContexts()).extracting(PresentationContextAc::isAccepted)
			.containsExactly(true, false, false, false, false);
		assertThat(ac.presentationContexts().get(3).transferSyntax()).isEmpty();
		assertThat(ac.userInformation().userIdentityAc().serverResponse()).containsExactly(0x0A, 0x0B, 0x0C, 0x0D);
	}

	private static void assertRoundTrip(Pdu pdu, byte[] fixture) throws IOException {
		assertThat(pdu.type().code()).isEqualTo(fixture[0]);
		assertThat(PduEncoder.encode(pdu)).asHexString().isEqualTo(hex(fixture));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PduEncoder.write(pdu, out);
		assertThat(out.toByteArray()).asHexString().isEqualTo(hex(fixture));
		assertThat(PduDecoder.decode(fixture, 16382)).isEqualTo(pdu);
		PduDecoder decoder = new PduDecoder(new ByteArrayInputStream(fixture), 16382);
		assertThat(decoder.read()).isEqualTo(pdu);
		assertThat(decoder.read()).isNull();
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}

}
