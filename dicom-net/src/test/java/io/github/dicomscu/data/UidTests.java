package io.github.dicomscu.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Uid}.
 */
class UidTests {

	@ParameterizedTest
	@ValueSource(strings = { "1", "0", "1.2.0.3", "1.2.840.10008.1.2.1", "2.25.0", "1.20.300" })
	void validUids(String uid) {
		assertThat(Uid.isValid(uid)).isTrue();
		assertThat(Uid.checkValid(uid)).isSameAs(uid);
	}

	@Test
	void sixtyFourCharactersIsValid() {
		String uid = "1." + "2".repeat(62);
		assertThat(uid).hasSize(64);
		assertThat(Uid.isValid(uid)).isTrue();
	}

	@Test
	void sixtyFiveCharactersIsInvalid() {
		String uid = "1." + "2".repeat(63);
		assertThat(Uid.isValid(uid)).isFalse();
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid(uid))
			.withMessage("Invalid UID '" + uid + "': it is 65 characters long, at most 64 are allowed")
			.satisfies((ex) -> assertThat(ex.getUid()).isEqualTo(uid));
	}

	@Test
	void nullIsInvalid() {
		assertThat(Uid.isValid(null)).isFalse();
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid(null))
			.withMessage("Invalid UID: it is null");
	}

	@Test
	void emptyIsInvalid() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid(""))
			.withMessage("Invalid UID '': it is empty");
	}

	@Test
	void letterIsInvalid() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid("1.2.a"))
			.withMessage("Invalid UID '1.2.a': character 'a' at position 5 is neither a digit nor '.'");
	}

	@Test
	void trailingSpaceIsInvalid() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid("1.2 "))
			.withMessage("Invalid UID '1.2 ': character U+0020 (space) at position 4 is neither a digit nor '.'");
	}

	@Test
	void trailingNulIsInvalid() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid("1.2\0"))
			.withMessageEndingWith("character U+0000 (NUL) at position 4 is neither a digit nor '.'");
	}

	@Test
	void leadingZeroIsInvalid() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid("1.02"))
			.withMessage("Invalid UID '1.02': component 2 ('02') has a leading zero");
	}

	@Test
	void consecutiveDotsAreInvalid() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid("1..2"))
			.withMessage("Invalid UID '1..2': component 2 is empty (two consecutive dots)");
	}

	@Test
	void leadingDotIsInvalid() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid(".1"))
			.withMessage("Invalid UID '.1': component 1 is empty (it starts with '.')");
	}

	@Test
	void trailingDotIsInvalid() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> Uid.checkValid("1."))
			.withMessage("Invalid UID '1.': component 2 is empty (it ends with '.')");
	}

	@Test
	void constantsMatchTheRegistry() {
		assertThat(UidDictionary.forUid(Uid.VERIFICATION)).get()
			.extracting(UidEntry::keyword)
			.isEqualTo("Verification");
		assertThat(UidDictionary.forUid(Uid.IMPLICIT_VR_LITTLE_ENDIAN)).get()
			.extracting(UidEntry::keyword)
			.isEqualTo("ImplicitVRLittleEndian");
		assertThat(UidDictionary.forUid(Uid.EXPLICIT_VR_LITTLE_ENDIAN)).get()
			.extracting(UidEntry::keyword)
			.isEqualTo("ExplicitVRLittleEndian");
		assertThat(UidDictionary.forUid(Uid.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)).get()
			.extracting(UidEntry::keyword)
			.isEqualTo("DeflatedExplicitVRLittleEndian");
		assertThat(UidDictionary.forUid(Uid.EXPLICIT_VR_BIG_ENDIAN)).get()
			.extracting(UidEntry::keyword)
			.isEqualTo("ExplicitVRBigEndian");
		assertThat(UidDictionary.forUid(Uid.DICOM_APPLICATION_CONTEXT)).get()
			.extracting(UidEntry::type)
			.isEqualTo(UidType.APPLICATION_CONTEXT_NAME);
	}

	@Test
	void everyRegistryUidIsValid() {
		assertThat(UidDictionary.entries()).allSatisfy((entry) -> Uid.checkValid(entry.uid()));
	}

}
