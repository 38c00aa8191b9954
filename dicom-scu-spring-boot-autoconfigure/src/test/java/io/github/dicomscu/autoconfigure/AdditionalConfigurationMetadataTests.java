package io.github.dicomscu.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.data.UidEntry;
import io.github.dicomscu.data.UidType;
import io.github.dicomscu.net.context.ContextSet;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@code META-INF/additional-spring-configuration-metadata.json} is what the
 * dictionary, the context sets and the defaults of {@link DicomScuProperties} produce:
 * the defaults the configuration processor cannot read from a field initializer that
 * names a library constant, and value hints that list every SOP class and transfer syntax
 * keyword of the UID registry and every context set. Run with
 * {@code -Ddicomscu.metadata.update=true} to rewrite the file after the dictionary
 * changed.
 */
class AdditionalConfigurationMetadataTests {

	private static final Path FILE = Path
		.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

	private static final Set<UidType> SOP_CLASS_TYPES = EnumSet.of(UidType.SOP_CLASS, UidType.META_SOP_CLASS);

	@Test
	void additionalMetadataMatchesTheDictionary() throws IOException {
		String expected = render();
		if (Boolean.getBoolean("dicomscu.metadata.update")) {
			Files.writeString(FILE, expected, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
			.as("%s is out of date; regenerate it with ./mvnw -pl dicom-scu-spring-boot-autoconfigure test "
					+ "-Dtest=AdditionalConfigurationMetadataTests -Ddicomscu.metadata.update=true", FILE)
			.isEqualTo(expected);
	}

	private static String render() {
		DicomScuProperties defaults = new DicomScuProperties();
		List<String> properties = List.of(
				property("dicom.scu.ae-title", "java.lang.String", quote(defaults.getAeTitle())),
				property("dicom.scu.context-sets", "java.util.List<java.lang.String>",
						array(defaults.getContextSets())),
				dataSize("dicom.scu.max-data-set-in-memory", defaults.getMaxDataSetInMemory()),
				property("dicom.scu.max-pdu-length", "java.lang.Long", String.valueOf(defaults.getMaxPduLength())),
				property("dicom.scu.query.max-results", "java.lang.Integer",
						String.valueOf(defaults.getQuery().getMaxResults())),
				property("dicom.scu.retrieve.storage-sop-classes", "java.util.List<java.lang.String>",
						array(defaults.getRetrieve().getStorageSopClasses())),
				property("dicom.scu.storage-scp.max-associations", "java.lang.Integer",
						String.valueOf(defaults.getStorageScp().getMaxAssociations())),
				property("dicom.scu.storage-scp.max-associations-per-calling-ae-title", "java.lang.Integer",
						String.valueOf(defaults.getStorageScp().getMaxAssociationsPerCallingAeTitle())),
				dataSize("dicom.scu.storage-scp.max-data-set-in-memory",
						defaults.getStorageScp().getMaxDataSetInMemory()),
				property("dicom.scu.storage-scp.max-pending-connections", "java.lang.Integer",
						String.valueOf(defaults.getStorageScp().getMaxPendingConnections())),
				property("dicom.scu.storage-scp.port", "java.lang.Integer",
						String.valueOf(defaults.getStorageScp().getPort())),
				duration("dicom.scu.timeouts.acse", defaults.getTimeouts().getAcse()),
				duration("dicom.scu.timeouts.cancel-grace", defaults.getTimeouts().getCancelGrace()),
				duration("dicom.scu.timeouts.connect", defaults.getTimeouts().getConnect()),
				duration("dicom.scu.timeouts.dimse", defaults.getTimeouts().getDimse()),
				duration("dicom.scu.timeouts.idle", defaults.getTimeouts().getIdle()),
				property("dicom.scu.transfer-syntaxes", "java.util.List<java.lang.String>",
						array(defaults.getTransferSyntaxes())),
				"    {\n      \"name\": \"management.health.dicom.enabled\",\n      \"type\": \"java.lang.Boolean\",\n"
						+ "      \"description\": \"Whether to enable DICOM health check.\",\n"
						+ "      \"defaultValue\": true\n    }");
		List<Value> transferSyntaxes = syntaxValues(EnumSet.of(UidType.TRANSFER_SYNTAX));
		List<Value> contextSets = new ArrayList<>();
		for (ContextSet set : ContextSet.values()) {
			String members = set.size() + ((set.size() == 1) ? " abstract syntax" : " abstract syntaxes");
			contextSets.add(new Value(set.configName(), members + ", as pynetdicom's " + set.pynetdicomName() + "."));
		}
		List<String> hints = List.of(hint("dicom.scu.context-sets", contextSets),
				hint("dicom.scu.contexts.abstract-syntax", syntaxValues(SOP_CLASS_TYPES)),
				hint("dicom.scu.contexts.transfer-syntaxes", transferSyntaxes),
				hint("dicom.scu.retrieve.storage-sop-classes", storageValues(contextSets)),
				hint("dicom.scu.retrieve.transfer-syntaxes", transferSyntaxes),
				hint("dicom.scu.transfer-syntaxes", transferSyntaxes));
		return "{\n  \"properties\": [\n" + String.join(",\n", properties) + "\n  ],\n  \"hints\": [\n"
				+ String.join(",\n", hints) + "\n  ]\n}\n";
	}

	/**
	 * Return the values of a storage SOP class list: the context sets that hold storage
	 * SOP classes only, then the storage SOP class keywords.
	 */
	private static List<Value> storageValues(List<Value> contextSets) {
		List<Value> values = new ArrayList<>();
		for (ContextSet set : ContextSet.values()) {
			boolean storageOnly = set.abstractSyntaxes()
				.stream()
				.allMatch((uid) -> UidDictionary.forUid(uid)
					.map(AeTemplateBuilderConfigurer::isStorageSopClass)
					.orElse(true));
			if (storageOnly) {
				contextSets.stream().filter((value) -> value.value().equals(set.configName())).forEach(values::add);
			}
		}
		for (UidEntry entry : UidDictionary.entries()) {
			if (AeTemplateBuilderConfigurer.isStorageSopClass(entry) && !entry.keyword().isEmpty()) {
				values.add(new Value(entry.keyword(),
						entry.displayName() + " (" + entry.uid() + ")" + (entry.retired() ? ", retired." : ".")));
			}
		}
		return values;
	}

	private static List<Value> syntaxValues(Set<UidType> types) {
		List<Value> values = new ArrayList<>();
		for (UidEntry entry : UidDictionary.entries()) {
			if (types.contains(entry.type()) && !entry.keyword().isEmpty()) {
				values.add(new Value(entry.keyword(),
						entry.displayName() + " (" + entry.uid() + ")" + (entry.retired() ? ", retired." : ".")));
			}
		}
		return values;
	}

	private static String property(String name, String type, String defaultValue) {
		return "    {\n      \"name\": " + quote(name) + ",\n      \"type\": " + quote(type)
				+ ",\n      \"defaultValue\": " + defaultValue + "\n    }";
	}

	private static String duration(String name, Duration defaultValue) {
		return property(name, "java.time.Duration",
				quote(DurationStyle.SIMPLE.print(defaultValue, ChronoUnit.SECONDS)));
	}

	private static String dataSize(String name, DataSize defaultValue) {
		return property(name, "org.springframework.util.unit.DataSize", quote(defaultValue.toMegabytes() + "MB"));
	}

	private static String hint(String name, List<Value> values) {
		String rendered = values.stream()
			.map((value) -> "        {\n          \"value\": " + quote(value.value()) + ",\n          \"description\": "
					+ quote(value.description()) + "\n        }")
			.collect(Collectors.joining(",\n"));
		return "    {\n      \"name\": " + quote(name) + ",\n      \"values\": [\n" + rendered + "\n      ],\n"
				+ "      \"providers\": [\n        {\n          \"name\": \"any\"\n        }\n      ]\n    }";
	}

	private static String array(List<String> values) {
		return values.stream()
			.map(AdditionalConfigurationMetadataTests::quote)
			.collect(Collectors.joining(", ", "[", "]"));
	}

	private static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private record Value(String value, String description) {
	}

}
