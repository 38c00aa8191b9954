package io.github.dicomscu.data;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NameSuggestions}.
 */
class NameSuggestionsTests {

	@Test
	void distanceCountsEdits() {
		assertThat(NameSuggestions.distance("storage", "storage")).isZero();
		assertThat(NameSuggestions.distance("Storage", "STORAGE")).isZero();
		assertThat(NameSuggestions.distance("storag", "storage")).isEqualTo(1);
		assertThat(NameSuggestions.distance("stroage", "storage")).isEqualTo(1);
		assertThat(NameSuggestions.distance("kitten", "sitting")).isEqualTo(3);
		assertThat(NameSuggestions.distance("", "abc")).isEqualTo(3);
	}

	@Test
	void closestPrefersNearest() {
		List<String> names = List.of("storage", "storage-commitment", "verification", "query-retrieve");
		assertThat(NameSuggestions.closest("stroage", names, 3)).containsExactly("storage");
	}

	@Test
	void closestFallsBackToNamesContainingTheInput() {
		List<String> names = List.of("storage", "all-storage", "verification");
		assertThat(NameSuggestions.closest("torag", names, 3)).containsExactly("storage");
		assertThat(NameSuggestions.closest("STORAGE", List.of("all-storage", "storage-commitment"), 3))
			.containsExactly("all-storage", "storage-commitment");
	}

	@Test
	void closestFindsNothingForUnrelatedInput() {
		assertThat(NameSuggestions.closest("xyz", List.of("storage", "verification"), 3)).isEmpty();
		assertThat(NameSuggestions.closest("storage", List.of("storage"), 0)).isEmpty();
	}

	@Test
	void didYouMeanPhrasesSuggestions() {
		assertThat(NameSuggestions.didYouMean(List.of())).isEmpty();
		assertThat(NameSuggestions.didYouMean(List.of("a"))).isEqualTo("; did you mean 'a'?");
		assertThat(NameSuggestions.didYouMean(List.of("a", "b"))).isEqualTo("; did you mean 'a' or 'b'?");
		assertThat(NameSuggestions.didYouMean(List.of("a", "b", "c"))).isEqualTo("; did you mean 'a', 'b' or 'c'?");
	}

}
