package io.github.dicomscu.net.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown when more presentation contexts are requested than one association can propose
 * ({@value RequestedContexts#MAXIMUM}, because context IDs are the odd numbers 1 to 255).
 * <p>
 * It is an {@link IllegalStateException}: the list of requested contexts, or the
 * association being requested, cannot take that many. The message says how many were
 * requested, where they came from and how many must go.
 */
public class TooManyPresentationContextsException extends IllegalStateException {

	private final int requested;

	private final Map<String, Integer> sources;

	/**
	 * Create a new exception.
	 * @param requested the number of contexts requested
	 * @param sources how many of them came from each source, in the order the sources
	 * were first used
	 */
	public TooManyPresentationContextsException(int requested, Map<String, Integer> sources) {
		super(message(requested, sources));
		this.requested = requested;
		this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
	}

	private static String message(int requested, Map<String, Integer> sources) {
		StringBuilder message = new StringBuilder();
		message.append(requested)
			.append(" presentation contexts requested, but an association can propose at most ")
			.append(RequestedContexts.MAXIMUM)
			.append(" (context IDs are the odd numbers 1-255)");
		if (!sources.isEmpty()) {
			message.append(": ")
				.append(sources.entrySet()
					.stream()
					.map((source) -> source.getValue() + " from " + source.getKey())
					.collect(Collectors.joining(", ")));
		}
		message.append(". Remove ")
			.append(requested - RequestedContexts.MAXIMUM)
			.append(" or split them over several associations.");
		return message.toString();
	}

	/**
	 * Return the number of contexts requested.
	 * @return the number, more than {@value RequestedContexts#MAXIMUM}
	 */
	public int getRequested() {
		return this.requested;
	}

	/**
	 * Return how many of the requested contexts came from each source.
	 * @return an unmodifiable map from source label to count, in the order the sources
	 * were first used
	 */
	public Map<String, Integer> getSources() {
		return this.sources;
	}

}
