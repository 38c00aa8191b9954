package io.github.dicomscu.autoconfigure;

import io.github.dicomscu.net.association.UserIdentityVerifier;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.AeTemplateCustomizer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configurations {@link DicomScuAutoConfiguration} imports. Their beans start from
 * the {@link DicomScuSettings}, where every property was mapped and checked once.
 */
abstract class DicomScuConfigurations {

	/**
	 * The template, unless the application defines its own {@link AeOperations}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(AeOperations.class)
	static class AeTemplateConfiguration {

		@Bean
		AeTemplate aeTemplate(DicomScuSettings settings, DicomScuProperties properties,
				ObjectProvider<AeTemplateCustomizer> customizers, ObjectProvider<SslBundles> sslBundles) {
			AeTemplate.Builder builder = settings.templateBuilder();
			new TlsBundles(sslBundles.getIfAvailable()).configure(properties, builder);
			customizers.orderedStream().forEach((customizer) -> customize(builder, customizer));
			try {
				return builder.build();
			}
			catch (IllegalStateException ex) {
				throw new DicomScuConfigurationException(null, null, ex.getMessage(),
						"Configure dicom.scu.context-sets or dicom.scu.contexts (or those of the remotes), or add "
								+ "contexts with an AeTemplateCustomizer.",
						ex);
			}
		}

		private static void customize(AeTemplate.Builder builder, AeTemplateCustomizer customizer) {
			try {
				customizer.customize(builder);
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				String name = customizerName(customizer);
				throw new DicomScuConfigurationException(null, null,
						"AeTemplateCustomizer " + name + " failed: " + ex.getMessage(),
						"Fix the customizer " + name + ", or the dicom.scu.* properties it builds on: one association "
								+ "proposes at most 128 presentation contexts, the dicom.scu.* ones included.",
						ex);
			}
		}

		private static String customizerName(AeTemplateCustomizer customizer) {
			String name = customizer.getClass().getName();
			int lambda = name.indexOf("$$Lambda");
			return (lambda >= 0) ? "(a lambda in " + name.substring(0, lambda) + ")" : name;
		}

	}

	/**
	 * The storage SCP and its lifecycle, unless the application defines its own bean of
	 * that name.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("dicom.scu.storage-scp.enabled")
	@ConditionalOnMissingBean(name = StorageScpConfiguration.BEAN_NAME)
	static class StorageScpConfiguration {

		static final String BEAN_NAME = "dicomStorageScp";

		private static final Log logger = LogFactory.getLog(DicomScuAutoConfiguration.class);

		@Bean(BEAN_NAME)
		DicomScp dicomStorageScp(DicomScuSettings settings, DicomScuProperties properties,
				ObjectProvider<UserIdentityVerifier> verifier, ObjectProvider<SslBundles> sslBundles) {
			DicomScp.Builder builder = settings.storageScpBuilder();
			verifier.ifAvailable(builder::userIdentityVerifier);
			new TlsBundles(sslBundles.getIfAvailable()).configure(properties.getStorageScp().getSsl(), builder);
			warnIfOpen(properties.getStorageScp());
			return builder.build();
		}

		/**
		 * Say once when the storage SCP can be reached beyond this machine by anyone:
		 * neither TLS nor an allow-list of calling AE titles.
		 */
		private static void warnIfOpen(DicomScuProperties.StorageScp scp) {
			if (StorageScpBuilderConfigurer.isBeyondLoopback(scp.getBindHost()) && scp.getSsl().getBundle() == null
					&& scp.getAllowedCallingAeTitles().isEmpty()) {
				logger.warn("The DICOM storage SCP listens beyond loopback ("
						+ ((scp.getBindHost() == null || scp.getBindHost().isBlank()) ? "every interface"
								: scp.getBindHost())
						+ ") with neither TLS (dicom.scu.storage-scp.ssl.bundle) nor an allow-list "
						+ "(dicom.scu.storage-scp.allowed-calling-ae-titles): any peer that can reach it may store "
						+ "instances");
			}
		}

		@Bean
		StorageScpLifecycle dicomStorageScpLifecycle(@Qualifier(BEAN_NAME) DicomScp dicomStorageScp,
				DicomScuProperties properties) {
			return new StorageScpLifecycle(dicomStorageScp, properties.getStorageScp());
		}

	}

}
