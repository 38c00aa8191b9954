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
import java.util.function.LongConsumer;
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
import io.github.dicomscu.net.pdu.AeTitle;
import io.github.dicomscu.net.pdu.UserIdentityRq;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.BindAddress;
import io.github.dicomscu.net.association.MaxDataSetInMemory;
import io.github.dicomscu.net.association.MaxPduLength;
import io.github.dicomscu.net.association.Port;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.RequestedContexts;
import io.github.dicomscu.net.context.TooManyPresentationContextsException;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.RemoteAe;

import org.springframework.util.unit.DataSize;

/**
 * Applies {@link DicomScuProperties} to an {@link AeTemplate.Builder}. Each value is
 * checked by its owner in the engine or the library (such as {@link AeTitle},
 * {@link MaxPduLength}, {@link Port} or {@link AssociationTimeouts}); a value it rejects
 * is collected in {@link InvalidValues} with the property's name, so that one startup
 * reports every invalid value. The storage SCP's properties are mapped by
 * {@link StorageScpBuilderConfigurer}.
 */
final class AeTemplateBuilderConfigurer {

	static final String PREFIX = "dicom.scu";

	static final String AE_TITLE_ACTION = "Use 1 to 16 characters of printable ASCII without backslash as the "
			+ "AE title.";

	private static final Set<UidType> ABSTRACT_SYNTAX_TYPES = EnumSet.of(UidType.SOP_CLASS, UidType.META_SOP_CLASS);

	private static final Set<UidType> TRANSFER_SYNTAX_TYPES = EnumSet.of(UidType.TRANSFER_SYNTAX);

	private static final int SUGGESTIONS = 3;

	private static final String GET_CONTEXT_SOURCE = "the GET SOP class of the query's information model";

	private final DicomScuProperties properties;

	AeTemplateBuilderConfigurer(DicomScuProperties properties) {
		this.properties = properties;
	}

	/**
	 * Apply the properties to a builder, collecting the invalid values.
	 * @param builder the builder
	 * @param invalid collects the invalid values
	 */
	void configure(AeTemplate.Builder builder, InvalidValues invalid) {
		DicomScuProperties properties = this.properties;
		invalid.apply(PREFIX + ".ae-title", properties.getAeTitle(), builder::aeTitle, AE_TITLE_ACTION);
		maxPduLength(properties, builder::maxPduLength, invalid);
		maxDataSetInMemory(PREFIX + ".max-data-set-in-memory", properties.getMaxDataSetInMemory(),
				builder::maxDataSetInMemory, invalid);
		AssociationTimeouts timeouts = timeouts(invalid);
		if (timeouts != null) {
			builder.timeouts(timeouts);
		}
		invalid.apply(PREFIX + ".timeouts.cancel-grace", properties.getTimeouts().getCancelGrace(),
				builder::cancelGrace, timeoutAction(PREFIX + ".timeouts.cancel-grace", "5s"));
		invalid.apply(PREFIX + ".query.max-results", properties.getQuery().getMaxResults(), builder::maxFindResults,
				"Use a positive number of matches, such as " + AeTemplate.DEFAULT_MAX_FIND_RESULTS
						+ "; an application reads larger answers as a stream (AeOperations.find).");
		builder.bindAddress(invalid.check(() -> bindAddress(invalid)));
		timeout(PREFIX + ".health.timeout", "health check", properties.getHealth().getTimeout(), invalid);
		List<String> transferSyntaxes = transferSyntaxes(PREFIX + ".transfer-syntaxes",
				properties.getTransferSyntaxes(), invalid);
		builder.transferSyntaxes(transferSyntaxes);
		builder.retrieveStorageContexts(retrieveStorageContexts(transferSyntaxes, invalid));
		addContexts(builder.requestedContexts(), PREFIX, properties.getContextSets(), properties.getContexts(),
				transferSyntaxes, invalid);
		properties.getRemotes().forEach((name, remote) -> {
			String prefix = PREFIX + ".remotes." + name;
			RemoteAe remoteAe = remoteAe(prefix, name, remote, invalid);
			if (remoteAe != null) {
				builder.remote(remoteAe);
			}
			if (remote.getContextSets() != null || remote.getContexts() != null) {
				RequestedContexts contexts = (remoteAe != null) ? builder.requestedContexts(name)
						: new RequestedContexts();
				addContexts(contexts, prefix, orEmpty(remote.getContextSets()), orEmpty(remote.getContexts()),
						transferSyntaxes, invalid);
			}
		});
	}

