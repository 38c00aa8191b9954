package io.github.dicomscu.sample.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the sample's query endpoints.
 */
@ConfigurationProperties("sample.query")
public class QueryProperties {

	/**
	 * Most matches one query answers: a {@code limit} of 0 or above it is capped to it,
	 * and C-CANCEL is sent when it is reached.
	 */
	private int maxLimit = 1000;

	public int getMaxLimit() {
		return this.maxLimit;
	}

	public void setMaxLimit(int maxLimit) {
		if (maxLimit < 1) {
			throw new IllegalArgumentException("sample.query.max-limit must be at least 1, got " + maxLimit);
		}
		this.maxLimit = maxLimit;
	}

}
