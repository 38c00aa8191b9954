package io.github.dicomscu.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.pdu.AeTitle;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.BindAddress;
import io.github.dicomscu.net.association.MaxPduLength;
import io.github.dicomscu.net.association.Port;
import io.github.dicomscu.net.context.ContextSet;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.AeTemplateCustomizer;
import io.github.dicomscu.scu.RemoteAe;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link DicomScuAutoConfiguration}.
 */
class DicomScuAutoConfigurationTests {

	private static final List<String> DEFAULT_TRANSFER_SYNTAXES = PresentationContext.DEFAULT_TRANSFER_SYNTAXES;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DicomScuAutoConfiguration.class));

	@Test
	void defaultTemplateProposesVerificationOnly() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AeTemplate.class);
			AeTemplate template = context.getBean(AeTemplate.class);
			assertThat(template.getAeTitle()).isEqualTo("DICOMSCU");
			assertThat(template.getMaxPduLength()).isEqualTo(16382);
			assertThat(template.getTimeouts()).isEqualTo(AssociationTimeouts.defaults());
			assertThat(template.getCancelGrace()).isEqualTo(AssociationTimeouts.DEFAULT_CANCEL_GRACE);
			assertThat(template.getMaxFindResults()).isEqualTo(AeTemplate.DEFAULT_MAX_FIND_RESULTS);
			assertThat(template.getBindAddress()).isNull();
			assertThat(template.getRequestedContexts()).containsExactly(PresentationContext.of(Uid.VERIFICATION));
			assertThat(template.getRemotes()).isEmpty();
		});
	}

	@Test
	void localAeAndTimeoutsAreConfigurable() {
		this.contextRunner
			.withPropertyValues("dicom.scu.ae-title=MYSCU", "dicom.scu.max-pdu-length=0",
					"dicom.scu.timeouts.connect=2s", "dicom.scu.timeouts.acse=3s", "dicom.scu.timeouts.dimse=4s",
					"dicom.scu.timeouts.idle=5s")
			.run((context) -> {
				AeTemplate template = context.getBean(AeTemplate.class);
				assertThat(template.getAeTitle()).isEqualTo("MYSCU");
				assertThat(template.getMaxPduLength()).isZero();
				assertThat(template.getTimeouts())
					.isEqualTo(new AssociationTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3),
							Duration.ofSeconds(4), Duration.ofSeconds(5), AssociationTimeouts.DEFAULT_ARTIM));
			});
	}

	@Test
	void cancelGraceAndMaxFindResultsReachTheTemplate() {
		this.contextRunner
			.withPropertyValues("dicom.scu.timeouts.cancel-grace=1500ms", "dicom.scu.query.max-results=250")
			.run((context) -> {
				AeTemplate template = context.getBean(AeTemplate.class);
				assertThat(template.getCancelGrace()).isEqualTo(Duration.ofMillis(1500));
				assertThat(template.getMaxFindResults()).isEqualTo(250);
			});
	}

	@Test
	void remotesAreConfigurableInOrder() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=10.0.0.5", "dicom.scu.remotes.pacs.port=4242",
					"dicom.scu.remotes.pacs.ae-title=ORTHANC", "dicom.scu.remotes.archive.host=archive.example.org")
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRemotes()).containsExactly(
					Map.entry("pacs", new RemoteAe("pacs", "ORTHANC", "10.0.0.5", 4242)),
					Map.entry("archive", new RemoteAe("archive", "ANY-SCP", "archive.example.org", 104))));
	}

	@Test
	void contextSetsAreProposedBeforeContextsInTheOrderListed() {
		this.contextRunner
			.withPropertyValues("dicom.scu.context-sets=storage-commitment,verification",
					"dicom.scu.contexts[0].abstract-syntax=CTImageStorage",
					"dicom.scu.contexts[1].abstract-syntax=1.2.840.10008.5.1.4.1.1.4")
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts()).containsExactly(
					PresentationContext.of("StorageCommitmentPushModel"), PresentationContext.of("Verification"),
					PresentationContext.of("CTImageStorage"), PresentationContext.of("MRImageStorage")));
	}

	@Test
	void contextsCanNameTheirTransferSyntaxes() {
		this.contextRunner
			.withPropertyValues("dicom.scu.contexts[0].abstract-syntax=CTImageStorage",
					"dicom.scu.contexts[0].transfer-syntaxes=JPEG2000Lossless,1.2.840.10008.1.2.1")
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts()).containsExactly(
					PresentationContext.of("Verification"),
					PresentationContext.of("CTImageStorage", "JPEG2000Lossless", "ExplicitVRLittleEndian")));
	}

	@Test
	void contextWithOneTransferSyntaxInYaml() {
		this.contextRunner.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(yaml("""
				dicom:
				  scu:
				    context-sets: []
				    contexts:
				      - abstract-syntax: CTImageStorage
				        transfer-syntaxes: ExplicitVRLittleEndian
				      - abstract-syntax: CTImageStorage
				        transfer-syntaxes: [JPEGBaseline8Bit, ImplicitVRLittleEndian]
				""")))
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts()).containsExactly(
					PresentationContext.of("CTImageStorage", "ExplicitVRLittleEndian"),
					PresentationContext.of("CTImageStorage", "JPEGBaseline8Bit", "ImplicitVRLittleEndian")));
	}

	@Test
	void globalTransferSyntaxesApplyToContextSetsAndToContextsNamingNone() {
		this.contextRunner
			.withPropertyValues("dicom.scu.transfer-syntaxes=ExplicitVRLittleEndian",
					"dicom.scu.contexts[0].abstract-syntax=CTImageStorage")
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts()).containsExactly(
					PresentationContext.of("Verification", "ExplicitVRLittleEndian"),
					PresentationContext.of("CTImageStorage", "ExplicitVRLittleEndian")));
	}

	@Test
	void contextsCanProposeRoles() {
		this.contextRunner
			.withPropertyValues("dicom.scu.contexts[0].abstract-syntax=CTImageStorage",
					"dicom.scu.contexts[0].scu-role=false", "dicom.scu.contexts[0].scp-role=true")
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts())
				.contains(PresentationContext.of("CTImageStorage").withRoles(false, true)));
	}

	@Test
	void storageAndEightContextsStart() {
		this.contextRunner.withPropertyValues(storagePlus(8))
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts()).hasSize(128));
	}

	@Test
	void storageAndNineContextsFail() {
		this.contextRunner.withPropertyValues(storagePlus(9))
			.run(failsWith("dicom.scu.context-sets, dicom.scu.contexts",
					"129 presentation contexts requested, but an association can propose at most 128",
					"120 from context set 'storage', 9 from dicom.scu.contexts"));
	}

	@Test
	void allStorageAloneFails() {
		this.contextRunner.withPropertyValues("dicom.scu.context-sets=all-storage")
			.run(failsWith("dicom.scu.context-sets, dicom.scu.contexts", "170 presentation contexts requested",
					"170 from context set 'all-storage'"));
	}

	@Test
	void remoteContextsReplaceTheGlobalOnes() {
		this.contextRunner
			.withPropertyValues("dicom.scu.context-sets=storage", "dicom.scu.remotes.pacs.host=pacs",
					"dicom.scu.remotes.worklist.host=ris", "dicom.scu.remotes.worklist.context-sets=verification",
					"dicom.scu.remotes.worklist.contexts[0].abstract-syntax=ModalityWorklistInformationModelFind")
			.run((context) -> {
				AeTemplate template = context.getBean(AeTemplate.class);
				assertThat(template.getRequestedContexts("pacs")).isEqualTo(ContextSet.STORAGE.contexts());
				assertThat(template.getRequestedContexts("worklist")).containsExactly(
						PresentationContext.of("Verification"),
						PresentationContext.of("ModalityWorklistInformationModelFind"));
			});
	}

	@Test
	void remoteWithTooManyContextsFails() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=pacs",
					"dicom.scu.remotes.pacs.context-sets=storage,query-retrieve")
			.run(failsWith("dicom.scu.remotes.pacs.context-sets, dicom.scu.remotes.pacs.contexts",
					"133 presentation contexts requested",
					"120 from context set 'storage', 13 from context set 'query-retrieve'"));
	}

	@Test
	void remoteWithEmptyContextsFails() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.pacs.context-sets=")
			.run(failsWith(null, "No presentation contexts to propose to remote(s) pacs"));
	}

	@Test
	void unknownAbstractSyntaxKeywordFailsWithTheClosestOne() {
		this.contextRunner.withPropertyValues("dicom.scu.contexts[0].abstract-syntax=CTImageStorag")
			.run(failsWith("dicom.scu.contexts[0].abstract-syntax",
					"unknown SOP class keyword 'CTImageStorag'; did you mean 'CTImageStorage'?"));
	}

	@Test
	void unknownTransferSyntaxKeywordFailsWithTheClosestOne() {
		this.contextRunner
			.withPropertyValues("dicom.scu.contexts[0].abstract-syntax=CTImageStorage",
					"dicom.scu.contexts[0].transfer-syntaxes=ExplicitVRLittleEndain")
			.run(failsWith("dicom.scu.contexts[0].transfer-syntaxes[0]",
					"unknown transfer syntax keyword 'ExplicitVRLittleEndain'",
					"did you mean 'ExplicitVRLittleEndian'?"));
	}

	@Test
	void malformedUidFails() {
		this.contextRunner.withPropertyValues("dicom.scu.contexts[0].abstract-syntax=1.2.840.10008.05.1")
			.run(failsWith("dicom.scu.contexts[0].abstract-syntax",
					"Invalid UID '1.2.840.10008.05.1': component 5 ('05') has a leading zero"));
	}

	@Test
	void transferSyntaxAsAbstractSyntaxFails() {
		this.contextRunner.withPropertyValues("dicom.scu.contexts[0].abstract-syntax=ExplicitVRLittleEndian")
			.run(failsWith("dicom.scu.contexts[0].abstract-syntax",
					"'ExplicitVRLittleEndian' is Explicit VR Little Endian, a Transfer Syntax, not a SOP class"));
	}

	@Test
	void contextWithoutAbstractSyntaxFails() {
		this.contextRunner.withPropertyValues("dicom.scu.contexts[0].scp-role=true")
			.run(failsWith("dicom.scu.contexts[0].abstract-syntax", "no SOP class is given"));
	}

	@Test
	void emptyTransferSyntaxListOfAContextFails() {
		this.contextRunner
			.withPropertyValues("dicom.scu.contexts[0].abstract-syntax=CTImageStorage",
					"dicom.scu.contexts[0].transfer-syntaxes=")
			.run(failsWith("dicom.scu.contexts[0].transfer-syntaxes", "the list of transfer syntaxes is empty"));
	}

	@Test
	void emptyDefaultTransferSyntaxListFails() {
		this.contextRunner.withPropertyValues("dicom.scu.transfer-syntaxes=")
			.run(failsWith("dicom.scu.transfer-syntaxes", "the list of transfer syntaxes is empty"));
	}

	@Test
	void unknownContextSetFailsWithTheValidOnes() {
		this.contextRunner.withPropertyValues("dicom.scu.context-sets=verification,storag")
			.run(failsWith("dicom.scu.context-sets[1]", "Unknown context set 'storag'; did you mean 'storage'?",
					"Valid context sets: all-storage, "));
	}

	@Test
	void tooLongAeTitleFails() {
		this.contextRunner.withPropertyValues("dicom.scu.ae-title=SEVENTEEN_CHARS_X")
			.run(failsWith("dicom.scu.ae-title", "it has 17 characters, at most 16 are allowed"));
	}

	@Test
	void remoteAeTitleWithBackslashFails() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.pacs.ae-title=A\\B")
			.run(failsWith("dicom.scu.remotes.pacs.ae-title", "it contains a backslash at position 2"));
	}

	@Test
	void remotePortOutOfRangeFails() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.pacs.port=0")
			.run(failsWith("dicom.scu.remotes.pacs.port", "Remote 'pacs' port 0 is outside 1-65535"));
	}

	@Test
	void remoteWithoutHostFails() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.port=104")
			.run(failsWith("dicom.scu.remotes.pacs.host", "Remote 'pacs' has no host"));
	}

	@Test
	void maxDataSetInMemoryIsConfigurable() {
		this.contextRunner.withPropertyValues("dicom.scu.max-data-set-in-memory=8MB")
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getMaxDataSetInMemory())
				.isEqualTo(8 * 1024 * 1024));
	}

	@Test
	void invalidMaxDataSetInMemoryFails() {
		this.contextRunner.withPropertyValues("dicom.scu.max-data-set-in-memory=2GB")
			.run(failsWith("dicom.scu.max-data-set-in-memory",
					"Maximum data set in memory 2147483648 must be between 1 and 2147483639 bytes"));
	}

	@Test
	void invalidMaxPduLengthFails() {
		this.contextRunner.withPropertyValues("dicom.scu.max-pdu-length=4")
			.run(failsWith("dicom.scu.max-pdu-length", "must be 0 (no limit) or between 8 and 4294967295"));
	}

	@Test
	void zeroTimeoutFails() {
		this.contextRunner.withPropertyValues("dicom.scu.timeouts.dimse=0s")
			.run(failsWith("dicom.scu.timeouts.dimse", "dimse timeout must be positive, was PT0S"));
	}

	@Test
	void zeroCancelGraceAndMaxResultsFailTogether() {
		this.contextRunner.withPropertyValues("dicom.scu.timeouts.cancel-grace=0s", "dicom.scu.query.max-results=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(configurationException(context.getStartupFailure()).getInvalidValues())
					.extracting((invalid) -> invalid.property() + ": " + invalid.reason())
					.containsExactly("dicom.scu.timeouts.cancel-grace: cancel grace timeout must be positive, was PT0S",
							"dicom.scu.query.max-results: maxFindResults must be positive, got 0");
			});
	}

	@Test
	void zeroHealthTimeoutFails() {
		this.contextRunner.withPropertyValues("dicom.scu.health.timeout=0s")
			.run(failsWith("dicom.scu.health.timeout", "health check timeout must be positive, was PT0S"));
	}

	@Test
	void reasonsAreTheMessagesOfTheRulesOwners() {
		this.contextRunner
			.withPropertyValues("dicom.scu.ae-title=A\\B", "dicom.scu.max-pdu-length=7",
					"dicom.scu.timeouts.connect=2d", "dicom.scu.bind-address.host=127.0.0.1",
					"dicom.scu.bind-address.flow-info=-1", "dicom.scu.remotes.pacs.host=pacs",
					"dicom.scu.remotes.pacs.port=65536", "dicom.scu.remotes.pacs.ae-title=SEVENTEEN_CHARS_X")
			.run((context) -> {
				assertThat(context).hasFailed();
				Map<String, String> reasons = new LinkedHashMap<>();
				configurationException(context.getStartupFailure()).getInvalidValues()
					.forEach((invalid) -> reasons.put(invalid.property(), invalid.reason()));
				assertThat(reasons).containsExactly(
						Map.entry("dicom.scu.ae-title", ownersMessage(() -> AeTitle.check("calling AE title", "A\\B"))),
						Map.entry("dicom.scu.max-pdu-length", ownersMessage(() -> MaxPduLength.check(7))),
						Map.entry("dicom.scu.timeouts.connect",
								ownersMessage(() -> AssociationTimeouts.check("connect", Duration.ofDays(2)))),
						Map.entry("dicom.scu.bind-address.flow-info",
								ownersMessage(() -> BindAddress.checkFlowInfo(-1))),
						Map.entry("dicom.scu.remotes.pacs.port",
								ownersMessage(() -> Port.checkPeer("Remote 'pacs'", 65536))),
						Map.entry("dicom.scu.remotes.pacs.ae-title",
								ownersMessage(() -> new RemoteAe("pacs", "SEVENTEEN_CHARS_X", "pacs", 104))));
			});
	}

	@Test
	void ipv4BindAddress() {
		this.contextRunner.withPropertyValues("dicom.scu.bind-address.host=127.0.0.1", "dicom.scu.bind-address.port=0")
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getBindAddress())
				.isEqualTo(BindAddress.ipv4("127.0.0.1", 0)));
	}

	@Test
	void ipv6BindAddress() {
		this.contextRunner
			.withPropertyValues("dicom.scu.bind-address.host=::1", "dicom.scu.bind-address.port=11113",
					"dicom.scu.bind-address.flow-info=5", "dicom.scu.bind-address.scope-id=1")
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getBindAddress())
				.isEqualTo(BindAddress.ipv6("::1", 11113, 5, 1)));
	}

	@Test
	void bindAddressIsUsedForAssociations() throws IOException {
		DicomScp scp = DicomScp.builder().aeTitle("SCP").build().start();
		try {
			this.contextRunner
				.withPropertyValues("dicom.scu.bind-address.host=127.0.0.1", "dicom.scu.remotes.local.host=127.0.0.1",
						"dicom.scu.remotes.local.port=" + scp.getPort(), "dicom.scu.remotes.local.ae-title=SCP")
				.run((context) -> assertThat(context.getBean(AeTemplate.class).echo("local").isSuccess()).isTrue());
		}
		finally {
			scp.stop();
		}
	}

	@Test
	void bindPortOutOfRangeFails() {
		this.contextRunner
			.withPropertyValues("dicom.scu.bind-address.host=127.0.0.1", "dicom.scu.bind-address.port=65536")
			.run(failsWith("dicom.scu.bind-address.port", "Bind address port 65536 is outside 0-65535"));
	}

	@Test
	void unresolvableBindHostFails() {
		this.contextRunner.withPropertyValues("dicom.scu.bind-address.host=no-such-host.invalid")
			.run(failsWith("dicom.scu.bind-address.host", "the host cannot be resolved"));
	}

	@Test
	void flowInfoWithIpv4BindAddressFails() {
		this.contextRunner
			.withPropertyValues("dicom.scu.bind-address.host=127.0.0.1", "dicom.scu.bind-address.flow-info=5")
			.run(failsWith("dicom.scu.bind-address.flow-info", "is IPv4; flow info and scope id apply to IPv6 only"));
	}

	@Test
	void bindPortWithoutHostFails() {
		this.contextRunner.withPropertyValues("dicom.scu.bind-address.port=11113")
			.run(failsWith("dicom.scu.bind-address.host",
					"it is not set, but the port, flow info or scope id of the bind address are"));
	}

	@Test
	void customizerAddsContextsOneByOne() {
		this.contextRunner
			.withBean(AeTemplateCustomizer.class,
					() -> (builder) -> builder.requestedContexts().add("CTImageStorage").add("MRImageStorage"))
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts()).containsExactly(
					PresentationContext.of("Verification"), PresentationContext.of("CTImageStorage"),
					PresentationContext.of("MRImageStorage")));
	}

	@Test
	void customizerSetsAllContexts() {
		this.contextRunner.withPropertyValues(storagePlus(8))
			.withBean(AeTemplateCustomizer.class,
					() -> (builder) -> builder.requestedContexts()
						.setAll(List.of(PresentationContext.of("Verification")), "customizer"))
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts())
				.containsExactly(PresentationContext.of("Verification")));
	}

	@Test
	void customizersRunInOrder() {
		this.contextRunner.withUserConfiguration(OrderedCustomizersConfiguration.class)
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRequestedContexts())
				.containsExactly(PresentationContext.of("CTImageStorage"), PresentationContext.of("MRImageStorage")));
	}

	@Test
	void customizerChangesTheContextsOfOneRemote() {
		this.contextRunner.withPropertyValues("dicom.scu.remotes.pacs.host=pacs", "dicom.scu.remotes.ris.host=ris")
			.withBean(AeTemplateCustomizer.class,
					() -> (builder) -> builder.requestedContexts("ris").add("ModalityWorklistInformationModelFind"))
			.run((context) -> {
				AeTemplate template = context.getBean(AeTemplate.class);
				assertThat(template.getRequestedContexts("pacs"))
					.containsExactly(PresentationContext.of("Verification"));
				assertThat(template.getRequestedContexts("ris"))
					.containsExactly(PresentationContext.of("ModalityWorklistInformationModelFind"));
			});
	}

	@Test
	void limitIsCheckedWithTheCustomizersContexts() {
		this.contextRunner.withPropertyValues(storagePlus(8))
			.withBean(AeTemplateCustomizer.class, () -> (builder) -> builder.requestedContexts().add("Verification"))
			.run(failsWith(null, "AeTemplateCustomizer (a lambda in " + getClass().getName() + ") failed",
					"129 presentation contexts requested",
					"120 from context set 'storage', 8 from dicom.scu.contexts, 1 from add()"));
	}

	@Test
	void retrieveProposesTheDefaultStorageSopClassesWithTheScpRole() {
		this.contextRunner.run((context) -> {
			AeTemplate template = context.getBean(AeTemplate.class);
			assertThat(template.getTransferSyntaxes()).isEqualTo(DEFAULT_TRANSFER_SYNTAXES);
			assertThat(template.getRetrieveStorageContexts())
				.hasSize(AeTemplate.DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES.size())
				.allSatisfy((storage) -> {
					assertThat(storage.scpRole()).isTrue();
					assertThat(storage.scuRole()).isFalse();
					assertThat(storage.transferSyntaxes()).isEqualTo(DEFAULT_TRANSFER_SYNTAXES);
				})
				.first()
				.isEqualTo(PresentationContext.of("CTImageStorage").withRoles(false, true));
		});
	}

	@Test
	void retrieveStorageSopClassesTakeKeywordsUidsAndContextSetsOnceEach() {
		this.contextRunner
			.withPropertyValues("dicom.scu.retrieve.storage-sop-classes=MRImageStorage,1.2.840.10008.5.1.4.1.1.2,"
					+ "storage,CTImageStorage")
			.run((context) -> {
				List<PresentationContext> contexts = context.getBean(AeTemplate.class).getRetrieveStorageContexts();
				assertThat(contexts).hasSize(120);
				assertThat(contexts.subList(0, 2)).containsExactly(
						PresentationContext.of("MRImageStorage").withRoles(false, true),
						PresentationContext.of("CTImageStorage").withRoles(false, true));
			});
	}

	@Test
	void retrieveTransferSyntaxesApplyToTheStorageSopClasses() {
		this.contextRunner
			.withPropertyValues("dicom.scu.retrieve.storage-sop-classes=CTImageStorage",
					"dicom.scu.retrieve.transfer-syntaxes=JPEGLosslessSV1,ExplicitVRLittleEndian")
			.run((context) -> {
				AeTemplate template = context.getBean(AeTemplate.class);
				assertThat(template.getRetrieveStorageContexts()).containsExactly(
						PresentationContext.of("CTImageStorage", "JPEGLosslessSV1", "ExplicitVRLittleEndian")
							.withRoles(false, true));
				assertThat(template.getTransferSyntaxes()).isEqualTo(DEFAULT_TRANSFER_SYNTAXES);
			});
	}

	@Test
	void globalTransferSyntaxesApplyToTheRetrieveAndQueryContexts() {
		this.contextRunner
			.withPropertyValues("dicom.scu.transfer-syntaxes=ExplicitVRLittleEndian",
					"dicom.scu.retrieve.storage-sop-classes=CTImageStorage")
			.run((context) -> {
				AeTemplate template = context.getBean(AeTemplate.class);
				assertThat(template.getRetrieveStorageContexts()).containsExactly(
						PresentationContext.of("CTImageStorage", "ExplicitVRLittleEndian").withRoles(false, true));
				assertThat(template.getTransferSyntaxes()).containsExactly(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
			});
	}

	@Test
	void storageAndSevenRetrieveStorageSopClassesStart() {
		this.contextRunner.withPropertyValues(retrieveStoragePlus(7))
			.run((context) -> assertThat(context.getBean(AeTemplate.class).getRetrieveStorageContexts()).hasSize(127));
	}

	@Test
	void storageAndEightRetrieveStorageSopClassesFailWithTheCount() {
		this.contextRunner.withPropertyValues(retrieveStoragePlus(8))
			.run(failsWith("dicom.scu.retrieve.storage-sop-classes",
					"129 presentation contexts requested, but an association can propose at most 128",
					"1 from the GET SOP class of the query's information model, 120 from context set 'storage', "
							+ "8 from dicom.scu.retrieve.storage-sop-classes"));
	}

	@Test
	void unknownRetrieveStorageSopClassFailsWithTheClosestOne() {
		this.contextRunner.withPropertyValues("dicom.scu.retrieve.storage-sop-classes=MRImageStorage,CTImageStorag")
			.run(failsWith("dicom.scu.retrieve.storage-sop-classes[1]",
					"unknown SOP class keyword 'CTImageStorag'; did you mean 'CTImageStorage'?"));
	}

	@Test
	void unknownRetrieveContextSetFailsWithTheClosestOne() {
		this.contextRunner.withPropertyValues("dicom.scu.retrieve.storage-sop-classes=storag")
			.run(failsWith("dicom.scu.retrieve.storage-sop-classes[0]",
					"Unknown context set 'storag'; did you mean 'storage'?"));
	}

	@Test
	void retrieveStorageSopClassThatIsNoStorageSopClassFails() {
		this.contextRunner.withPropertyValues("dicom.scu.retrieve.storage-sop-classes=Verification")
			.run(failsWith("dicom.scu.retrieve.storage-sop-classes[0]",
					"'Verification' is Verification SOP Class, not a storage SOP class"));
	}

	@Test
	void retrieveContextSetWithoutStorageSopClassesFails() {
		this.contextRunner.withPropertyValues("dicom.scu.retrieve.storage-sop-classes=query-retrieve")
			.run(failsWith("dicom.scu.retrieve.storage-sop-classes[0]", "context set 'query-retrieve' holds ",
					"which is not a storage SOP class"));
	}

	@Test
	void transferSyntaxAsRetrieveStorageSopClassFails() {
		this.contextRunner.withPropertyValues("dicom.scu.retrieve.storage-sop-classes=ExplicitVRLittleEndian")
			.run(failsWith("dicom.scu.retrieve.storage-sop-classes[0]",
					"'ExplicitVRLittleEndian' is Explicit VR Little Endian, a Transfer Syntax, not a SOP class"));
	}

	@Test
	void emptyRetrieveTransferSyntaxListFails() {
		this.contextRunner.withPropertyValues("dicom.scu.retrieve.transfer-syntaxes=")
			.run(failsWith("dicom.scu.retrieve.transfer-syntaxes", "the list of transfer syntaxes is empty"));
	}

	@Test
	void customizerWithTooManyRetrieveStorageContextsFails() {
		this.contextRunner
			.withBean(AeTemplateCustomizer.class,
					() -> (builder) -> builder.retrieveStorageContexts(ContextSet.ALL_STORAGE.contexts()))
			.run(failsWith(null, "171 presentation contexts requested",
					"1 from the GET SOP class, 170 from retrieveStorageContexts()"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesAeOperations() {
		this.contextRunner.withBean(AeOperations.class, () -> mock(AeOperations.class))
			.run((context) -> assertThat(context).hasSingleBean(AeOperations.class).doesNotHaveBean(AeTemplate.class));
	}

	@Test
	void disabledWithProperty() {
		this.contextRunner.withPropertyValues("dicom.scu.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AeTemplate.class)
				.doesNotHaveBean(DicomScuProperties.class));
	}

	private static String[] storagePlus(int contexts) {
		String[] properties = new String[contexts + 1];
		properties[0] = "dicom.scu.context-sets=storage";
		for (int i = 0; i < contexts; i++) {
			properties[i + 1] = "dicom.scu.contexts[" + i + "].abstract-syntax=Verification";
		}
		return properties;
	}

	private static String[] retrieveStoragePlus(int sopClasses) {
		List<String> more = ContextSet.ALL_STORAGE.abstractSyntaxes()
			.stream()
			.filter((uid) -> !ContextSet.STORAGE.abstractSyntaxes().contains(uid))
			.limit(sopClasses)
			.toList();
		return new String[] { "dicom.scu.retrieve.storage-sop-classes=storage," + String.join(",", more) };
	}

	static ContextConsumer<AssertableApplicationContext> failsWith(String property, String... messages) {
		return (context) -> {
			assertThat(context).hasFailed();
			DicomScuConfigurationException ex = configurationException(context.getStartupFailure());
			assertThat(ex.getInvalidValues()).singleElement().satisfies((invalid) -> {
				assertThat(invalid.property()).isEqualTo(property);
				assertThat(invalid.reason()).contains(messages);
				assertThat(invalid.action()).isNotBlank();
			});
		};
	}

	private static String ownersMessage(ThrowingCallable owner) {
		return catchIllegalArgumentException(owner).getMessage();
	}

	static DicomScuConfigurationException configurationException(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof DicomScuConfigurationException ex) {
				return ex;
			}
		}
		throw new AssertionError("No DicomScuConfigurationException in " + failure, failure);
	}

	static PropertySource<?> yaml(String content) {
		try {
			ByteArrayResource resource = new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8), "test.yml");
			return new YamlPropertySourceLoader().load("test.yml", resource).get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizersConfiguration {

		@Bean
		@Order(2)
		AeTemplateCustomizer addMr() {
			return (builder) -> builder.requestedContexts().add("MRImageStorage");
		}

		@Bean
		@Order(1)
		AeTemplateCustomizer replaceWithCt() {
			return (builder) -> builder.requestedContexts()
				.setAll(List.of(PresentationContext.of("CTImageStorage")), "replaceWithCt");
		}

	}

}
