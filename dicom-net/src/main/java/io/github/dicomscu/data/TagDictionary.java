package io.github.dicomscu.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DICOM data dictionary: look-ups by tag (including repeating groups such as
 * {@code 60xx}) and by keyword, with suggestions for misspelt keywords.
 * <p>
 * The dictionary is read from the bundled {@code tags.tsv} once, on first use; afterwards
 * all methods are lock-free and thread-safe.
 */
public final class TagDictionary {

	private static final int SUGGESTIONS = 3;

	private TagDictionary() {
	}

	/**
	 * Return the dictionary entry for a tag: the entry for exactly this tag if there is
	 * one, otherwise the most specific repeating-group entry that matches it.
	 * @param tag the tag, for example {@code 0x60020010}
	 * @return the entry (Overlay Rows for the example), or empty if the dictionary does
	 * not describe the tag
	 */
	public static Optional<TagEntry> forTag(int tag) {
		Dictionary dictionary = Dictionary.INSTANCE;
		TagEntry exact = dictionary.byTag.get(tag);
		if (exact != null) {
			return Optional.of(exact);
		}
		TagEntry best = null;
		for (TagEntry entry : dictionary.repeating) {
			if (entry.matches(tag)
					&& (best == null || Integer.bitCount(entry.mask()) > Integer.bitCount(best.mask()))) {
				best = entry;
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * Return the dictionary entry for a keyword. An exact (case-sensitive) match wins;
	 * otherwise a case-insensitive match is returned if exactly one keyword matches.
	 * @param keyword the keyword, for example {@code PatientName}
	 * @return the entry, or empty if no keyword matches
	 */
	public static Optional<TagEntry> forKeyword(String keyword) {
		if (keyword == null || keyword.isEmpty()) {
			return Optional.empty();
		}
		Dictionary dictionary = Dictionary.INSTANCE;
		TagEntry exact = dictionary.byKeyword.get(keyword);
		if (exact != null) {
			return Optional.of(exact);
		}
		return Optional.ofNullable(dictionary.byLowerCaseKeyword.get(keyword.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Return the tag for a keyword (see {@link #forKeyword(String)}). For a
	 * repeating-group entry this is the first tag of the range, with its {@code x} digits
	 * as zero (for example {@code 0x60000010} for OverlayRows).
	 * @param keyword the keyword
	 * @return the tag
	 * @throws UnknownTagKeywordException if no keyword matches; the message suggests the
	 * closest keywords
	 */
	public static int tagOf(String keyword) {
		return forKeyword(keyword).map(TagEntry::value)
			.orElseThrow(() -> new UnknownTagKeywordException(keyword, closestKeywords(keyword, SUGGESTIONS)));
	}

	/**
	 * Return the keyword of a tag.
	 * @param tag the tag
	 * @return the keyword, or an empty string if the dictionary does not describe the tag
	 * or the entry has no keyword
	 */
	public static String keywordOf(int tag) {
		return forTag(tag).map(TagEntry::keyword).orElse("");
	}

	/**
	 * Return the dictionary keywords closest to a misspelt one, as described in
	 * {@link NameSuggestions#closest(String, Collection, int)}.
	 * @param input the misspelt keyword
	 * @param max the maximum number of suggestions
	 * @return at most {@code max} keywords, nearest first
	 */
	public static List<String> closestKeywords(String input, int max) {
		return NameSuggestions.closest(input, Dictionary.INSTANCE.byKeyword.keySet(), max);
	}

	/**
	 * Return all dictionary entries, in dictionary order.
	 * @return an unmodifiable view of the entries
	 */
	public static Collection<TagEntry> entries() {
		return Dictionary.INSTANCE.entries;
	}

	/**
	 * The dictionary tables, built once by the class loader on first access.
	 */
	private static final class Dictionary {

		static final Dictionary INSTANCE = new Dictionary("tags.tsv");

		final List<TagEntry> entries;

		final Map<Integer, TagEntry> byTag;

		final List<TagEntry> repeating;

		final Map<String, TagEntry> byKeyword;

		final Map<String, TagEntry> byLowerCaseKeyword;

		private Dictionary(String resource) {
			List<TagEntry> rows = read(resource);
			Map<Integer, TagEntry> tags = new HashMap<>(rows.size() * 2);
			List<TagEntry> repeatingEntries = new ArrayList<>();
			Map<String, TagEntry> keywords = new HashMap<>(rows.size() * 2);
			Map<String, TagEntry> lowerCaseKeywords = new HashMap<>(rows.size() * 2);
			Set<String> ambiguous = new HashSet<>();
			for (TagEntry entry : rows) {
				if (entry.isRepeating()) {
					repeatingEntries.add(entry);
				}
				else {
					tags.put(entry.value(), entry);
				}
				if (!entry.keyword().isEmpty()) {
					keywords.put(entry.keyword(), entry);
					String lowerCase = entry.keyword().toLowerCase(Locale.ROOT);
					if (lowerCaseKeywords.putIfAbsent(lowerCase, entry) != null) {
						ambiguous.add(lowerCase);
					}
				}
			}
			lowerCaseKeywords.keySet().removeAll(ambiguous);
			this.entries = Collections.unmodifiableList(rows);
			this.byTag = tags;
			this.repeating = List.copyOf(repeatingEntries);
			this.byKeyword = keywords;
			this.byLowerCaseKeyword = lowerCaseKeywords;
		}

		private static List<TagEntry> read(String resource) {
			List<TagEntry> rows = new ArrayList<>(5400);
			try (InputStream in = TagDictionary.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("Data dictionary resource '" + resource + "' not found");
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
				reader.readLine();
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (!line.isEmpty()) {
						String[] fields = line.split("\t", -1);
						rows.add(TagEntry.of(fields[0], fields[1], fields[2], fields[3], fields[4],
								"retired".equals(fields[5])));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read data dictionary resource '" + resource + "'", ex);
			}
			return rows;
		}

	}

}
