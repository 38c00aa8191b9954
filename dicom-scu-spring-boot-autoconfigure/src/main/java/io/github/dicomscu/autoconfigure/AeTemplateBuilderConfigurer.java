package io.github.dicomscu.autoconfigure;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.dicomscu.autoconfigure.DicomScuProperties.Context;
import io.github.dicomscu.autoconfigure.DicomScuProperties.Remote;
import io.github.dicomscu.autoconfigure.DicomScuProperties.Retrieve;
import io.github.dicomscu.data.InvalidUidException;
import io.github.dicomscu.data.NameSuggestions;
import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.data.UidEntry;
import io.github.dicomscu.data.UidType;
import io.github.dicomscu.data.UnknownUidKeywordException;
import io.github.dicomscu.net.association.AeTitle;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.BindAddress;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.RequestedContexts;
import io.github.dicomscu.net.context.TooManyPresentationContextsException;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.RemoteAe;

/**
 * Applies {@link DicomScuProperties} to an {@link AeTemplate.Builder}, checking every value
 * (the health timeout included) against the DICOM rules first: a value that breaks one fails
 * with a {@link DicomScuConfigurationException} naming the property. The storage SCP's
 * properties are checked by {@link StorageScpBuilderConfigurer}.
 */
final class AeTemplateBuilderConfigurer {

	private static final String PREFIX = "dicom.scu";

	private static final Set<UidType> ABSTRACT_SYNTAX_TYPES = EnumSet.of(UidType.SOP_CLASS, UidType.META_SOP_CLASS);

	private static final Set<UidType> TRANSFER_SYNTAX_TYPES = EnumSet.of(UidType.TRANSFER_SYNTAX);

	private static final int SUGGESTIONS = 3;

	private static final int MAXIMUM_FLOW_INFO = 0xFFFFF;

	private static final long MAXIMUM_PDU_LENGTH = 0xFFFFFFFFL;

	private static final String GET_CONTEXT_SOURCE = "the GET SOP class of the query's information model";

	private final DicomScuProperties properties;

	AeTemplateBuilderConfigurer(DicomScuProperties properties) {
		this.properties = properties;
	}

	/**
	 * Apply the properties to a builder.
	 * @param builder the builder
	 * @throws DicomScuConfigurationException if a property value is invalid
	 */
	void configure(AeTemplate.Builder builder) {
		DicomScuProperties properties = this.properties;
		apply(PREFIX + ".ae-title", properties.getAeTitle(), builder::aeTitle,
				"Use 1 to 16 characters of printable ASCII without backslash as the AE title.");
		builder.maxPduLength(maxPduLength());
		builder.timeouts(timeouts());
		builder.bindAddress(bindAddress());
		checkPositive(PREFIX + ".health.timeout", properties.getHealth().getTimeout());
		List<String> transferSyntaxes = transferSyntaxes(PREFIX + ".transfer-syntaxes",
				properties.getTransferSyntaxes());
		builder.transferSyntaxes(transferSyntaxes);
		builder.retrieveStorageContexts(retrieveStorageContexts(transferSyntaxes));
		addContexts(builder.requestedContexts(), PREFIX, properties.getContextSets(), properties.getContexts(),
				transferSyntaxes);
		properties.getRemotes().forEach((name, remote) -> {
			String prefix = PREFIX + ".remotes." + name;
			builder.remote(remoteAe(prefix, name, remote));
			if (remote.getContextSets() != null || remote.getContexts() != null) {
				addContexts(builder.requestedContexts(name), prefix, orEmpty(remote.getContextSets()),
						orEmpty(remote.getContexts()), transferSyntaxes);
			}
		});
	}

	/**
	 * Return the {@code dicom.scu.remotes}, checked, as {@link AeTemplate.Builder#remote}
	 * receives them.
	 * @return the remotes by name, in configuration order
	 * @throws DicomScuConfigurationException if a remote's host, port or AE title is invalid
	 */
	Map<String, RemoteAe> remotes() {
		Map<String, RemoteAe> remotes = new LinkedHashMap<>();
		this.properties.getRemotes()
			.forEach((name, remote) -> remotes.put(name, remoteAe(PREFIX + ".remotes." + name, name, remote)));
		return remotes;
	}

