package io.github.dicomscu.net.context;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.dicomscu.data.NameSuggestions;

/**
 * The prebuilt lists of abstract syntaxes that pynetdicom 3.0 offers as
 * {@code *PresentationContexts}, with the same members in the same order.
 * <p>
 * Members are read from the bundled {@code context-sets.tsv} once, on first use, and are
 * thread-safe to share. A set has three accepted names besides the constant itself: its
 * {@linkplain #configName() configuration name} ({@code query-retrieve}), its table name
 * ({@code QueryRetrieve}) and its {@linkplain #pynetdicomName() pynetdicom name}
 * ({@code QueryRetrievePresentationContexts}); see {@link #fromName(String)}.
 */
public enum ContextSet {

	/** Every storage SOP class (170), too many for one association. */
	ALL_STORAGE("AllStorage"),

	/** Procedural Event Logging and Substance Administration Logging (2). */
	APPLICATION_EVENT_LOGGING("ApplicationEventLogging"),

	/** Modality Worklist Information Model - FIND (1). */
	BASIC_WORKLIST_MANAGEMENT("BasicWorklistManagement"),

	/** Color Palette Query/Retrieve FIND, MOVE and GET (3). */
	COLOR_PALETTE("ColorPalette"),

	/** Defined Procedure Protocol FIND, MOVE and GET (3). */
	DEFINED_PROCEDURE_PROTOCOL("DefinedProcedureProtocol"),

	/** Display System SOP class (1). */
	DISPLAY_SYSTEM("DisplaySystem"),

	/** Hanging Protocol FIND, MOVE and GET (3). */
	HANGING_PROTOCOL("HangingProtocol"),

	/**
	 * Implant template, implant assembly template and implant template group FIND, MOVE
	 * and GET (9).
	 */
	IMPLANT_TEMPLATE("ImplantTemplate"),

	/** Instance Availability Notification (1). */
	INSTANCE_AVAILABILITY("InstanceAvailability"),

	/** Media Creation Management (1). */
	MEDIA_CREATION_MANAGEMENT("MediaCreationManagement"),

	/** Media Storage Directory Storage (1). */
	MEDIA_STORAGE("MediaStorage"),

	/** Modality Performed Procedure Step, its Retrieve and its Notification (3). */
	MODALITY_PERFORMED("ModalityPerformed"),

	/** Non-Patient Object storage (9). */
	NON_PATIENT_OBJECT("NonPatientObject"),

	/** Print Management (11). */
	PRINT_MANAGEMENT("PrintManagement"),

	/**
	 * The same three Modality Performed Procedure Step SOP classes, as pynetdicom lists
	 * them (3).
	 */
	PROCEDURE_STEP("ProcedureStep"),

	/** Protocol Approval FIND, MOVE and GET (3). */
	PROTOCOL_APPROVAL("ProtocolApproval"),

	/**
	 * Repository Query and the Query/Retrieve FIND, MOVE and GET information models (13).
	 */
	QUERY_RETRIEVE("QueryRetrieve"),

	/** General, breast imaging and cardiac Relevant Patient Information Query (3). */
	RELEVANT_PATIENT_INFORMATION("RelevantPatientInformation"),

	/** RT Conventional and RT Ion Machine Verification (2). */
	RT_MACHINE_VERIFICATION("RTMachineVerification"),

	/** The storage SOP classes pynetdicom proposes by default (120). */
	STORAGE("Storage"),

	/** Storage Commitment Push Model (1). */
	STORAGE_COMMITMENT("StorageCommitment"),

	/** Product Characteristics Query and Substance Approval Query (2). */
	SUBSTANCE_ADMINISTRATION("SubstanceAdministration"),

	/** Unified Procedure Step Push, Watch, Pull, Event and Query (5). */
	UNIFIED_PROCEDURE("UnifiedProcedure"),

	/** Verification (1), for C-ECHO. */
	VERIFICATION("Verification");

	private static final String PYNETDICOM_SUFFIX = "PresentationContexts";

	private final String tableName;

	ContextSet(String tableName) {
		this.tableName = tableName;
	}

	/**
	 * Return the abstract syntaxes of this set, in pynetdicom's order.
	 * @return an unmodifiable list of UIDs
	 */
	public List<String> abstractSyntaxes() {
		return Members.INSTANCE.bySet.get(this);
	}

