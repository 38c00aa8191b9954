package io.github.dicomscu.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Suggests known names for a misspelt one, for error messages such as "did you mean
 * 'CTImageStorage'?".
 * <p>
 * Distances are counted case-insensitively in single-character edits (insertion,
 * deletion, substitution, or swapping two adjacent characters). All methods are stateless
 * and thread-safe.
 */
public final class NameSuggestions {

	private static final int MINIMUM_TOLERANCE = 2;

	private static final int MINIMUM_FRAGMENT_LENGTH = 3;

	private NameSuggestions() {
	}

	/**
	 * Return the number of single-character edits that turn one string into the other,
	 * ignoring case.
	 * @param first one string
	 * @param second the other string
	 * @return the edit distance, {@code 0} when the strings are equal ignoring case
	 */
	public static int distance(String first, String second) {
		String a = first.toLowerCase(Locale.ROOT);
		String b = second.toLowerCase(Locale.ROOT);
		int[] beforePrevious = new int[b.length() + 1];
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					best = Math.min(best, beforePrevious[j - 2] + 1);
				}
				current[j] = best;
			}
			int[] recycled = beforePrevious;
			beforePrevious = previous;
			previous = current;
			current = recycled;
		}
		return previous[b.length()];
	}

	/**
	 * Return the known names closest to the input, nearest first.
	 * <p>
	 * The suggestions are the names nearest to the input, provided they are at most a
	 * third of the input's length (and at least {@value #MINIMUM_TOLERANCE}) edits away;
	 * several names are returned only when they are equally near. When no name is that
	 * close, names that contain the input (of at least {@value #MINIMUM_FRAGMENT_LENGTH}
	 * characters) are returned instead, shortest first. Ties are broken alphabetically;
	 * empty names are ignored.
	 * @param input the misspelt name
	 * @param names the known names
	 * @param max the maximum number of suggestions
	 * @return at most {@code max} suggestions, possibly none
	 */
	public static List<String> closest(String input, Collection<String> names, int max) {
		if (input == null || max <= 0) {
			return List.of();
		}
		int tolerance = Math.max(MINIMUM_TOLERANCE, input.length() / 3);
		List<Candidate> candidates = new ArrayList<>();
		int nearest = Integer.MAX_VALUE;
		for (String name : names) {
			if (!name.isEmpty()) {
				int distance = distance(input, name);
				candidates.add(new Candidate(name, distance));
				nearest = Math.min(nearest, distance);
			}
		}
		if (nearest <= tolerance) {
			int best = nearest;
			return candidates.stream()
				.filter((candidate) -> candidate.distance() == best)
				.sorted(Comparator.comparing(Candidate::name))
				.limit(max)
				.map(Candidate::name)
				.toList();
		}
		if (input.length() < MINIMUM_FRAGMENT_LENGTH) {
			return List.of();
		}
		String fragment = input.toLowerCase(Locale.ROOT);
		return candidates.stream()
			.map(Candidate::name)
			.filter((name) -> name.toLowerCase(Locale.ROOT).contains(fragment))
			.sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
			.limit(max)
			.toList();
	}

	/**
	 * Phrase suggestions as the end of an error message, for example
	 * {@code "; did you mean 'A', 'B' or 'C'?"}.
	 * @param suggestions the suggestions, nearest first
	 * @return the phrase, or an empty string when there are no suggestions
	 */
	public static String didYouMean(List<String> suggestions) {
		if (suggestions.isEmpty()) {
			return "";
		}
		List<String> quoted = suggestions.stream().map((suggestion) -> "'" + suggestion + "'").toList();
		if (quoted.size() == 1) {
			return "; did you mean " + quoted.get(0) + "?";
		}
		return "; did you mean " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or "
				+ quoted.get(quoted.size() - 1) + "?";
	}

	private record Candidate(String name, int distance) {
	}

}