	/**
	 * Return {@code dicom.scu.max-pdu-length}, checked.
	 * @return the maximum length of the P-DATA-TF PDUs received, 0 for no limit
	 * @throws DicomScuConfigurationException if it is not 0 and not between 8 and 4294967295
	 */
	long maxPduLength() {
		long length = this.properties.getMaxPduLength();
		if (length < 0 || length > MAXIMUM_PDU_LENGTH || (length > 0 && length < 8)) {
			throw new DicomScuConfigurationException(PREFIX + ".max-pdu-length", length,
					"Maximum PDU length " + length + " must be 0 (no limit) or between 8 and " + MAXIMUM_PDU_LENGTH,
					"Use 0 (no limit) or a length between 8 and 4294967295 bytes, such as 16382.", null);
		}
		return length;
	}

	/**
	 * Return the {@code dicom.scu.timeouts}, checked.
	 * @return the timers of an association
	 * @throws DicomScuConfigurationException if a timeout is not positive or longer than a day
	 */
	AssociationTimeouts timeouts() {
		DicomScuProperties.Timeouts timeouts = this.properties.getTimeouts();
		return new AssociationTimeouts(checkPositive(PREFIX + ".timeouts.connect", timeouts.getConnect()),
				checkPositive(PREFIX + ".timeouts.acse", timeouts.getAcse()),
				checkPositive(PREFIX + ".timeouts.dimse", timeouts.getDimse()),
				checkPositive(PREFIX + ".timeouts.idle", timeouts.getIdle()), AssociationTimeouts.DEFAULT_ARTIM);
	}

