package io.github.dicomscu.autoconfigure;

import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.AeTemplateCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the DICOM SCU: an
 * {@link AeTemplate} built from the {@code dicom.scu.*} properties and the
 * {@link AeTemplateCustomizer} beans, unless the application defines its own
 * {@link AeOperations}; and, with {@code dicom.scu.storage-scp.enabled=true}, a storage
 * SCP ({@link DicomScp}) that receives instances into
 * {@code dicom.scu.storage-scp.directory}, for example as the destination of a C-MOVE,
 * unless the application defines its own bean named {@code dicomStorageScp} (other
 * {@link DicomScp} beans of the application, serving something else, do not matter). The
 * SCP listens from the start of the application context to its close, lets in the calling
 * AE titles of {@code dicom.scu.storage-scp.allowed-calling-ae-titles} (any when empty)
 * and has the user identity of each association judged by the application's
 * {@link io.github.dicomscu.net.association.UserIdentityVerifier} bean, if it defines
 * one. Every property is mapped and checked once at startup, the storage SCP's (when
 * enabled) with the template's: values that break DICOM rules fail the startup with one
 * {@link DicomScuConfigurationException} naming every property at fault. The
 * {@link ConfiguredRemotes} view of {@code dicom.scu.remotes} is registered whether or
 * not the application defines its own {@link AeOperations}, so that the health
 * contributor and the application can list the remotes.
 */
@AutoConfiguration
@ConditionalOnClass(AeTemplate.class)
@ConditionalOnBooleanProperty(name = "dicom.scu.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DicomScuProperties.class)
@Import({ DicomScuConfigurations.AeTemplateConfiguration.class, DicomScuConfigurations.StorageScpConfiguration.class,
		DicomScuSanitizingConfiguration.class })
public final class DicomScuAutoConfiguration {

	@Bean
	DicomScuSettings dicomScuSettings(DicomScuProperties properties) {
		return new DicomScuSettings(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ConfiguredRemotes configuredRemotes(DicomScuSettings settings) {
		return new ConfiguredRemotes(settings.remotes());
	}

}
