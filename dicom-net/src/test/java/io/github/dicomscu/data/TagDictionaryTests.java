package io.github.dicomscu.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TagDictionary} and {@link TagEntry}.
 */
class TagDictionaryTests {

	@Test
	void dictionaryHasAllRows() {
		assertThat(TagDictionary.entries()).hasSize(5179);
	}

	@Test
	void forTagFindsEntry() {
		TagEntry entry = TagDictionary.forTag(0x00100010).orElseThrow();
		assertThat(entry.keyword()).isEqualTo("PatientName");
		assertThat(entry.name()).isEqualTo("Patient's Name");
		assertThat(entry.vr()).isEqualTo(VR.PN);
		assertThat(entry.vm()).isEqualTo("1");
		assertThat(entry.retired()).isFalse();
		assertThat(entry.isRepeating()).isFalse();
	}

	@Test
	void forTagFindsCommandField() {
		assertThat(TagDictionary.forTag(0x00000002)).get()
			.extracting(TagEntry::keyword)
			.isEqualTo("AffectedSOPClassUID");
	}

	@Test
	void forTagKeepsAlternativeVrs() {
		TagEntry entry = TagDictionary.forTag(0x00280106).orElseThrow();
		assertThat(entry.vrs()).isEqualTo("US or SS");
		assertThat(entry.vr()).isEqualTo(VR.US);
		assertThat(TagDictionary.forTag(0x7FE00010).orElseThrow().vr()).isEqualTo(VR.OB);
	}

	@Test
	void itemsHaveNoVr() {
		TagEntry item = TagDictionary.forTag(0xFFFEE000).orElseThrow();
		assertThat(item.keyword()).isEqualTo("Item");
		assertThat(item.vrs()).isEqualTo("NONE");
		assertThat(item.vr()).isNull();
	}

	@Test
	void forTagMatchesRepeatingGroup() {
		TagEntry entry = TagDictionary.forTag(0x60020010).orElseThrow();
		assertThat(entry.keyword()).isEqualTo("OverlayRows");
		assertThat(entry.pattern()).isEqualTo("60xx0010");
		assertThat(entry.isRepeating()).isTrue();
		assertThat(entry.mask()).isEqualTo(0xFF00FFFF);
		assertThat(entry.value()).isEqualTo(0x60000010);
		assertThat(TagDictionary.keywordOf(0x60000010)).isEqualTo("OverlayRows");
		assertThat(TagDictionary.keywordOf(0x601E3000)).isEqualTo("OverlayData");
	}

	@Test
	void forTagMatchesRepeatingElements() {
		assertThat(TagDictionary.keywordOf(0x10100004)).isEqualTo("ZonalMap");
		assertThat(TagDictionary.keywordOf(0x10000125)).isEqualTo("ShiftTableTriplet");
		assertThat(TagDictionary.keywordOf(0x00280412)).isEqualTo("CoefficientCoding");
	}

	@Test
	void repeatingGroupDoesNotMatchPrivateGroup() {
		assertThat(TagDictionary.forTag(0x60010010)).isEmpty();
	}

	@Test
	void forTagOfUnknownTagIsEmpty() {
		assertThat(TagDictionary.forTag(0x00090010)).isEmpty();
		assertThat(TagDictionary.keywordOf(0x00090010)).isEmpty();
	}

	@Test
	void forKeywordFindsEntry() {
		assertThat(TagDictionary.forKeyword("SOPClassUID")).get().extracting(TagEntry::value).isEqualTo(0x00080016);
		assertThat(TagDictionary.forKeyword("sopclassuid")).get().extracting(TagEntry::value).isEqualTo(0x00080016);
		assertThat(TagDictionary.forKeyword("")).isEmpty();
	}

	@Test
	void tagOfKeyword() {
		assertThat(TagDictionary.tagOf("PatientID")).isEqualTo(0x00100020);
		assertThat(TagDictionary.tagOf("PixelData")).isEqualTo(0x7FE00010);
		assertThat(TagDictionary.tagOf("OverlayRows")).isEqualTo(0x60000010);
	}

	@Test
	void tagOfUnknownKeywordSuggests() {
		assertThatExceptionOfType(UnknownTagKeywordException.class).isThrownBy(() -> TagDictionary.tagOf("PatientNam"))
			.withMessage("Unknown tag keyword 'PatientNam'; did you mean 'PatientName'?")
			.satisfies((ex) -> assertThat(ex.getSuggestions()).containsExactly("PatientName"));
	}

	@Test
	void tagOfUnknownKeywordWithoutSuggestion() {
		assertThatExceptionOfType(UnknownTagKeywordException.class).isThrownBy(() -> TagDictionary.tagOf("Qq"))
			.withMessage("Unknown tag keyword 'Qq'; it is not a keyword of the DICOM data dictionary");
	}

	@Test
	void everyKeywordMapsBackToItsEntry() {
		for (TagEntry entry : TagDictionary.entries()) {
			if (!entry.keyword().isEmpty()) {
				int tag = TagDictionary.tagOf(entry.keyword());
				assertThat(entry.matches(tag)).as(entry.keyword()).isTrue();
				if (!entry.isRepeating()) {
					assertThat(TagDictionary.forTag(tag)).as(entry.keyword()).containsSame(entry);
				}
			}
		}
	}

}