	private static Duration checkPositive(String property, Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new DicomScuConfigurationException(property, timeout, "a timeout must be positive",
					"Set " + property + " to a positive duration, such as 30s.", null);
		}
		if (timeout.compareTo(AssociationTimeouts.MAXIMUM) > 0) {
			throw new DicomScuConfigurationException(property, timeout, "a timeout must be at most one day",
					"Set " + property + " to a duration of at most 1d.", null);
		}
		return timeout;
	}

	private BindAddress bindAddress() {
		String prefix = PREFIX + ".bind-address";
		DicomScuProperties.BindAddress bind = this.properties.getBindAddress();
		if (bind.getHost() == null || bind.getHost().isBlank()) {
			if (bind.getPort() != 0 || bind.getFlowInfo() != 0 || bind.getScopeId() != 0) {
				throw new DicomScuConfigurationException(prefix + ".host", null,
						"it is not set, but the port, flow info or scope id of the bind address are",
						"Set " + prefix + ".host to a local address (0.0.0.0 or :: for any), or remove the other "
								+ prefix + " properties.",
						null);
			}
			return null;
		}
		String host = bind.getHost().strip();
		if (bind.getPort() < 0 || bind.getPort() > 65535) {
			throw new DicomScuConfigurationException(prefix + ".port", bind.getPort(), "it is outside 0-65535",
					"Use 0 for an ephemeral local port, or a port between 1 and 65535.", null);
		}
		if (bind.getFlowInfo() < 0 || bind.getFlowInfo() > MAXIMUM_FLOW_INFO) {
			throw new DicomScuConfigurationException(prefix + ".flow-info", bind.getFlowInfo(),
					"IPv6 flow information has 20 bits, 0 to 1048575", "Use a value between 0 and 1048575.", null);
		}
		if (bind.getScopeId() < 0) {
			throw new DicomScuConfigurationException(prefix + ".scope-id", bind.getScopeId(),
					"an IPv6 scope id must not be negative",
					"Use 0 for no scope id, or the index of a network interface.", null);
		}
		BindAddress bindAddress = new BindAddress(host, bind.getPort(), bind.getFlowInfo(), bind.getScopeId());
		try {
			bindAddress.toSocketAddress();
		}
		catch (UnknownHostException ex) {
			throw new DicomScuConfigurationException(prefix + ".host", host, "the host cannot be resolved",
					"Use a local host name or the IPv4 or IPv6 address of a local interface.", ex);
		}
		catch (IllegalArgumentException ex) {
			String property = prefix + ((bind.getFlowInfo() != 0) ? ".flow-info" : ".scope-id");
			throw new DicomScuConfigurationException(property, null, ex.getMessage(),
					"Remove " + prefix + ".flow-info and " + prefix + ".scope-id, or bind to an IPv6 address.", ex);
		}
		return bindAddress;
	}

	private List<PresentationContext> retrieveStorageContexts(List<String> defaultTransferSyntaxes) {
		String prefix = PREFIX + ".retrieve";
		String property = prefix + ".storage-sop-classes";
		Retrieve retrieve = this.properties.getRetrieve();
		List<String> transferSyntaxes = (retrieve.getTransferSyntaxes() != null)
				? transferSyntaxes(prefix + ".transfer-syntaxes", retrieve.getTransferSyntaxes())
				: defaultTransferSyntaxes;
		Map<String, Integer> sources = new LinkedHashMap<>();
		sources.put(GET_CONTEXT_SOURCE, 1);
		Set<String> sopClasses = new LinkedHashSet<>();
		List<String> entries = orEmpty(retrieve.getStorageSopClasses());
		for (int i = 0; i < entries.size(); i++) {
			String entry = (entries.get(i) != null) ? entries.get(i).strip() : null;
			int before = sopClasses.size();
			String source;
			if (entry != null && isContextSetName(entry)) {
				ContextSet set = storageContextSet(property + "[" + i + "]", entry);
				sopClasses.addAll(set.abstractSyntaxes());
				source = setLabel(set);
			}
			else {
				sopClasses.add(storageSopClass(property + "[" + i + "]", entry));
				source = property;
			}
			if (sopClasses.size() > before) {
				sources.merge(source, sopClasses.size() - before, Integer::sum);
			}
		}
		int total = 1 + sopClasses.size();
		if (total > RequestedContexts.MAXIMUM) {
			TooManyPresentationContextsException ex = new TooManyPresentationContextsException(total, sources);
			throw new DicomScuConfigurationException(property, null, ex.getMessage(),
					"Remove " + (total - RequestedContexts.MAXIMUM) + " of the storage SOP classes listed in "
							+ property + ": a C-GET proposes one context per storage SOP class after the GET "
							+ "context, at most " + RequestedContexts.MAXIMUM
							+ " in all (Storage has 120, so Storage and 7 more fit).",
					ex);
		}
		return sopClasses.stream().map((uid) -> PresentationContext.of(uid, transferSyntaxes)).toList();
	}

	/**
	 * Return whether a value names a context set rather than a SOP class: context set names
	 * are lower case words joined by hyphens, keywords are camel case (though matched ignoring
	 * case, so a lower case keyword that is no context set name is a keyword).
	 */
	private static boolean isContextSetName(String value) {
		if (value.isEmpty() || !value.chars().allMatch((c) -> (c >= 'a' && c <= 'z') || c == '-')) {
			return false;
		}
		return Arrays.stream(ContextSet.values()).anyMatch((set) -> set.configName().equals(value))
				|| UidDictionary.forKeyword(value).isEmpty();
	}

	private static ContextSet storageContextSet(String property, String name) {
		ContextSet set = contextSet(property, name);
		for (String uid : set.abstractSyntaxes()) {
			Optional<UidEntry> entry = UidDictionary.forUid(uid);
			if (entry.isPresent() && !isStorageSopClass(entry.get())) {
				throw new DicomScuConfigurationException(property, name, setLabel(set) + " holds "
						+ entry.get().displayName() + ", which is not a storage SOP class",
						"Use a context set of storage SOP classes, such as storage, or list the storage SOP "
								+ "classes one by one.",
						null);
			}
		}
		return set;
	}

	private static String storageSopClass(String property, String value) {
		String uid = syntax(property, value, ABSTRACT_SYNTAX_TYPES, "SOP class",
				"Use a storage SOP class keyword of the DICOM UID registry, such as CTImageStorage, a UID, or the "
						+ "name of a context set such as storage.");
		Optional<UidEntry> entry = UidDictionary.forUid(uid);
		if (entry.isPresent() && !isStorageSopClass(entry.get())) {
			throw new DicomScuConfigurationException(property, value,
					"'" + value.strip() + "' is " + entry.get().displayName() + ", not a storage SOP class",
					"List the storage SOP classes of the instances C-GET is to receive, such as CTImageStorage.",
					null);
		}
		return uid;
	}

	/**
	 * Return whether a registry entry is a storage SOP class: a SOP class whose name says
	 * Storage, Storage Commitment excepted.
	 * @param entry the entry
	 * @return whether instances of the SOP class are sent with C-STORE
	 */
	static boolean isStorageSopClass(UidEntry entry) {
		return entry.type() == UidType.SOP_CLASS && entry.name().contains("Storage")
				&& !entry.name().startsWith("Storage Commitment");
	}

	private static RemoteAe remoteAe(String prefix, String name, Remote remote) {
		if (remote.getHost() == null || remote.getHost().isBlank()) {
			throw new DicomScuConfigurationException(prefix + ".host", null, "remote '" + name + "' has no host",
					"Set " + prefix + ".host to the host name or address of the remote AE.", null);
		}
		if (remote.getPort() < 1 || remote.getPort() > 65535) {
			throw new DicomScuConfigurationException(prefix + ".port", remote.getPort(), "it is outside 1-65535",
					"Set " + prefix + ".port to the port of the remote AE, such as 104 or 11112.", null);
		}
		String problem = AeTitle.problemWith(remote.getAeTitle());
		if (problem != null) {
			throw new DicomScuConfigurationException(prefix + ".ae-title", remote.getAeTitle(),
					"invalid AE title: " + problem,
					"Use the AE title of the remote: 1 to 16 characters of printable ASCII without backslash.", null);
		}
		return new RemoteAe(name, remote.getAeTitle().strip(), remote.getHost().strip(), remote.getPort());
	}

	private static void addContexts(RequestedContexts requested, String prefix, List<String> setNames,
			List<Context> contexts, List<String> defaultTransferSyntaxes) {
		Map<String, Integer> sources = new LinkedHashMap<>();
		List<ContextSet> sets = new ArrayList<>();
		for (int i = 0; i < setNames.size(); i++) {
			ContextSet set = contextSet(prefix + ".context-sets[" + i + "]", setNames.get(i));
			sets.add(set);
			sources.merge(setLabel(set), set.size(), Integer::sum);
		}
		if (!contexts.isEmpty()) {
			sources.put(prefix + ".contexts", contexts.size());
		}
		int total = sources.values().stream().mapToInt(Integer::intValue).sum();
		if (total > RequestedContexts.MAXIMUM) {
			TooManyPresentationContextsException ex = new TooManyPresentationContextsException(total, sources);
			throw new DicomScuConfigurationException(prefix + ".context-sets, " + prefix + ".contexts", null,
					ex.getMessage(), tooManyAction(prefix, total), ex);
		}
		for (ContextSet set : sets) {
			requested.addAll(set.contexts(defaultTransferSyntaxes), setLabel(set));
		}
		for (int i = 0; i < contexts.size(); i++) {
			String property = prefix + ".contexts[" + i + "]";
			requested.add(context(property, contexts.get(i), defaultTransferSyntaxes), property);
		}
	}

	private static String tooManyAction(String prefix, int total) {
		String action = "Remove " + (total - RequestedContexts.MAXIMUM) + " of the presentation contexts listed in "
				+ prefix + ".context-sets or " + prefix + ".contexts: one association proposes at most "
				+ RequestedContexts.MAXIMUM + " (Storage has 120, so Storage and 8 more fit).";
		return PREFIX.equals(prefix) ? action + " Remotes that need other contexts can have their own "
				+ PREFIX + ".remotes.<name>.context-sets and contexts." : action;
	}

	private static String setLabel(ContextSet set) {
		return "context set '" + set.configName() + "'";
	}

	private static ContextSet contextSet(String property, String name) {
		try {
			return ContextSet.fromName((name != null) ? name.strip() : null);
		}
		catch (IllegalArgumentException ex) {
			String valid = Arrays.stream(ContextSet.values())
				.map(ContextSet::configName)
				.collect(Collectors.joining(", "));
			throw new DicomScuConfigurationException(property, name, ex.getMessage(),
					"Use one of the prebuilt context sets: " + valid + ".", ex);
		}
	}

	private static PresentationContext context(String property, Context context,
			List<String> defaultTransferSyntaxes) {
		String abstractSyntax = syntax(property + ".abstract-syntax", context.getAbstractSyntax(),
				ABSTRACT_SYNTAX_TYPES, "SOP class", action("SOP class", "CTImageStorage"));
		List<String> transferSyntaxes = (context.getTransferSyntaxes() != null)
				? transferSyntaxes(property + ".transfer-syntaxes", context.getTransferSyntaxes())
				: defaultTransferSyntaxes;
		PresentationContext presentationContext = PresentationContext.of(abstractSyntax, transferSyntaxes);
		if (context.getScuRole() == null && context.getScpRole() == null) {
			return presentationContext;
		}
		return presentationContext.withRoles(context.getScuRole(), context.getScpRole());
	}

	private static List<String> transferSyntaxes(String property, List<String> values) {
		if (values == null || values.isEmpty()) {
			throw new DicomScuConfigurationException(property, null, "the list of transfer syntaxes is empty",
					"List at least one transfer syntax, such as ExplicitVRLittleEndian, or remove " + property
							+ " to use the default ones.",
					null);
		}
		List<String> uids = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			uids.add(syntax(property + "[" + i + "]", values.get(i), TRANSFER_SYNTAX_TYPES, "transfer syntax",
					action("transfer syntax", "ExplicitVRLittleEndian")));
		}
		return List.copyOf(uids);
	}

	private static String action(String kind, String example) {
		return "Use a " + kind + " keyword of the DICOM UID registry, such as " + example + ", or a UID.";
	}

	private static String syntax(String property, String value, Set<UidType> types, String kind, String action) {
		if (value == null || value.isBlank()) {
			throw new DicomScuConfigurationException(property, null, "no " + kind + " is given", action, null);
		}
		String trimmed = value.strip();
		String uid;
		try {
			uid = UidDictionary.toUid(trimmed);
		}
		catch (InvalidUidException ex) {
			throw new DicomScuConfigurationException(property, value, ex.getMessage(), action, ex);
		}
		catch (UnknownUidKeywordException ex) {
			List<String> suggestions = UidDictionary.closestKeywords(trimmed, SUGGESTIONS, types);
			throw new DicomScuConfigurationException(property, value,
					"unknown " + kind + " keyword '" + trimmed + "'" + NameSuggestions.didYouMean(suggestions), action,
					ex);
		}
		Optional<UidEntry> entry = UidDictionary.forUid(uid);
		if (entry.isPresent() && !types.contains(entry.get().type())) {
			UidEntry found = entry.get();
			throw new DicomScuConfigurationException(property, value,
					"'" + trimmed + "' is " + found.displayName() + ", a " + found.type().label() + ", not a " + kind,
					action, null);
		}
		return uid;
	}

	private static <T> void apply(String property, T value, Consumer<T> setter, String action) {
		try {
			setter.accept(value);
		}
		catch (IllegalArgumentException ex) {
			throw new DicomScuConfigurationException(property, value, ex.getMessage(), action, ex);
		}
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
