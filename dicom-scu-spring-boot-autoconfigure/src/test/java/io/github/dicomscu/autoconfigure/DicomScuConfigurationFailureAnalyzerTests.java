package io.github.dicomscu.autoconfigure;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DicomScuConfigurationFailureAnalyzer}, on real startup failures of
 * {@link DicomScuAutoConfiguration}.
 */
class DicomScuConfigurationFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DicomScuAutoConfiguration.class));

	@Test
	void tooManyContexts() {
		String[] properties = new String[10];
		properties[0] = "dicom.scu.context-sets=storage";
		for (int i = 1; i < properties.length; i++) {
			properties[i] = "dicom.scu.contexts[" + (i - 1) + "].abstract-syntax=CTImageStorage";
		}
		FailureAnalysis analysis = analyze(new MockEnvironment(), properties);
		assertThat(analysis.getDescription()).isEqualTo("""
				The DICOM SCU configuration is invalid:

				    Property: dicom.scu.context-sets, dicom.scu.contexts
				    Reason: 129 presentation contexts requested, but an association can propose at most 128 \
				(context IDs are the odd numbers 1-255): 120 from context set 'storage', 9 from dicom.scu.contexts. \
				Remove 1 or split them over several associations.""");
		assertThat(analysis.getAction()).isEqualTo("Remove 1 of the presentation contexts listed in "
				+ "dicom.scu.context-sets or dicom.scu.contexts: one association proposes at most 128 "
				+ "(Storage has 120, so Storage and 8 more fit). Remotes that need other contexts can have their own "
				+ "dicom.scu.remotes.<name>.context-sets and contexts.");
		assertThat(analysis.getCause()).isInstanceOf(DicomScuConfigurationException.class);
	}

	@Test
	void unknownKeywordWithItsOrigin() {
		PropertySource<?> yaml = DicomScuAutoConfigurationTests.yaml("""
				dicom:
				  scu:
				    contexts:
				      - abstract-syntax: CTImageStorag
				""");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(yaml);
		FailureAnalysis analysis = analyze(this.contextRunner
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(yaml)), environment);
		assertThat(analysis.getDescription()).isEqualTo("""
				The DICOM SCU configuration is invalid:

				    Property: dicom.scu.contexts[0].abstract-syntax
				    Value: "CTImageStorag"
				    Origin: Byte array resource [test.yml] - 4:26
				    Reason: unknown SOP class keyword 'CTImageStorag'; did you mean 'CTImageStorage'?""");
		assertThat(analysis.getAction())
			.isEqualTo("Use a SOP class keyword of the DICOM UID registry, such as CTImageStorage, or a UID.");
	}

	@Test
	void invalidRemotePort() {
		FailureAnalysis analysis = analyze(new MockEnvironment(), "dicom.scu.remotes.pacs.host=pacs",
				"dicom.scu.remotes.pacs.port=70000");
		assertThat(analysis.getDescription()).contains("Property: dicom.scu.remotes.pacs.port", "Value: \"70000\"",
				"Reason: Remote 'pacs' port 70000 is outside 1-65535");
		assertThat(analysis.getAction())
			.isEqualTo("Set dicom.scu.remotes.pacs.port to the port of the remote AE, such as 104 or 11112.");
	}

	@Test
	void everyInvalidValueOfAStartupIsReportedTogether() {
		FailureAnalysis analysis = analyze(new MockEnvironment(), "dicom.scu.ae-title=SEVENTEEN_CHARS_X",
				"dicom.scu.max-pdu-length=4");
		assertThat(analysis.getDescription()).isEqualTo("""
				The DICOM SCU configuration is invalid:

				    Property: dicom.scu.ae-title
				    Value: "SEVENTEEN_CHARS_X"
				    Origin: "dicom.scu.ae-title" from property source "mockProperties"
				    Reason: Invalid calling AE title 'SEVENTEEN_CHARS_X': it has 17 characters, at most 16 are allowed

				    Property: dicom.scu.max-pdu-length
				    Value: "4"
				    Origin: "dicom.scu.max-pdu-length" from property source "mockProperties"
				    Reason: Maximum PDU length 4 must be 0 (no limit) or between 8 and 4294967295""");
		assertThat(analysis.getAction()).isEqualTo("""
				Fix each of the 2 values:

				    dicom.scu.ae-title: Use 1 to 16 characters of printable ASCII without backslash as the AE title.
				    dicom.scu.max-pdu-length: Use 0 (no limit) or a length between 8 and 4294967295 bytes, such as \
				16382.""");
	}

	@Test
	void invalidValuesOfTheTemplateAndTheStorageScpAreReportedTogether(@TempDir Path directory) {
		FailureAnalysis analysis = analyze(new MockEnvironment(), "dicom.scu.remotes.pacs.host=pacs",
				"dicom.scu.remotes.pacs.port=0", "dicom.scu.timeouts.dimse=0s", "dicom.scu.storage-scp.enabled=true",
				"dicom.scu.storage-scp.directory=" + directory, "dicom.scu.storage-scp.port=70000");
		assertThat(analysis.getDescription()).containsSubsequence("Property: dicom.scu.timeouts.dimse",
				"Reason: dimse timeout must be positive, was PT0S", "Property: dicom.scu.remotes.pacs.port",
				"Reason: Remote 'pacs' port 0 is outside 1-65535", "Property: dicom.scu.storage-scp.port",
				"Reason: SCP port 70000 is outside 0-65535");
		assertThat(analysis.getDescription()).containsOnlyOnce("dicom.scu.timeouts.dimse\n");
		assertThat(analysis.getAction()).startsWith("Fix each of the 3 values:");
	}

	@Test
	void tooManyRetrieveStorageSopClasses() {
		FailureAnalysis analysis = analyze(new MockEnvironment(), "dicom.scu.retrieve.storage-sop-classes=all-storage");
		assertThat(analysis.getDescription()).isEqualTo("""
				The DICOM SCU configuration is invalid:

				    Property: dicom.scu.retrieve.storage-sop-classes
				    Origin: "dicom.scu.retrieve.storage-sop-classes" from property source "mockProperties"
				    Reason: 171 presentation contexts requested, but an association can propose at most 128 \
				(context IDs are the odd numbers 1-255): 1 from the GET SOP class of the query's information model, \
				170 from context set 'all-storage'. Remove 43 or split them over several associations.""");
		assertThat(analysis.getAction()).isEqualTo("Remove 43 of the storage SOP classes listed in "
				+ "dicom.scu.retrieve.storage-sop-classes: a C-GET proposes one context per storage SOP class after "
				+ "the GET context, at most 128 in all (Storage has 120, so Storage and 7 more fit).");
	}

	@Test
	void storageScpPortInUse(@TempDir Path directory) throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			FailureAnalysis analysis = analyze(new MockEnvironment(), "dicom.scu.storage-scp.enabled=true",
					"dicom.scu.storage-scp.directory=" + directory, "dicom.scu.storage-scp.bind-host=127.0.0.1",
					"dicom.scu.storage-scp.port=" + port);
			assertThat(analysis.getDescription()).contains("Property: dicom.scu.storage-scp.port",
					"Value: \"" + port + "\"",
					"Reason: the storage SCP cannot listen on port " + port + " of 127.0.0.1");
			assertThat(analysis.getAction()).isEqualTo("Stop the process that listens on port " + port
					+ ", or set dicom.scu.storage-scp.port to a free port.");
		}
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(new DicomScuConfigurationFailureAnalyzer(new MockEnvironment())
			.analyze(new IllegalStateException("unrelated"))).isNull();
	}

	private FailureAnalysis analyze(MockEnvironment environment, String... properties) {
		properties(environment, properties);
		return analyze(this.contextRunner.withPropertyValues(properties), environment);
	}

	private static FailureAnalysis analyze(ApplicationContextRunner runner, Environment environment) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		runner.run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new DicomScuConfigurationFailureAnalyzer(environment).analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	private static void properties(MockEnvironment environment, String... properties) {
		for (String property : properties) {
			int equals = property.indexOf('=');
			environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
		}
	}

}
