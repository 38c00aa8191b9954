package io.github.dicomscu.net.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.dicomscu.data.UidDictionary;

/**
 * The ordered list of presentation contexts an association requestor proposes, with the
 * same rules as pynetdicom's {@code AE.requested_contexts}: contexts keep the order they
 * were added in, one abstract syntax may have several contexts, and every context counts
 * toward the limit of {@value #MAXIMUM}, duplicates included.
 * <p>
 * Each context remembers a readable label of where it came from (such as
 * {@code "context set 'storage'"} or {@code "dicom.scu.contexts[3]"}) so that exceeding
 * the limit can be explained; labels that differ only by a trailing {@code [index]} are
 * counted together. Changes that would exceed the limit throw
 * {@link TooManyPresentationContextsException} and leave the list unchanged.
 * <p>
 * Instances are not thread-safe; share them only after they are built, or use
 * {@link #toList()}.
 */
public final class RequestedContexts {

	/** Maximum number of presentation contexts one association can propose. */
	public static final int MAXIMUM = 128;

	private static final String DEFAULT_SOURCE = "add()";

	private static final Pattern INDEX_SUFFIX = Pattern.compile("\\[\\d+]$");

	private final List<Entry> entries = new ArrayList<>();

	/**
	 * Create an empty list.
	 */
	public RequestedContexts() {
	}

	private RequestedContexts(List<Entry> entries) {
		this.entries.addAll(entries);
	}

	/**
	 * Add a context at the end, labelled {@code "add()"}.
	 * @param context the context
	 * @return this list
	 * @throws TooManyPresentationContextsException if the list already holds
	 * {@value #MAXIMUM} contexts
	 */
	public RequestedContexts add(PresentationContext context) {
		return add(context, DEFAULT_SOURCE);
	}

	/**
	 * Add a context at the end.
	 * @param context the context
	 * @param source where the context comes from, for error messages
	 * @return this list
	 * @throws TooManyPresentationContextsException if the list already holds
	 * {@value #MAXIMUM} contexts
	 */
	public RequestedContexts add(PresentationContext context, String source) {
		return addAll(List.of(checkNotNull(context)), source);
	}

	/**
	 * Add a context at the end, labelled {@code "add()"}, like pynetdicom's
	 * {@code add_requested_context}.
	 * @param abstractSyntax a keyword or UID
	 * @param transferSyntaxes keywords or UIDs; none means the
	 * {@link PresentationContext#DEFAULT_TRANSFER_SYNTAXES}
	 * @return this list
	 * @throws IllegalArgumentException if a syntax is not a known keyword or a valid UID
	 * @throws TooManyPresentationContextsException if the list already holds
	 * {@value #MAXIMUM} contexts
	 */
	public RequestedContexts add(String abstractSyntax, String... transferSyntaxes) {
		PresentationContext context = (transferSyntaxes.length != 0)
				? PresentationContext.of(abstractSyntax, transferSyntaxes) : PresentationContext.of(abstractSyntax);
		return add(context, DEFAULT_SOURCE);
	}

	/**
	 * Add every context of a set at the end, with the default transfer syntaxes, labelled
	 * {@code "context set '<config name>'"}. Either all are added or, if that would
	 * exceed the limit, none.
	 * @param set the context set
	 * @return this list
	 * @throws TooManyPresentationContextsException if the list would exceed
	 * {@value #MAXIMUM} contexts
	 */
	public RequestedContexts addAll(ContextSet set) {
		return addAll(set.contexts(), "context set '" + set.configName() + "'");
	}

	/**
	 * Add contexts at the end, in order. Either all are added or, if that would exceed
	 * the limit, none.
	 * @param contexts the contexts
	 * @param source where the contexts come from, for error messages
	 * @return this list
	 * @throws TooManyPresentationContextsException if the list would exceed
	 * {@value #MAXIMUM} contexts
	 */
	public RequestedContexts addAll(List<PresentationContext> contexts, String source) {
		List<Entry> added = entries(contexts, source);
		if (this.entries.size() + added.size() > MAXIMUM) {
			List<Entry> all = new ArrayList<>(this.entries);
			all.addAll(added);
			throw tooMany(all);
		}
		this.entries.addAll(added);
		return this;
	}

	/**
	 * Replace the whole list, like assigning pynetdicom's {@code requested_contexts}. If
	 * the new list is too long nothing changes.
	 * @param contexts the new contexts, in order
	 * @param source where the contexts come from, for error messages
	 * @return this list
	 * @throws TooManyPresentationContextsException if there are more than
	 * {@value #MAXIMUM} contexts
	 */
	public RequestedContexts setAll(List<PresentationContext> contexts, String source) {
		List<Entry> replacement = entries(contexts, source);
		if (replacement.size() > MAXIMUM) {
			throw tooMany(replacement);
		}
		this.entries.clear();
		this.entries.addAll(replacement);
		return this;
	}

