package io.github.dicomscu.data;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UidDictionary}.
 */
class UidDictionaryTests {

	@Test
	void registryHasAllRows() {
		assertThat(UidDictionary.entries()).hasSize(482);
	}

	@Test
	void forUidFindsSopClass() {
		assertThat(UidDictionary.forUid("1.2.840.10008.5.1.4.1.1.2")).contains(new UidEntry("1.2.840.10008.5.1.4.1.1.2",
				"CTImageStorage", "CT Image Storage", UidType.SOP_CLASS, false, ""));
	}

	@Test
	void forUidFindsRetiredTransferSyntax() {
		UidEntry entry = UidDictionary.forUid("1.2.840.10008.1.2.2").orElseThrow();
		assertThat(entry.keyword()).isEqualTo("ExplicitVRBigEndian");
		assertThat(entry.type()).isEqualTo(UidType.TRANSFER_SYNTAX);
		assertThat(entry.retired()).isTrue();
	}

	@Test
	void forUidKeepsInfo() {
		assertThat(UidDictionary.forUid("1.2.840.10008.1.2.4.50")).get()
			.extracting(UidEntry::info)
			.isEqualTo("Default Transfer Syntax for Lossy JPEG 8 Bit Image Compression");
	}

	@Test
	void forUidOfUnknownUidIsEmpty() {
		assertThat(UidDictionary.forUid("1.2.3.4")).isEmpty();
	}

	@Test
	void forKeywordFindsUid() {
		assertThat(UidDictionary.forKeyword("StudyRootQueryRetrieveInformationModelFind")).get()
			.extracting(UidEntry::uid)
			.isEqualTo("1.2.840.10008.5.1.4.1.2.2.1");
		assertThat(UidDictionary.forKeyword("DeflatedExplicitVRLittleEndian")).get()
			.extracting(UidEntry::uid)
			.isEqualTo("1.2.840.10008.1.2.1.99");
	}

	@Test
	void forKeywordIgnoresCaseWhenUnambiguous() {
		assertThat(UidDictionary.forKeyword("ctimagestorage")).get()
			.extracting(UidEntry::uid)
			.isEqualTo("1.2.840.10008.5.1.4.1.1.2");
	}

	@Test
	void forKeywordOfEmptyOrUnknownIsEmpty() {
		assertThat(UidDictionary.forKeyword("")).isEmpty();
		assertThat(UidDictionary.forKeyword("NoSuchKeyword")).isEmpty();
	}

	@Test
	void retiredEntriesWithoutKeywordArePresent() {
		UidEntry entry = UidDictionary.forUid("1.2.840.10008.5.1.4.1.1.40").orElseThrow();
		assertThat(entry.keyword()).isEmpty();
		assertThat(entry.retired()).isTrue();
		assertThat(UidDictionary.nameOf("1.2.840.10008.5.1.4.1.1.40")).isEqualTo("1.2.840.10008.5.1.4.1.1.40");
	}

	@Test
	void everyRegistryTypeIsKnown() {
		assertThat(UidDictionary.entries()).extracting(UidEntry::type).doesNotContain(UidType.OTHER);
		assertThat(UidDictionary.entries()).extracting(UidEntry::type)
			.containsAll(Set.of(UidType.values()).stream().filter((type) -> type != UidType.OTHER).toList());
	}

	@Test
	void nameOfKnownUid() {
		assertThat(UidDictionary.nameOf("1.2.840.10008.1.2")).isEqualTo("Implicit VR Little Endian");
	}

	@Test
	void nameOfUnknownUidIsTheUid() {
		assertThat(UidDictionary.nameOf("1.2.3.4")).isEqualTo("1.2.3.4");
	}

	@Test
	void toUidResolvesKeyword() {
		assertThat(UidDictionary.toUid("CTImageStorage")).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
		assertThat(UidDictionary.toUid("Verification")).isEqualTo(Uid.VERIFICATION);
	}

	@Test
	void toUidPassesValidUidThrough() {
		assertThat(UidDictionary.toUid("1.2.840.10008.5.1.4.1.1.2")).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
		assertThat(UidDictionary.toUid("1.2.3.4.5")).isEqualTo("1.2.3.4.5");
	}

	@Test
	void toUidSuggestsClosestKeyword() {
		assertThatExceptionOfType(UnknownUidKeywordException.class)
			.isThrownBy(() -> UidDictionary.toUid("CTImageStorag"))
			.withMessage("Unknown UID keyword 'CTImageStorag'; did you mean 'CTImageStorage'?")
			.satisfies((ex) -> {
				assertThat(ex.getKeyword()).isEqualTo("CTImageStorag");
				assertThat(ex.getSuggestions()).containsExactly("CTImageStorage");
			});
	}

	@Test
	void toUidSuggestsTransposedKeyword() {
		assertThatExceptionOfType(UnknownUidKeywordException.class)
			.isThrownBy(() -> UidDictionary.toUid("ExplicitVRLittleEndain"))
			.withMessage("Unknown UID keyword 'ExplicitVRLittleEndain'; did you mean 'ExplicitVRLittleEndian'?");
	}

	@Test
	void toUidWithoutCloseKeyword() {
		assertThatExceptionOfType(UnknownUidKeywordException.class).isThrownBy(() -> UidDictionary.toUid("Xyzzy"))
			.withMessage("Unknown UID keyword 'Xyzzy'; it is neither a UID nor a keyword of the DICOM UID registry")
			.satisfies((ex) -> assertThat(ex.getSuggestions()).isEmpty());
	}

	@Test
	void toUidOfMalformedUidSaysWhatIsWrong() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> UidDictionary.toUid("1.2.03"))
			.withMessage("Invalid UID '1.2.03': component 3 ('03') has a leading zero");
	}

	@Test
	void toUidOfEmptyString() {
		assertThatExceptionOfType(InvalidUidException.class).isThrownBy(() -> UidDictionary.toUid(""))
			.withMessage("Invalid UID '': it is empty");
	}

	@Test
	void closestKeywordsAreTheNearest() {
		assertThat(UidDictionary.closestKeywords("MRImageStorag", 3)).containsExactly("MRImageStorage");
		assertThat(UidDictionary.closestKeywords("XXImageStorage", 3)).containsExactly("CTImageStorage",
				"MRImageStorage", "RTImageStorage");
	}

	@Test
	void closestKeywordsByFragment() {
		assertThat(UidDictionary.closestKeywords("Worklist", 2)).containsExactly("UnifiedWorklistAndProcedureStep",
				"GeneralPurposeWorklistManagementMeta");
	}

	@Test
	void closestKeywordsRestrictedToType() {
		assertThat(UidDictionary.closestKeywords("ExplicitVRLittle", 3, Set.of(UidType.TRANSFER_SYNTAX)))
			.containsExactly("ExplicitVRLittleEndian", "DeflatedExplicitVRLittleEndian",
					"EncapsulatedUncompressedExplicitVRLittleEndian");
		assertThat(UidDictionary.closestKeywords("ExplicitVRLittleEndain", 3, Set.of(UidType.TRANSFER_SYNTAX)))
			.containsExactly("ExplicitVRLittleEndian");
		assertThat(UidDictionary.closestKeywords("CTImageStorage", 3, Set.of(UidType.TRANSFER_SYNTAX))).isEmpty();
	}

}
