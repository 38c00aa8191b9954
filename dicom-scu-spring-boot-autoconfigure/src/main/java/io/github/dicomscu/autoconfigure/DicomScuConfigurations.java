package io.github.dicomscu.autoconfigure;

import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.AeTemplateCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configurations {@link DicomScuAutoConfiguration} imports. Every bean that maps
 * properties first checks them all ({@link #configureAll}), so that one startup reports
 * every invalid value, whichever of these beans the application needs first.
 */
abstract class DicomScuConfigurations {

	/**
	 * The template, unless the application defines its own {@link AeOperations}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(AeOperations.class)
	static class AeTemplateConfiguration {

		@Bean
		AeTemplate aeTemplate(DicomScuProperties properties, ObjectProvider<AeTemplateCustomizer> customizers,
				ObjectProvider<SslBundles> sslBundles) {
			AeTemplate.Builder builder = AeTemplate.builder();
			configureAll(properties, builder);
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

		@Bean(BEAN_NAME)
		DicomScp dicomStorageScp(DicomScuProperties properties, ObjectProvider<SslBundles> sslBundles) {
			configureAll(properties, AeTemplate.builder());
			InvalidValues invalid = new InvalidValues();
			DicomScp.Builder builder = new StorageScpBuilderConfigurer(properties).configure(DicomScp.builder(),
					invalid);
			invalid.throwIfAny();
			new TlsBundles(sslBundles.getIfAvailable()).configure(properties.getStorageScp().getSsl(), builder);
			return builder.build();
		}

		@Bean
		StorageScpLifecycle dicomStorageScpLifecycle(@Qualifier(BEAN_NAME) DicomScp dicomStorageScp,
				DicomScuProperties properties) {
			return new StorageScpLifecycle(dicomStorageScp, properties.getStorageScp());
		}

	}

	/**
	 * Map every {@code dicom.scu} property onto a template builder and, when the storage
	 * SCP is enabled, onto a storage SCP builder, and fail with one exception that names
	 * every invalid value. Each bean that maps properties calls it first, so that the
	 * first of them to be created reports them all, whatever the order of creation.
	 * @param properties the properties
	 * @param template the template builder to configure
	 * @throws DicomScuConfigurationException if any value is invalid
	 */
	static void configureAll(DicomScuProperties properties, AeTemplate.Builder template) {
		InvalidValues invalid = new InvalidValues();
		new AeTemplateBuilderConfigurer(properties).configure(template, invalid);
		if (properties.getStorageScp().isEnabled()) {
			new StorageScpBuilderConfigurer(properties).configure(DicomScp.builder(), invalid);
		}
		invalid.throwIfAny();
	}

}