	/**
	 * Apply {@code dicom.scu.max-pdu-length} to a setter that checks it with
	 * {@link MaxPduLength}.
	 * @param properties the properties
	 * @param setter the setter
	 * @param invalid collects the invalid value
	 */
	static void maxPduLength(DicomScuProperties properties, Consumer<Long> setter, InvalidValues invalid) {
		invalid.apply(PREFIX + ".max-pdu-length", properties.getMaxPduLength(), setter,
				"Use " + MaxPduLength.NO_LIMIT + " (no limit) or a length between " + MaxPduLength.MINIMUM + " and "
						+ MaxPduLength.MAXIMUM + " bytes, such as " + AssociationRequest.DEFAULT_MAX_PDU_LENGTH + ".");
	}

	/**
	 * Apply a {@code max-data-set-in-memory} property to a setter that checks it with
	 * {@link MaxDataSetInMemory}.
	 * @param property the property's name
	 * @param size the property's value
	 * @param setter the setter
	 * @param invalid collects the invalid value
	 */
	static void maxDataSetInMemory(String property, DataSize size, LongConsumer setter, InvalidValues invalid) {
		invalid.apply(property, size, (value) -> setter.accept(value.toBytes()),
				"Use a size between " + MaxDataSetInMemory.MINIMUM + "B and " + MaxDataSetInMemory.MAXIMUM
						+ "B, such as " + DataSize.ofBytes(MaxDataSetInMemory.DEFAULT).toMegabytes() + "MB.");
	}

	/**
	 * Return the {@code dicom.scu.timeouts}, each checked by {@link AssociationTimeouts}.
	 * @param invalid collects the invalid values
	 * @return the timers of an association, or {@code null} if one is invalid
	 */
	AssociationTimeouts timeouts(InvalidValues invalid) {
		DicomScuProperties.Timeouts timeouts = this.properties.getTimeouts();
		Duration connect = timeout(PREFIX + ".timeouts.connect", "connect", timeouts.getConnect(), invalid);
		Duration acse = timeout(PREFIX + ".timeouts.acse", "acse", timeouts.getAcse(), invalid);
		Duration dimse = timeout(PREFIX + ".timeouts.dimse", "dimse", timeouts.getDimse(), invalid);
		Duration idle = timeout(PREFIX + ".timeouts.idle", "idle", timeouts.getIdle(), invalid);
		if (connect == null || acse == null || dimse == null || idle == null) {
			return null;
		}
		return new AssociationTimeouts(connect, acse, dimse, idle, AssociationTimeouts.DEFAULT_ARTIM);
	}

	private static Duration timeout(String property, String name, Duration timeout, InvalidValues invalid) {
		return invalid.map(property, timeout, () -> AssociationTimeouts.check(name, timeout),
				timeoutAction(property, "30s"));
	}

	private static String timeoutAction(String property, String example) {
		return "Set " + property + " to a positive duration of at most 1d, such as " + example + ".";
	}

	private BindAddress bindAddress(InvalidValues invalid) {
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
		Integer port = invalid.map(prefix + ".port", bind.getPort(),
				() -> Port.checkLocal("Bind address", bind.getPort()), "Use " + Port.EPHEMERAL
						+ " for an ephemeral local port, or a port between 1 and " + Port.MAXIMUM + ".");
		Integer flowInfo = invalid.map(prefix + ".flow-info", bind.getFlowInfo(),
				() -> BindAddress.checkFlowInfo(bind.getFlowInfo()),
				"Use a value between 0 and " + BindAddress.MAXIMUM_FLOW_INFO + ".");
		Integer scopeId = invalid.map(prefix + ".scope-id", bind.getScopeId(),
				() -> BindAddress.checkScopeId(bind.getScopeId()),
				"Use 0 for no scope id, or the index of a network interface.");
		if (port == null || flowInfo == null || scopeId == null) {
			return null;
		}
		BindAddress bindAddress = new BindAddress(host, port, flowInfo, scopeId);
		try {
			bindAddress.toSocketAddress();
		}
		catch (UnknownHostException ex) {
			throw new DicomScuConfigurationException(prefix + ".host", host, "the host cannot be resolved",
					"Use a local host name or the IPv4 or IPv6 address of a local interface.", ex);
		}
		catch (IllegalArgumentException ex) {
			String property = prefix + ((flowInfo != 0) ? ".flow-info" : ".scope-id");
			throw new DicomScuConfigurationException(property, null, ex.getMessage(),
					"Remove " + prefix + ".flow-info and " + prefix + ".scope-id, or bind to an IPv6 address.", ex);
		}
		return bindAddress;
	}

