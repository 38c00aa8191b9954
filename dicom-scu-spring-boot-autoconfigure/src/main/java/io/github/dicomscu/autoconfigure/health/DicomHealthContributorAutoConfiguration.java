package io.github.dicomscu.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dicomscu.autoconfigure.ConfiguredRemotes;
import io.github.dicomscu.autoconfigure.DicomScuAutoConfiguration;
import io.github.dicomscu.autoconfigure.DicomScuProperties;
import io.github.dicomscu.health.DicomHealthIndicator;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.RemoteAe;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link DicomHealthIndicator}: a
 * health contributor {@code dicom} with one entry per {@link ConfiguredRemotes configured
 * remote}, checked with C-ECHO through the {@link AeOperations} bean (the auto-configured
 * template or the application's own), except the remotes whose
 * {@code dicom.scu.remotes.<name>.health.enabled} is {@code false}. Each check runs with
 * the timeout {@code dicom.scu.health.timeout}. Switched off with
 * {@code management.health.dicom.enabled=false}.
 */
@AutoConfiguration(after = DicomScuAutoConfiguration.class)
@ConditionalOnClass({ AeOperations.class, DicomHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(AeOperations.class)
@ConditionalOnBean({ ConfiguredRemotes.class, DicomScuProperties.class })
@ConditionalOnEnabledHealthIndicator("dicom")
public final class DicomHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<DicomHealthIndicator, RemoteAe> {

	private final DicomScuProperties properties;

	DicomHealthContributorAutoConfiguration(AeOperations operations, DicomScuProperties properties) {
		super((remote) -> new DicomHealthIndicator(operations, remote, properties.getHealth().getTimeout()));
		this.properties = properties;
	}

	@Bean
	@ConditionalOnMissingBean(name = { "dicomHealthIndicator", "dicomHealthContributor" })
	HealthContributor dicomHealthContributor(ConfiguredRemotes configuredRemotes) {
		Map<String, RemoteAe> remotes = new LinkedHashMap<>();
		configuredRemotes.getRemotes().forEach((name, remote) -> {
			DicomScuProperties.Remote configured = this.properties.getRemotes().get(name);
			if (configured == null || configured.getHealth().isEnabled()) {
				remotes.put(name, remote);
			}
		});
		return createComposite(remotes);
	}

}