	/**
	 * Return one context per abstract syntax, each offering the
	 * {@link PresentationContext#DEFAULT_TRANSFER_SYNTAXES}.
	 * @return an unmodifiable list of contexts, in pynetdicom's order
	 */
	public List<PresentationContext> contexts() {
		return contexts(PresentationContext.DEFAULT_TRANSFER_SYNTAXES);
	}

	/**
	 * Return one context per abstract syntax, each offering the given transfer syntaxes.
	 * @param transferSyntaxes keywords or UIDs, in order of preference
	 * @return an unmodifiable list of contexts, in pynetdicom's order
	 * @throws IllegalArgumentException if the transfer syntaxes are empty or invalid
	 */
	public List<PresentationContext> contexts(List<String> transferSyntaxes) {
		List<PresentationContext> contexts = new ArrayList<>();
		for (String abstractSyntax : abstractSyntaxes()) {
			contexts.add(PresentationContext.of(abstractSyntax, transferSyntaxes));
		}
		return List.copyOf(contexts);
	}

	/**
	 * Return the number of abstract syntaxes in this set.
	 * @return the size
	 */
	public int size() {
		return abstractSyntaxes().size();
	}

	/**
	 * Return the name used in configuration, the constant in kebab case.
	 * @return for example {@code "query-retrieve"}
	 */
	public String configName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Return the name of the equivalent list in pynetdicom.
	 * @return for example {@code "StoragePresentationContexts"}
	 */
	public String pynetdicomName() {
		return this.tableName + PYNETDICOM_SUFFIX;
	}

	/**
	 * Return the set with the given name, ignoring case, {@code '-'} and {@code '_'}. The
	 * configuration name ({@code all-storage}), the constant name ({@code ALL_STORAGE}),
	 * the table name ({@code AllStorage}) and the pynetdicom name
	 * ({@code AllStoragePresentationContexts}) are all accepted.
	 * @param name the name
	 * @return the set
	 * @throws IllegalArgumentException if no set has this name; the message suggests the
	 * closest one and lists the valid configuration names
	 */
	public static ContextSet fromName(String name) {
		String wanted = normalize((name != null) ? name : "");
		if (wanted.endsWith(normalize(PYNETDICOM_SUFFIX))) {
			wanted = wanted.substring(0, wanted.length() - PYNETDICOM_SUFFIX.length());
		}
		ContextSet closest = null;
		int closestDistance = Integer.MAX_VALUE;
		for (ContextSet set : values()) {
			String candidate = normalize(set.tableName);
			if (candidate.equals(wanted)) {
				return set;
			}
			int distance = NameSuggestions.distance(wanted, candidate);
			if (distance < closestDistance) {
				closest = set;
				closestDistance = distance;
			}
		}
		String valid = Arrays.stream(values()).map(ContextSet::configName).collect(Collectors.joining(", "));
		throw new IllegalArgumentException("Unknown context set '" + name + "'"
				+ NameSuggestions.didYouMean(List.of(closest.configName())) + " Valid context sets: " + valid);
	}

	private static String normalize(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	/**
	 * The members of every set, read once by the class loader on first access.
	 */
	private static final class Members {

		static final Members INSTANCE = new Members("context-sets.tsv");

		final Map<ContextSet, List<String>> bySet;

		private Members(String resource) {
			Map<String, ContextSet> byTableName = new HashMap<>();
			for (ContextSet set : values()) {
				byTableName.put(set.tableName, set);
			}
			Map<ContextSet, List<String>> members = new EnumMap<>(ContextSet.class);
			for (ContextSet set : values()) {
				members.put(set, new ArrayList<>());
			}
			try (InputStream in = ContextSet.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("Context set resource '" + resource + "' not found");
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
				reader.readLine();
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (!line.isEmpty()) {
						String[] fields = line.split("\t", -1);
						ContextSet set = byTableName.get(fields[0]);
						if (set == null) {
							throw new IllegalStateException("Unknown context set '" + fields[0] + "' in " + resource);
						}
						members.get(set).add(fields[2]);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read context set resource '" + resource + "'", ex);
			}
			members.replaceAll((set, uids) -> List.copyOf(uids));
			this.bySet = members;
		}

	}

}
