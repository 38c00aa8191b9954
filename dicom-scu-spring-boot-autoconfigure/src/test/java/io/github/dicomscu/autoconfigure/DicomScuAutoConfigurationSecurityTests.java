package io.github.dicomscu.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dicomscu.net.association.UserIdentityVerifier;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.UserIdentityAc;
import io.github.dicomscu.net.pdu.UserIdentityRq;
import io.github.dicomscu.net.pdu.UserIdentityType;
import io.github.dicomscu.net.peer.DcmtkPeer;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.AssociationRejectedException;
import io.github.dicomscu.scu.RemoteAe;
import io.github.dicomscu.scu.UserIdentityNotConfirmedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static io.github.dicomscu.autoconfigure.DicomScuAutoConfigurationTests.configurationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for user identity ({@code dicom.scu.remotes.<name>.user-identity.*}) and access
 * control ({@code dicom.scu.storage-scp.allowed-calling-ae-titles}, a
 * {@link UserIdentityVerifier} bean) of {@link DicomScuAutoConfiguration}, and for the
 * masking of credentials.
 */
class DicomScuAutoConfigurationSecurityTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DicomScuAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void userIdentityOfARemoteReachesTheVerifierOfTheStorageScp() {
		int port = DcmtkPeer.freePort();
		AtomicReference<UserIdentityRq> verified = new AtomicReference<>();
		UserIdentityVerifier verifier = (callingAeTitle, identity) -> {
			verified.set(identity);
			return (identity != null && "s3cret".equals(new String(identity.secondaryField(), StandardCharsets.UTF_8)))
					? Optional.of(new UserIdentityAc(new byte[0])) : Optional.empty();
		};
		this.contextRunner.withBean(UserIdentityVerifier.class, () -> verifier)
			.withPropertyValues(selfProperties(port))
			.withPropertyValues("dicom.scu.remotes.self.user-identity.type=username-passcode",
					"dicom.scu.remotes.self.user-identity.username=alice",
					"dicom.scu.remotes.self.user-identity.passcode=s3cret",
					"dicom.scu.remotes.self.user-identity.positive-response-requested=true",
					"dicom.scu.remotes.intruder.host=127.0.0.1", "dicom.scu.remotes.intruder.port=" + port,
					"dicom.scu.remotes.intruder.ae-title=MOVESCP",
					"dicom.scu.remotes.intruder.user-identity.type=username-passcode",
					"dicom.scu.remotes.intruder.user-identity.username=alice",
					"dicom.scu.remotes.intruder.user-identity.passcode=guess")
			.run((context) -> {
				AeOperations dicom = context.getBean(AeOperations.class);
				assertThat(dicom.echo("self").isSuccess()).isTrue();
				assertThat(verified.get()).isEqualTo(UserIdentityRq.usernameAndPasscode("alice", "s3cret", true));
				AssociationRejectedException ex = catchThrowableOfType(AssociationRejectedException.class,
						() -> dicom.echo("intruder"));
				assertThat(ex.getReason()).isEqualTo(RejectReason.NO_REASON_GIVEN);
				RemoteAe self = context.getBean(AeTemplate.class).getRemotes().get("self");
				assertThat(self.userIdentity().type()).isEqualTo(UserIdentityType.USERNAME_AND_PASSCODE);
				assertThat(self.toString() + self.userIdentity() + ex.getMessage()).doesNotContain("s3cret")
					.doesNotContain("guess");
			});
	}

	@Test
	void missingPositiveResponseFailsTheOperationWithATypedException() {
		DcmtkPeer.require("storescp");
		try (DcmtkPeer storescp = DcmtkPeer.startServer("storescp", "--aetitle", "STORESCP", "--output-directory",
				this.temp.toString())) {
			this.contextRunner
				.withPropertyValues("dicom.scu.remotes.dcmtk.host=127.0.0.1",
						"dicom.scu.remotes.dcmtk.port=" + storescp.port(), "dicom.scu.remotes.dcmtk.ae-title=STORESCP",
						"dicom.scu.remotes.dcmtk.user-identity.type=saml",
						"dicom.scu.remotes.dcmtk.user-identity.token=<saml:Assertion>SECRET</saml:Assertion>",
						"dicom.scu.remotes.dcmtk.user-identity.positive-response-requested=true")
				.run((context) -> {
					UserIdentityNotConfirmedException ex = catchThrowableOfType(UserIdentityNotConfirmedException.class,
							() -> context.getBean(AeOperations.class).echo("dcmtk"));
					assertThat(ex.getIdentityType()).isEqualTo(UserIdentityType.SAML);
					assertThat(ex.getRemote()).isEqualTo("dcmtk");
					assertThat(ex.isTransient()).isFalse();
					assertThat(ex.getMessage()).contains("SAML assertion").doesNotContain("SECRET");
				});
		}
	}

	@Test
	void tokenIdentitiesAreMappedByType() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.a.host=a", "dicom.scu.remotes.a.user-identity.type=jwt",
					"dicom.scu.remotes.a.user-identity.token=eyJ.e30.", "dicom.scu.remotes.b.host=b",
					"dicom.scu.remotes.b.user-identity.type=Kerberos", "dicom.scu.remotes.b.user-identity.token=AQID",
					"dicom.scu.remotes.c.host=c", "dicom.scu.remotes.c.user-identity.type=username",
					"dicom.scu.remotes.c.user-identity.username=bob", "dicom.scu.remotes.d.host=d")
			.run((context) -> {
				Map<String, RemoteAe> remotes = context.getBean(AeTemplate.class).getRemotes();
				assertThat(remotes.get("a").userIdentity())
					.isEqualTo(UserIdentityRq.of(UserIdentityType.JWT, null, null, "eyJ.e30.".getBytes(), false));
				assertThat(remotes.get("b").userIdentity().primaryField()).containsExactly(1, 2, 3);
				assertThat(remotes.get("c").userIdentity()).isEqualTo(UserIdentityRq.username("bob", false));
				assertThat(remotes.get("d").userIdentity()).isNull();
			});
	}

	@Test
	void invalidUserIdentitiesAreReportedTogetherWithoutTheirSecrets() {
		this.contextRunner
			.withPropertyValues("dicom.scu.remotes.a.host=a",
					"dicom.scu.remotes.a.user-identity.type=username-passcode",
					"dicom.scu.remotes.a.user-identity.username=alice", "dicom.scu.remotes.b.host=b",
					"dicom.scu.remotes.b.user-identity.type=jwt", "dicom.scu.remotes.c.host=c",
					"dicom.scu.remotes.c.user-identity.type=oauth", "dicom.scu.remotes.d.host=d",
					"dicom.scu.remotes.d.user-identity.type=kerberos",
					"dicom.scu.remotes.d.user-identity.token=not base64 TOPSECRET", "dicom.scu.remotes.e.host=e",
					"dicom.scu.remotes.e.user-identity.type=username", "dicom.scu.remotes.e.user-identity.username=bob",
					"dicom.scu.remotes.e.user-identity.passcode=s3cret", "dicom.scu.remotes.f.host=f",
					"dicom.scu.remotes.f.user-identity.token=ORPHANSECRET", "dicom.scu.storage-scp.enabled=true",
					"dicom.scu.storage-scp.directory=" + this.temp,
					"dicom.scu.storage-scp.allowed-calling-ae-titles=MODALITY,SEVENTEEN_CHARS_X")
			.run((context) -> {
				DicomScuConfigurationException ex = configurationException(context.getStartupFailure());
				Map<String, String> reasons = new java.util.LinkedHashMap<>();
				ex.getInvalidValues().forEach((invalid) -> reasons.put(invalid.property(), invalid.reason()));
				assertThat(reasons).containsOnlyKeys("dicom.scu.remotes.a.user-identity",
						"dicom.scu.remotes.b.user-identity", "dicom.scu.remotes.c.user-identity.type",
						"dicom.scu.remotes.d.user-identity.token", "dicom.scu.remotes.e.user-identity",
						"dicom.scu.remotes.f.user-identity.type", "dicom.scu.storage-scp.allowed-calling-ae-titles");
				assertThat(reasons.get("dicom.scu.remotes.a.user-identity"))
					.isEqualTo("A username and passcode user identity needs a passcode");
				assertThat(reasons.get("dicom.scu.remotes.b.user-identity"))
					.isEqualTo("A JSON web token user identity needs a token");
				assertThat(reasons.get("dicom.scu.remotes.e.user-identity"))
					.isEqualTo("A username user identity takes no passcode");
				assertThat(ex.getMessage() + ex.getInvalidValues()).doesNotContain("s3cret")
					.doesNotContain("TOPSECRET")
					.doesNotContain("ORPHANSECRET");
			});
	}

	@Test
	void callingAeTitleOutsideTheAllowListIsRejected() {
		int port = DcmtkPeer.freePort();
		this.contextRunner.withPropertyValues(selfProperties(port))
			.withPropertyValues("dicom.scu.ae-title=MYSCU", "dicom.scu.storage-scp.allowed-calling-ae-titles=MODALITY")
			.run((context) -> {
				AssociationRejectedException ex = catchThrowableOfType(AssociationRejectedException.class,
						() -> context.getBean(AeOperations.class).echo("self"));
				assertThat(ex.getReason()).isEqualTo(RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED);
			});
		this.contextRunner.withPropertyValues(selfProperties(port))
			.withPropertyValues("dicom.scu.ae-title=MYSCU",
					"dicom.scu.storage-scp.allowed-calling-ae-titles=MODALITY,MYSCU")
			.run((context) -> assertThat(context.getBean(AeOperations.class).echo("self").isSuccess()).isTrue());
	}

	@Test
	void passcodesAndTokensAreMaskedByTheConfigpropsEndpointEvenWhenValuesAreShown() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.configprops.show-values=always",
					"management.endpoints.web.exposure.include=configprops", "dicom.scu.remotes.pacs.host=pacs",
					"dicom.scu.remotes.pacs.user-identity.type=username-passcode",
					"dicom.scu.remotes.pacs.user-identity.username=alice",
					"dicom.scu.remotes.pacs.user-identity.passcode=s3cret", "dicom.scu.remotes.cloud.host=cloud",
					"dicom.scu.remotes.cloud.user-identity.type=jwt",
					"dicom.scu.remotes.cloud.user-identity.token=eyJTOKEN")
			.run((context) -> {
				String report = context.getBean(ConfigurationPropertiesReportEndpoint.class)
					.configurationProperties()
					.getContexts()
					.values()
					.stream()
					.flatMap((descriptor) -> descriptor.getBeans().values().stream())
					.filter((bean) -> "dicom.scu".equals(bean.getPrefix()))
					.map((bean) -> bean.getProperties().toString())
					.findFirst()
					.orElseThrow();
				assertThat(report).contains("username=alice").contains("passcode=******").contains("token=******");
				assertThat(report).doesNotContain("s3cret").doesNotContain("eyJTOKEN");
			});
	}

	@Test
	void credentialsGivenAsEnvironmentVariablesOrInBracketsAreMasked() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("DICOM_SCU_REMOTES_CLOUD_USERIDENTITY_TOKEN", "t0ken",
								"DICOM_SCU_REMOTES_PACS_USER_IDENTITY_PASSCODE", "s3cret",
								"DICOM_SCU_REMOTES_PACS_USERIDENTITY_USERNAME", "alice"))))
			.withPropertyValues("management.endpoint.env.show-values=always",
					"management.endpoints.web.exposure.include=env", "dicom.scu.remotes.cloud.host=cloud",
					"dicom.scu.remotes.cloud.user-identity.type=jwt", "dicom.scu.remotes.pacs.host=pacs",
					"dicom.scu.remotes.pacs.user-identity.type=username-passcode", "dicom.scu.remotes.ris.host=ris",
					"dicom.scu.remotes.ris.user-identity.type=username-passcode",
					"dicom.scu.remotes.ris.user-identity.username=bob",
					"dicom.scu.remotes[ris].user-identity.passcode=r1s")
			.run((context) -> {
				Map<String, Object> values = new HashMap<>();
				context.getBean(EnvironmentEndpoint.class)
					.environment(null)
					.getPropertySources()
					.forEach((source) -> source.getProperties()
						.forEach((key, value) -> values.put(key, value.getValue())));
				assertThat(values).containsEntry("DICOM_SCU_REMOTES_CLOUD_USERIDENTITY_TOKEN", "******")
					.containsEntry("DICOM_SCU_REMOTES_PACS_USER_IDENTITY_PASSCODE", "******")
					.containsEntry("dicom.scu.remotes[ris].user-identity.passcode", "******")
					.containsEntry("DICOM_SCU_REMOTES_PACS_USERIDENTITY_USERNAME", "alice");
			});
		assertThat(DicomScuSanitizingConfiguration.isCredential("dicom.scu.remotes.pacs.userIdentity.token")).isTrue();
		assertThat(DicomScuSanitizingConfiguration.isCredential("dicom.scu.remotes.pacs.user-identity.username"))
			.isFalse();
	}

	@Test
	void passcodesAreMaskedByTheEnvEndpointEvenWhenValuesAreShown() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.env.show-values=always",
					"management.endpoints.web.exposure.include=env", "dicom.scu.remotes.pacs.host=pacs",
					"dicom.scu.remotes.pacs.user-identity.type=username-passcode",
					"dicom.scu.remotes.pacs.user-identity.username=alice",
					"dicom.scu.remotes.pacs.user-identity.passcode=s3cret")
			.run((context) -> {
				EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
				assertThat(
						env.environmentEntry("dicom.scu.remotes.pacs.user-identity.passcode").getProperty().getValue())
					.isEqualTo("******");
				assertThat(
						env.environmentEntry("dicom.scu.remotes.pacs.user-identity.username").getProperty().getValue())
					.isEqualTo("alice");
			});
	}

	@Test
	void storageScpListensBeyondLoopbackUnlessBoundToALoopbackAddress() {
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback(null)).isTrue();
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback(" ")).isTrue();
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback("0.0.0.0")).isTrue();
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback("::")).isTrue();
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback("192.0.2.10")).isTrue();
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback("127.0.0.1")).isFalse();
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback("127.0.0.2")).isFalse();
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback("::1")).isFalse();
		assertThat(StorageScpBuilderConfigurer.isBeyondLoopback(" localhost ")).isFalse();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void storageScpOpenToAnyoneBeyondLoopbackIsSaidOnceAtWarn(CapturedOutput output) {
		String warning = "The DICOM storage SCP listens beyond loopback";
		String directory = "dicom.scu.storage-scp.directory=" + this.temp.resolve("open");
		this.contextRunner
			.withPropertyValues("dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.port=0", directory)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().split(warning, -1)).as("one WARN for every interface").hasSize(2);
		assertThat(output.getOut()).contains(warning + " (every interface) with neither TLS");
		int before = output.getOut().length();
		this.contextRunner
			.withPropertyValues("dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.port=0", directory,
					"dicom.scu.storage-scp.allowed-calling-ae-titles=MODALITY")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.port=0", directory,
					"dicom.scu.storage-scp.bind-host=127.0.0.1")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().substring(before)).as("allow-list or loopback: no WARN").doesNotContain(warning);
	}

	private String[] selfProperties(int port) {
		return new String[] { "dicom.scu.storage-scp.enabled=true", "dicom.scu.storage-scp.ae-title=MOVESCP",
				"dicom.scu.storage-scp.port=" + port, "dicom.scu.storage-scp.bind-host=127.0.0.1",
				"dicom.scu.storage-scp.directory=" + this.temp.resolve("received"),
				"dicom.scu.remotes.self.host=127.0.0.1", "dicom.scu.remotes.self.port=" + port,
				"dicom.scu.remotes.self.ae-title=MOVESCP" };
	}

}
