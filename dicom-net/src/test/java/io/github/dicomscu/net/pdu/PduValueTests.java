package io.github.dicomscu.net.pdu;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Value semantics of the PDU records: equality by content, invariants, and what
 * {@code toString()} reveals.
 */
class PduValueTests {

	@Test
	void presentationDataValuesAreEqualByContent() {
		PresentationDataValue value = new PresentationDataValue(1, true, false, new byte[] { 1, 2 });
		PresentationDataValue same = new PresentationDataValue(1, true, false, new byte[] { 1, 2 });
		assertThat(value).isEqualTo(same).hasSameHashCodeAs(same);
		assertThat(value).isNotEqualTo(new PresentationDataValue(1, true, true, new byte[] { 1, 2 }));
		assertThat(value).hasToString("PresentationDataValue[contextId=1, command=true, last=false, data=2 bytes]");
	}

	@Test
	void presentationContextIdsAreOddBetween1And255() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PresentationDataValue(0, true, true, new byte[0]));
		assertThatIllegalArgumentException().isThrownBy(() -> new PresentationDataValue(257, true, true, new byte[0]));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PresentationContextRq(2, "1.2", List.of("1.2.840.10008.1.2")));
		assertThat(new PresentationContextRq(255, "1.2", List.of("1.2.840.10008.1.2")).id()).isEqualTo(255);
	}

	@Test
	void pDataTfCarriesAtLeastOneValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PDataTf(List.of()));
	}

	@Test
	void acceptedPresentationContextNamesATransferSyntax() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PresentationContextAc(1, PresentationContextResult.ACCEPTANCE, null))
			.withMessage("Accepted presentation context 1 has no transfer syntax");
		assertThat(new PresentationContextAc(1, PresentationContextResult.USER_REJECTION, null).transferSyntax())
			.isEmpty();
	}

	@Test
	void userIdentityHidesCredentials() {
		UserIdentityRq identity = UserIdentityRq.usernameAndPasscode("alice", "s3cret", false);
		assertThat(identity.toString()).doesNotContain("alice").doesNotContain("s3cret").contains("6 bytes");
		assertThat(identity).isEqualTo(UserIdentityRq.usernameAndPasscode("alice", "s3cret", false));
		assertThat(UserIdentityRq.username("bob", true).secondaryField()).isEmpty();
		assertThat(new UserIdentityAc(new byte[] { 1, 2, 3 })).hasToString("UserIdentityAc[serverResponse=3 bytes]");
	}

	@Test
	void userIdentityOfEachTypeNeedsItsFieldsAndNoOthers() {
		assertThat(UserIdentityRq.of(UserIdentityType.USERNAME_AND_PASSCODE, "alice", "s3cret", null, true))
			.isEqualTo(UserIdentityRq.usernameAndPasscode("alice", "s3cret", true));
		assertThat(UserIdentityRq.of(UserIdentityType.USERNAME, "bob", null, null, false))
			.isEqualTo(UserIdentityRq.username("bob", false));
		UserIdentityRq jwt = UserIdentityRq.of(UserIdentityType.JWT, null, null, new byte[] { 'e', 'y' }, true);
		assertThat(jwt.primaryField()).containsExactly('e', 'y');
		assertThat(jwt.secondaryField()).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UserIdentityRq.of(UserIdentityType.USERNAME_AND_PASSCODE, "alice", null, null, false))
			.withMessage("A username and passcode user identity needs a passcode");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UserIdentityRq.of(UserIdentityType.USERNAME_AND_PASSCODE, "alice", "", null, false))
			.withMessage("A username and passcode user identity needs a passcode");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UserIdentityRq.of(UserIdentityType.USERNAME, "bob", "s3cret", null, false))
			.withMessage("A username user identity takes no passcode");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UserIdentityRq.of(UserIdentityType.SAML, null, null, null, false))
			.withMessage("A SAML assertion user identity needs a token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UserIdentityRq.of(UserIdentityType.KERBEROS, "alice", null, new byte[] { 1 }, false))
			.withMessage("A Kerberos service ticket user identity takes no username");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UserIdentityRq.of(UserIdentityType.JWT, null, null, new byte[0x10000], false))
			.withMessage("The token of a JSON web token user identity is 65536 bytes long, more than the 65535 "
					+ "its field holds");
	}

	@Test
	void byteArrayComponentsAreCopied() {
		byte[] information = { 1, 0, 1 };
		SopClassExtendedNegotiation negotiation = new SopClassExtendedNegotiation("1.2.3", information);
		information[0] = 9;
		negotiation.applicationInformation()[1] = 9;
		assertThat(negotiation).isEqualTo(new SopClassExtendedNegotiation("1.2.3", new byte[] { 1, 0, 1 }));
	}

	@Test
	void unknownItemRejectsTypesThatHaveTheirOwnComponent() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UnknownItem(0x51, new byte[4]))
			.withMessage("Item type 0x51 is a maximum length sub-item (0x51), which has its own component");
		assertThat(new UnknownItem(0x5A, new byte[] { (byte) 0xCA })).hasToString("UnknownItem[type=0x5a, value=ca]");
	}

	@Test
	void userInformationTakesNullListsAsEmpty() {
		UserInformation information = UserInformation.of(0, "1.2.3", "V1");
		assertThat(information.roleSelections()).isEmpty();
		assertThat(information.unknownItems()).isEmpty();
		assertThat(information.maximumLength()).isZero();
		assertThat(UserInformation.builder().build().maximumLength()).isEqualTo(UserInformation.NO_MAXIMUM_LENGTH_ITEM);
	}

	@Test
	void maximumLengthFitsIn32Bits() {
		assertThatIllegalArgumentException().isThrownBy(() -> UserInformation.of(0x1_0000_0000L, "1.2.3", null));
		assertThatIllegalArgumentException().isThrownBy(() -> UserInformation.of(-2, "1.2.3", null));
	}

}