	private List<PresentationContext> retrieveStorageContexts(List<String> defaultTransferSyntaxes,
			InvalidValues invalid) {
		String prefix = PREFIX + ".retrieve";
		String property = prefix + ".storage-sop-classes";
		Retrieve retrieve = this.properties.getRetrieve();
		List<String> transferSyntaxes = (retrieve.getTransferSyntaxes() != null)
				? transferSyntaxes(prefix + ".transfer-syntaxes", retrieve.getTransferSyntaxes(), invalid)
				: defaultTransferSyntaxes;
		Map<String, Integer> sources = new LinkedHashMap<>();
		sources.put(GET_CONTEXT_SOURCE, 1);
		Set<String> sopClasses = new LinkedHashSet<>();
		List<String> entries = orEmpty(retrieve.getStorageSopClasses());
		for (int i = 0; i < entries.size(); i++) {
			String entry = (entries.get(i) != null) ? entries.get(i).strip() : null;
			String entryProperty = property + "[" + i + "]";
			int before = sopClasses.size();
			String source = property;
			if (entry != null && isContextSetName(entry)) {
				ContextSet set = invalid.check(() -> storageContextSet(entryProperty, entry));
				if (set != null) {
					sopClasses.addAll(set.abstractSyntaxes());
					source = setLabel(set);
				}
			}
			else {
				String value = entries.get(i);
				String sopClass = invalid.check(() -> storageSopClass(entryProperty, value));
				if (sopClass != null) {
					sopClasses.add(sopClass);
				}
			}
			if (sopClasses.size() > before) {
				sources.merge(source, sopClasses.size() - before, Integer::sum);
			}
		}
		int total = 1 + sopClasses.size();
		if (total > RequestedContexts.MAXIMUM) {
			TooManyPresentationContextsException ex = new TooManyPresentationContextsException(total, sources);
			invalid.add(property, null, ex.getMessage(),
					"Remove " + (total - RequestedContexts.MAXIMUM) + " of the storage SOP classes listed in "
							+ property + ": a C-GET proposes one context per storage SOP class after the GET "
							+ "context, at most " + RequestedContexts.MAXIMUM
							+ " in all (Storage has 120, so Storage and 7 more fit).",
					ex);
			return List.of();
		}
		return sopClasses.stream().map((uid) -> PresentationContext.of(uid, transferSyntaxes)).toList();
	}

