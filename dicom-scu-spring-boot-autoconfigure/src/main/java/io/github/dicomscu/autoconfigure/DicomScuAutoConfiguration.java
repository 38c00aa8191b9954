package io.github.dicomscu.autoconfigure;

import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.AeTemplateCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the DICOM SCU: an {@link AeTemplate}
 * built from the {@code dicom.scu.*} properties and the {@link AeTemplateCustomizer} beans,
 * unless the application defines its own {@link AeOperations}; and, with
 * {@code dicom.scu.storage-scp.enabled=true}, a storage SCP ({@link DicomScp}) that receives
 * instances into {@code dicom.scu.storage-scp.directory}, for example as the destination of a
 * C-MOVE, unless the application defines its own bean named {@code dicomStorageScp} (other
 * {@link DicomScp} beans of the application, serving something else, do not matter). The SCP
 * listens from the
 * start of the application context to its close. Every property is checked at startup, the
 * storage SCP's (when enabled) with the template's: values that break DICOM rules fail the
 * startup with one {@link DicomScuConfigurationException} naming every property at fault.
 */
@AutoConfiguration
@ConditionalOnClass(AeTemplate.class)
@ConditionalOnBooleanProperty(name = "dicom.scu.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DicomScuProperties.class)
public final class DicomScuAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AeOperations.class)
	AeTemplate aeTemplate(DicomScuProperties properties, ObjectProvider<AeTemplateCustomizer> customizers) {
		AeTemplate.Builder builder = AeTemplate.builder();
		InvalidValues invalid = new InvalidValues();
		new AeTemplateBuilderConfigurer(properties).configure(builder, invalid);
		if (properties.getStorageScp().isEnabled()) {
			new StorageScpBuilderConfigurer(properties).configure(DicomScp.builder(), invalid);
		}
		invalid.throwIfAny();
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
			throw new DicomScuConfigurationException(null, null, "AeTemplateCustomizer " + name + " failed: "
					+ ex.getMessage(),
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("dicom.scu.storage-scp.enabled")
	@ConditionalOnMissingBean(name = StorageScpConfiguration.BEAN_NAME)
	static class StorageScpConfiguration {

		static final String BEAN_NAME = "dicomStorageScp";

		@Bean(BEAN_NAME)
		DicomScp dicomStorageScp(DicomScuProperties properties) {
			InvalidValues invalid = new InvalidValues();
			DicomScp.Builder builder = new StorageScpBuilderConfigurer(properties).configure(DicomScp.builder(),
					invalid);
			invalid.throwIfAny();
			return builder.build();
		}

		@Bean
		StorageScpLifecycle dicomStorageScpLifecycle(@Qualifier(BEAN_NAME) DicomScp dicomStorageScp,
				DicomScuProperties properties) {
			return new StorageScpLifecycle(dicomStorageScp, properties.getStorageScp());
		}

	}

}
