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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DICOM UID registry (PS3.6 Table A-1): look-ups by UID and by keyword, display
 * names, and keyword-to-UID resolution with suggestions for misspelt keywords.
 * <p>
 * The registry is read from the bundled {@code uids.tsv} once, on first use; afterwards
 * all methods are lock-free and thread-safe.
 */
public final class UidDictionary {

	private static final int SUGGESTIONS = 3;

	private UidDictionary() {
	}

	/**
	 * Return the registry entry for a UID.
	 * @param uid the UID
	 * @return the entry, or empty if the UID is not in the registry
	 */
	public static Optional<UidEntry> forUid(String uid) {
		return Optional.ofNullable(Registry.INSTANCE.byUid.get(uid));
	}

	/**
	 * Return the registry entry for a keyword. An exact (case-sensitive) match wins;
	 * otherwise a case-insensitive match is returned if exactly one keyword matches.
	 * @param keyword the keyword, for example {@code CTImageStorage}
	 * @return the entry, or empty if no keyword matches
	 */
	public static Optional<UidEntry> forKeyword(String keyword) {
		if (keyword == null || keyword.isEmpty()) {
			return Optional.empty();
		}
		Registry registry = Registry.INSTANCE;
		UidEntry exact = registry.byKeyword.get(keyword);
		if (exact != null) {
			return Optional.of(exact);
		}
		return Optional.ofNullable(registry.byLowerCaseKeyword.get(keyword.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Return the registry name of a UID, falling back to the UID itself.
	 * @param uid the UID
	 * @return the name, for example {@code "CT Image Storage"}, or the UID if the
	 * registry does not name it
	 */
	public static String nameOf(String uid) {
		UidEntry entry = Registry.INSTANCE.byUid.get(uid);
		return (entry != null) ? entry.displayName() : uid;
	}

	/**
	 * Return all registry entries, in registry order.
	 * @return an unmodifiable view of the entries
	 */
	public static Collection<UidEntry> entries() {
		return Registry.INSTANCE.entries;
	}

	/**
	 * Resolve a keyword or a UID to a UID. A valid UID is returned unchanged, whether or
	 * not it is in the registry; a keyword (see {@link #forKeyword(String)}) is replaced
	 * by its UID.
	 * @param keywordOrUid a keyword such as {@code CTImageStorage} or a UID
	 * @return the UID
	 * @throws InvalidUidException if the value consists of digits and dots only but is
	 * not a valid UID
	 * @throws UnknownUidKeywordException if the value is neither a UID nor a known
	 * keyword; the message suggests the closest keywords
	 */
	public static String toUid(String keywordOrUid) {
		if (Uid.isValid(keywordOrUid)) {
			return keywordOrUid;
		}
		if (keywordOrUid == null || keywordOrUid.isEmpty() || looksLikeUid(keywordOrUid)) {
			Uid.checkValid(keywordOrUid);
		}
		return forKeyword(keywordOrUid).map(UidEntry::uid)
			.orElseThrow(
					() -> new UnknownUidKeywordException(keywordOrUid, closestKeywords(keywordOrUid, SUGGESTIONS)));
	}

	/**
	 * Return the registry keywords closest to a misspelt one, as described in
	 * {@link NameSuggestions#closest(String, Collection, int)}.
	 * @param input the misspelt keyword
	 * @param max the maximum number of suggestions
	 * @return at most {@code max} keywords, nearest first
	 */
	public static List<String> closestKeywords(String input, int max) {
		return NameSuggestions.closest(input, Registry.INSTANCE.byKeyword.keySet(), max);
	}

	/**
	 * Return the keywords of UIDs of the given types that are closest to a misspelt one,
	 * as described in {@link NameSuggestions#closest(String, Collection, int)}.
	 * @param input the misspelt keyword
	 * @param max the maximum number of suggestions
	 * @param types the UID types to consider, for example only
	 * {@link UidType#TRANSFER_SYNTAX}
	 * @return at most {@code max} keywords, nearest first
	 */
	public static List<String> closestKeywords(String input, int max, Set<UidType> types) {
		List<String> keywords = new ArrayList<>();
		for (UidEntry entry : Registry.INSTANCE.entries) {
			if (types.contains(entry.type())) {
				keywords.add(entry.keyword());
			}
		}
		return NameSuggestions.closest(input, keywords, max);
	}

	private static boolean looksLikeUid(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '.' && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The registry tables, built once by the class loader on first access.
	 */
	private static final class Registry {

		static final Registry INSTANCE = new Registry("uids.tsv");

		final List<UidEntry> entries;

		final Map<String, UidEntry> byUid;

		final Map<String, UidEntry> byKeyword;

		final Map<String, UidEntry> byLowerCaseKeyword;

		private Registry(String resource) {
			List<UidEntry> rows = read(resource);
			Map<String, UidEntry> uids = new HashMap<>();
			Map<String, UidEntry> keywords = new LinkedHashMap<>();
			Map<String, UidEntry> lowerCaseKeywords = new HashMap<>();
			Set<String> ambiguous = new HashSet<>();
			for (UidEntry entry : rows) {
				uids.put(entry.uid(), entry);
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
			this.byUid = uids;
			this.byKeyword = keywords;
			this.byLowerCaseKeyword = lowerCaseKeywords;
		}

		private static List<UidEntry> read(String resource) {
			List<UidEntry> rows = new ArrayList<>(512);
			try (InputStream in = UidDictionary.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("UID registry resource '" + resource + "' not found");
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
				reader.readLine();
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (!line.isEmpty()) {
						String[] fields = line.split("\t", -1);
						rows.add(new UidEntry(fields[0], fields[1], fields[2], UidType.ofLabel(fields[3]),
								"retired".equals(fields[4]), fields[5]));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read UID registry resource '" + resource + "'", ex);
			}
			return rows;
		}

	}

}
