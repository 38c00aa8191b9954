package io.github.dicomscu.net.query;

/**
 * Thrown when a matching value of a {@link Query} breaks a rule of its VR (PS3.5 6.2) or
 * of the matching types of PS3.4 C.2.2.2, before anything is sent: the message names the
 * key and the rule, never the rejected value.
 */
public class InvalidMatchingValueException extends IllegalArgumentException {

	private final String keyword;

	/**
	 * Create a new exception.
	 * @param keyword the dictionary keyword of the key
	 * @param rule the rule the value breaks
	 */
	public InvalidMatchingValueException(String keyword, String rule) {
		super("Invalid matching value for " + keyword + ": " + rule);
		this.keyword = keyword;
	}

	/**
	 * Return the dictionary keyword of the key whose value is invalid.
	 * @return the keyword
	 */
	public String getKeyword() {
		return this.keyword;
	}

}