	/**
	 * Remove transfer syntaxes from the contexts of an abstract syntax, like pynetdicom's
	 * {@code remove_requested_context}: with no transfer syntaxes given, every context
	 * for the abstract syntax is removed; otherwise those transfer syntaxes are removed
	 * from each of its contexts, and a context left without any is removed.
	 * @param abstractSyntax a keyword or UID
	 * @param transferSyntaxes keywords or UIDs to remove; none means the whole contexts
	 * @return {@code true} if the list changed
	 * @throws IllegalArgumentException if a syntax is not a known keyword or a valid UID
	 */
	public boolean remove(String abstractSyntax, String... transferSyntaxes) {
		String abstractUid = UidDictionary.toUid(abstractSyntax);
		List<String> removed = Arrays.stream(transferSyntaxes).map(UidDictionary::toUid).toList();
		boolean changed = false;
		for (int i = this.entries.size() - 1; i >= 0; i--) {
			Entry entry = this.entries.get(i);
			PresentationContext context = entry.context();
			if (context.abstractSyntax().equals(abstractUid)) {
				List<String> kept = new ArrayList<>(context.transferSyntaxes());
				kept.removeAll(removed);
				if (removed.isEmpty() || kept.isEmpty()) {
					this.entries.remove(i);
					changed = true;
				}
				else if (kept.size() < context.transferSyntaxes().size()) {
					this.entries.set(i, new Entry(
							PresentationContext.of(abstractUid, kept).withRoles(context.scuRole(), context.scpRole()),
							entry.source()));
					changed = true;
				}
			}
		}
		return changed;
	}

	/**
	 * Remove all contexts.
	 */
	public void clear() {
		this.entries.clear();
	}

	/**
	 * Return the number of contexts.
	 * @return the number, at most {@value #MAXIMUM}
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * Return whether the list is empty.
	 * @return {@code true} if there are no contexts
	 */
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/**
	 * Return the contexts in order; the context at index {@code i} gets the ID
	 * {@link #contextId(int) contextId(i)} when the association is requested.
	 * @return an unmodifiable copy
	 */
	public List<PresentationContext> toList() {
		return this.entries.stream().map(Entry::context).toList();
	}

	/**
	 * Return an independent copy of this list, sources included, for example to add the
	 * contexts one association needs on top of a shared configuration.
	 * @return the copy
	 */
	public RequestedContexts copy() {
		return new RequestedContexts(this.entries);
	}

	/**
	 * Check that an association can propose the given contexts.
	 * @param contexts the contexts to propose
	 * @param source where the contexts come from, for the error message
	 * @throws TooManyPresentationContextsException if there are more than
	 * {@value #MAXIMUM}
	 */
	public static void checkCount(List<PresentationContext> contexts, String source) {
		List<Entry> entries = entries(contexts, source);
		if (entries.size() > MAXIMUM) {
			throw tooMany(entries);
		}
	}

	/**
	 * Return the presentation context ID of the context at the given position: the odd
	 * numbers 1, 3, 5, … 255 in list order.
	 * @param index the position in the list, 0 to {@value #MAXIMUM} - 1
	 * @return the context ID, {@code 2 * index + 1}
	 * @throws IllegalArgumentException if the index is out of range
	 */
	public static int contextId(int index) {
		if (index < 0 || index >= MAXIMUM) {
			throw new IllegalArgumentException("Presentation context index " + index + " is out of range 0-"
					+ (MAXIMUM - 1) + " (context IDs are the odd numbers 1-255)");
		}
		return 2 * index + 1;
	}

	/**
	 * Return the list position of a presentation context ID, the inverse of
	 * {@link #contextId(int)}.
	 * @param contextId the context ID, an odd number from 1 to 255
	 * @return the position, {@code (contextId - 1) / 2}
	 * @throws IllegalArgumentException if the ID is not an odd number from 1 to 255
	 */
	public static int contextIndex(int contextId) {
		if (contextId < 1 || contextId > 2 * MAXIMUM - 1 || contextId % 2 == 0) {
			throw new IllegalArgumentException(
					"Presentation context ID " + contextId + " is invalid: context IDs are the odd numbers 1-255");
		}
		return (contextId - 1) / 2;
	}

	private static List<Entry> entries(List<PresentationContext> contexts, String source) {
		if (contexts == null) {
			throw new IllegalArgumentException("Presentation contexts must not be null");
		}
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException("Source label must not be empty");
		}
		List<Entry> entries = new ArrayList<>(contexts.size());
		for (PresentationContext context : contexts) {
			entries.add(new Entry(checkNotNull(context), source));
		}
		return entries;
	}

	private static PresentationContext checkNotNull(PresentationContext context) {
		if (context == null) {
			throw new IllegalArgumentException("Presentation context must not be null");
		}
		return context;
	}

	private static TooManyPresentationContextsException tooMany(List<Entry> entries) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Entry entry : entries) {
			counts.merge(group(entry.source()), 1, Integer::sum);
		}
		return new TooManyPresentationContextsException(entries.size(), counts);
	}

	private static String group(String source) {
		return INDEX_SUFFIX.matcher(source).replaceFirst("");
	}

	private record Entry(PresentationContext context, String source) {
	}

}
