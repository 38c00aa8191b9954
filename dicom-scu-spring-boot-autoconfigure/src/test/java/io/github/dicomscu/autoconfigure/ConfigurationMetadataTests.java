package io.github.dicomscu.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.MaxDataSetInMemory;
import io.github.dicomscu.net.association.Port;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.scp.ScpCapacity;
import io.github.dicomscu.scu.AeTemplate;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated from {@link DicomScuProperties} and
 * merged with {@code additional-spring-configuration-metadata.json}: among others, that
 * every documented default is the library's and what the properties start with.
 */
class ConfigurationMetadataTests {

	private static DocumentContext metadata;

	@BeforeAll
	static void readMetadata() throws IOException {
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (json.contains("\"" + DicomScuProperties.class.getName() + "\"")) {
					metadata = JsonPath.parse(json);
				}
			}
		}
		assertThat(metadata).as("metadata of %s", DicomScuProperties.class.getName()).isNotNull();
	}

	@Test
	void everyPropertyHasADescription() {
		List<Map<String, Object>> properties = metadata.read("$.properties[*]");
		assertThat(properties).extracting((property) -> property.get("name"))
			.contains("dicom.scu.enabled", "dicom.scu.ae-title", "dicom.scu.max-pdu-length",
					"dicom.scu.max-data-set-in-memory", "dicom.scu.storage-scp.max-data-set-in-memory",
					"dicom.scu.timeouts.connect", "dicom.scu.timeouts.acse", "dicom.scu.timeouts.dimse",
					"dicom.scu.timeouts.idle", "dicom.scu.timeouts.cancel-grace", "dicom.scu.query.max-results",
					"dicom.scu.transfer-syntaxes", "dicom.scu.context-sets", "dicom.scu.contexts",
					"dicom.scu.bind-address.host", "dicom.scu.bind-address.port", "dicom.scu.bind-address.flow-info",
					"dicom.scu.bind-address.scope-id", "dicom.scu.remotes", "dicom.scu.health.timeout",
					"dicom.scu.retrieve.storage-sop-classes", "dicom.scu.retrieve.transfer-syntaxes",
					"dicom.scu.storage-scp.enabled", "dicom.scu.storage-scp.ae-title", "dicom.scu.storage-scp.port",
					"dicom.scu.storage-scp.bind-host", "dicom.scu.storage-scp.directory",
					"dicom.scu.storage-scp.max-associations",
					"dicom.scu.storage-scp.max-associations-per-calling-ae-title",
					"dicom.scu.storage-scp.max-pending-connections", "management.health.dicom.enabled");
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of %s", property.get("name"))
			.isNotBlank());
	}

	@Test
	void listDefaultsMatchTheProperties() {
		DicomScuProperties defaults = new DicomScuProperties();
		assertThat(defaultValue("dicom.scu.context-sets")).isEqualTo(defaults.getContextSets());
		assertThat(defaultValue("dicom.scu.transfer-syntaxes")).isEqualTo(defaults.getTransferSyntaxes());
		assertThat(defaultValue("dicom.scu.retrieve.storage-sop-classes"))
			.isEqualTo(defaults.getRetrieve().getStorageSopClasses());
	}

	@Test
	void documentedDefaultsAreTheLibrarys() {
		assertThat(defaultValue("dicom.scu.ae-title")).isEqualTo(AssociationRequest.DEFAULT_CALLING_AE_TITLE);
		assertThat(defaultValue("dicom.scu.max-pdu-length")).isEqualTo((int) AssociationRequest.DEFAULT_MAX_PDU_LENGTH);
		assertThat(durationDefault("dicom.scu.timeouts.connect")).isEqualTo(AssociationTimeouts.DEFAULT_CONNECT);
		assertThat(durationDefault("dicom.scu.timeouts.acse")).isEqualTo(AssociationTimeouts.DEFAULT_ACSE);
		assertThat(durationDefault("dicom.scu.timeouts.dimse")).isEqualTo(AssociationTimeouts.DEFAULT_DIMSE);
		assertThat(durationDefault("dicom.scu.timeouts.idle")).isEqualTo(AssociationTimeouts.DEFAULT_IDLE);
		assertThat(durationDefault("dicom.scu.timeouts.cancel-grace"))
			.isEqualTo(AssociationTimeouts.DEFAULT_CANCEL_GRACE);
		assertThat(defaultValue("dicom.scu.query.max-results")).isEqualTo(AeTemplate.DEFAULT_MAX_FIND_RESULTS);
		assertThat(listDefault("dicom.scu.transfer-syntaxes").stream().map(UidDictionary::toUid))
			.containsExactlyElementsOf(PresentationContext.DEFAULT_TRANSFER_SYNTAXES);
		assertThat(listDefault("dicom.scu.retrieve.storage-sop-classes"))
			.isEqualTo(AeTemplate.DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES);
		assertThat(defaultValue("dicom.scu.storage-scp.port")).isEqualTo(Port.DICOM);
		assertThat(DataSize.parse((String) defaultValue("dicom.scu.max-data-set-in-memory")).toBytes())
			.isEqualTo(MaxDataSetInMemory.DEFAULT);
		assertThat(DataSize.parse((String) defaultValue("dicom.scu.storage-scp.max-data-set-in-memory")).toBytes())
			.isEqualTo(MaxDataSetInMemory.DEFAULT);
		assertThat(defaultValue("dicom.scu.storage-scp.max-associations"))
			.isEqualTo(ScpCapacity.DEFAULT_MAX_ASSOCIATIONS);
		assertThat(defaultValue("dicom.scu.storage-scp.max-associations-per-calling-ae-title"))
			.isEqualTo(ScpCapacity.DEFAULT_MAX_ASSOCIATIONS_PER_CALLING_AE_TITLE);
		assertThat(defaultValue("dicom.scu.storage-scp.max-pending-connections"))
			.isEqualTo(ScpCapacity.DEFAULT_MAX_PENDING_CONNECTIONS);
	}

	@Test
	void everyDocumentedDefaultBindsToTheInitialValue() {
		List<Map<String, Object>> documented = metadata
			.read("$.properties[?(@.name =~ /dicom\\.scu\\..*/ && @.defaultValue)]");
		assertThat(documented).extracting((property) -> property.get("name"))
			.contains("dicom.scu.ae-title", "dicom.scu.max-pdu-length", "dicom.scu.max-data-set-in-memory",
					"dicom.scu.storage-scp.max-data-set-in-memory", "dicom.scu.timeouts.idle",
					"dicom.scu.timeouts.cancel-grace", "dicom.scu.query.max-results", "dicom.scu.health.timeout",
					"dicom.scu.storage-scp.port", "dicom.scu.transfer-syntaxes");
		BeanWrapper initial = new BeanWrapperImpl(new DicomScuProperties());
		for (Map<String, Object> property : documented) {
			String name = (String) property.get("name");
			Object value = property.get("defaultValue");
			String text = (value instanceof List<?> list) ? StringUtils.collectionToCommaDelimitedString(list)
					: String.valueOf(value);
			DicomScuProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(name, text)))
				.bind("dicom.scu", DicomScuProperties.class)
				.get();
			String path = propertyPath(name);
			assertThat(new BeanWrapperImpl(bound).getPropertyValue(path)).as("default of %s", name)
				.isEqualTo(initial.getPropertyValue(path));
		}
	}

	@Test
	void storageScpDefaults() {
		assertThat(defaultValue("dicom.scu.storage-scp.enabled")).isEqualTo(false);
		assertThat(defaultValue("dicom.scu.storage-scp.port")).isEqualTo(11112);
	}

	@Test
	void hintsOfferSopClassesTransferSyntaxesAndContextSets() {
		assertThat(hintValues("dicom.scu.contexts.abstract-syntax")).contains("CTImageStorage", "Verification",
				"ModalityWorklistInformationModelFind");
		assertThat(hintValues("dicom.scu.contexts.transfer-syntaxes")).contains("ExplicitVRLittleEndian",
				"JPEG2000Lossless");
		assertThat(hintValues("dicom.scu.transfer-syntaxes")).contains("ExplicitVRLittleEndian")
			.doesNotContain("CTImageStorage");
		assertThat(hintValues("dicom.scu.context-sets")).hasSize(24)
			.contains("storage", "query-retrieve", "all-storage");
	}

	@Test
	void hintsOfferStorageSopClassesAndStorageContextSetsForRetrieve() {
		assertThat(hintValues("dicom.scu.retrieve.storage-sop-classes"))
			.contains("storage", "all-storage", "CTImageStorage", "EncapsulatedPDFStorage",
					"DigitalXRayImageStorageForPresentation")
			.doesNotContain("query-retrieve", "Verification", "StorageCommitmentPushModel",
					"StudyRootQueryRetrieveInformationModelGet");
		assertThat(hintValues("dicom.scu.retrieve.transfer-syntaxes")).contains("ExplicitVRLittleEndian")
			.doesNotContain("CTImageStorage");
	}

	private static Object defaultValue(String property) {
		List<Object> values = metadata.read("$.properties[?(@.name == '" + property + "')].defaultValue");
		assertThat(values).hasSize(1);
		return values.get(0);
	}

	private static Duration durationDefault(String property) {
		return DurationStyle.detectAndParse((String) defaultValue(property));
	}

	@SuppressWarnings("unchecked")
	private static List<String> listDefault(String property) {
		return (List<String>) defaultValue(property);
	}

	private static String propertyPath(String name) {
		StringBuilder path = new StringBuilder();
		boolean upper = false;
		for (char c : name.substring("dicom.scu.".length()).toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				path.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return path.toString();
	}

	private static List<String> hintValues(String property) {
		return metadata.read("$.hints[?(@.name == '" + property + "')].values[*].value");
	}

}