	/**
	 * Return whether a value names a context set rather than a SOP class: context set
	 * names are lower case words joined by hyphens, keywords are camel case (though
	 * matched ignoring case, so a lower case keyword that is no context set name is a
	 * keyword).
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
				throw new DicomScuConfigurationException(property, name,
						setLabel(set) + " holds " + entry.get().displayName() + ", which is not a storage SOP class",
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
					"List the storage SOP classes of the instances C-GET is to receive, such as CTImageStorage.", null);
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

	private static RemoteAe remoteAe(String prefix, String name, Remote remote, InvalidValues invalid) {
		String host = invalid.map(prefix + ".host", remote.getHost(), () -> RemoteAe.checkHost(name, remote.getHost()),
				"Set " + prefix + ".host to the host name or address of the remote AE.");
		Integer port = invalid.map(prefix + ".port", remote.getPort(),
				() -> Port.checkPeer("Remote '" + name + "'", remote.getPort()), "Set " + prefix
						+ ".port to the port of the remote AE, such as " + Port.ACR_NEMA + " or " + Port.DICOM + ".");
		String aeTitle = invalid.map(prefix + ".ae-title", remote.getAeTitle(),
				() -> AeTitle.check("AE title of remote '" + name + "'", remote.getAeTitle()),
				"Use the AE title of the remote: 1 to 16 characters of printable ASCII without backslash.");
		UserIdentityRq userIdentity = RemoteUserIdentity.map(prefix, remote.getUserIdentity(), invalid);
		if (host == null || port == null || aeTitle == null) {
			return null;
		}
		return new RemoteAe(name, aeTitle, host, port, userIdentity);
	}

	private static void addContexts(RequestedContexts requested, String prefix, List<String> setNames,
			List<Context> contexts, List<String> defaultTransferSyntaxes, InvalidValues invalid) {
		Map<String, Integer> sources = new LinkedHashMap<>();
		List<ContextSet> sets = new ArrayList<>();
		for (int i = 0; i < setNames.size(); i++) {
			String property = prefix + ".context-sets[" + i + "]";
			String name = setNames.get(i);
			ContextSet set = invalid.check(() -> contextSet(property, name));
			if (set != null) {
				sets.add(set);
				sources.merge(setLabel(set), set.size(), Integer::sum);
			}
		}
		if (!contexts.isEmpty()) {
			sources.put(prefix + ".contexts", contexts.size());
		}
		int total = sources.values().stream().mapToInt(Integer::intValue).sum();
		if (total > RequestedContexts.MAXIMUM) {
			TooManyPresentationContextsException ex = new TooManyPresentationContextsException(total, sources);
			invalid.add(prefix + ".context-sets, " + prefix + ".contexts", null, ex.getMessage(),
					tooManyAction(prefix, total), ex);
			return;
		}
		for (ContextSet set : sets) {
			requested.addAll(set.contexts(defaultTransferSyntaxes), setLabel(set));
		}
		for (int i = 0; i < contexts.size(); i++) {
			String property = prefix + ".contexts[" + i + "]";
			Context context = contexts.get(i);
			PresentationContext presentationContext = invalid
				.check(() -> context(property, context, defaultTransferSyntaxes, invalid));
			if (presentationContext != null) {
				requested.add(presentationContext, property);
			}
		}
	}

	private static String tooManyAction(String prefix, int total) {
		String action = "Remove " + (total - RequestedContexts.MAXIMUM) + " of the presentation contexts listed in "
				+ prefix + ".context-sets or " + prefix + ".contexts: one association proposes at most "
				+ RequestedContexts.MAXIMUM + " (Storage has 120, so Storage and 8 more fit).";
		return PREFIX.equals(prefix) ? action + " Remotes that need other contexts can have their own " + PREFIX
				+ ".remotes.<name>.context-sets and contexts." : action;
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

	private static PresentationContext context(String property, Context context, List<String> defaultTransferSyntaxes,
			InvalidValues invalid) {
		String abstractSyntax = invalid.check(() -> syntax(property + ".abstract-syntax", context.getAbstractSyntax(),
				ABSTRACT_SYNTAX_TYPES, "SOP class", action("SOP class", "CTImageStorage")));
		List<String> transferSyntaxes = (context.getTransferSyntaxes() != null)
				? transferSyntaxes(property + ".transfer-syntaxes", context.getTransferSyntaxes(), invalid)
				: defaultTransferSyntaxes;
		if (abstractSyntax == null) {
			return null;
		}
		PresentationContext presentationContext = PresentationContext.of(abstractSyntax, transferSyntaxes);
		if (context.getScuRole() == null && context.getScpRole() == null) {
			return presentationContext;
		}
		return presentationContext.withRoles(context.getScuRole(), context.getScpRole());
	}

	/**
	 * Return the transfer syntax UIDs of a list of keywords or UIDs, collecting the
	 * invalid ones.
	 * @param property the property of the list
	 * @param values the keywords or UIDs
	 * @param invalid collects the invalid values
	 * @return the UIDs, or {@link PresentationContext#DEFAULT_TRANSFER_SYNTAXES} in place
	 * of a list with invalid values (so that the properties using them are still checked)
	 */
	private static List<String> transferSyntaxes(String property, List<String> values, InvalidValues invalid) {
		if (values == null || values.isEmpty()) {
			invalid.add(property, null, "the list of transfer syntaxes is empty",
					"List at least one transfer syntax, such as ExplicitVRLittleEndian, or remove " + property
							+ " to use the default ones.",
					null);
			return PresentationContext.DEFAULT_TRANSFER_SYNTAXES;
		}
		List<String> uids = new ArrayList<>();
		boolean valid = true;
		for (int i = 0; i < values.size(); i++) {
			String entryProperty = property + "[" + i + "]";
			String value = values.get(i);
			String uid = invalid.check(() -> syntax(entryProperty, value, TRANSFER_SYNTAX_TYPES, "transfer syntax",
					action("transfer syntax", "ExplicitVRLittleEndian")));
			if (uid != null) {
				uids.add(uid);
			}
			valid &= (uid != null);
		}
		return valid ? List.copyOf(uids) : PresentationContext.DEFAULT_TRANSFER_SYNTAXES;
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

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
