package io.github.dicomscu.data;

import java.util.List;

/**
 * Thrown when a name is neither a UID nor a keyword of the DICOM UID registry; its
 * message names the input and the closest known keywords.
 */
public class UnknownUidKeywordException extends IllegalArgumentException {

	private final String keyword;

	private final List<String> suggestions;

	/**
	 * Create a new exception.
	 * @param keyword the unknown keyword
	 * @param suggestions the closest known keywords, nearest first (may be empty)
	 */
	public UnknownUidKeywordException(String keyword, List<String> suggestions) {
		super("Unknown UID keyword '" + PrintableText.escapeControls(keyword) + "'"
				+ (suggestions.isEmpty() ? "; it is neither a UID nor a keyword of the DICOM UID registry"
						: NameSuggestions.didYouMean(suggestions)));
		this.keyword = keyword;
		this.suggestions = List.copyOf(suggestions);
	}

	/**
	 * Return the unknown keyword.
	 * @return the keyword as given
	 */
	public String getKeyword() {
		return this.keyword;
	}

	/**
	 * Return the closest known keywords.
	 * @return the suggestions, nearest first; empty if nothing is close
	 */
	public List<String> getSuggestions() {
		return this.suggestions;
	}

}
