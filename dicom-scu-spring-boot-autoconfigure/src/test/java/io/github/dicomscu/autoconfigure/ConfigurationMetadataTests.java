package io.github.dicomscu.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated from {@link DicomScuProperties} and merged
 * with {@code additional-spring-configuration-metadata.json}.
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
					"dicom.scu.timeouts.connect", "dicom.scu.timeouts.acse", "dicom.scu.timeouts.dimse",
					"dicom.scu.timeouts.idle", "dicom.scu.transfer-syntaxes", "dicom.scu.context-sets",
					"dicom.scu.contexts", "dicom.scu.bind-address.host", "dicom.scu.bind-address.port",
					"dicom.scu.bind-address.flow-info", "dicom.scu.bind-address.scope-id", "dicom.scu.remotes",
					"dicom.scu.health.timeout", "dicom.scu.retrieve.storage-sop-classes",
					"dicom.scu.retrieve.transfer-syntaxes", "dicom.scu.storage-scp.enabled",
					"dicom.scu.storage-scp.ae-title", "dicom.scu.storage-scp.port", "dicom.scu.storage-scp.bind-host",
					"dicom.scu.storage-scp.directory", "management.health.dicom.enabled");
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

	private static List<String> hintValues(String property) {
		return metadata.read("$.hints[?(@.name == '" + property + "')].values[*].value");
	}

}
