package io.github.dicomscu.autoconfigure.health;

import java.util.ArrayList;
import java.util.List;

import io.github.dicomscu.autoconfigure.ConfiguredRemotes;
import io.github.dicomscu.autoconfigure.DicomScuAutoConfiguration;
import io.github.dicomscu.autoconfigure.DicomScuProperties;
import io.github.dicomscu.health.DicomHealthIndicator;
import io.github.dicomscu.health.DicomHealthProbes;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.RemoteAe;

import org.springframework.beans.factory.ObjectProvider;
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
 * {@code dicom.scu.remotes.<name>.health.enabled} is {@code false}. The remotes of one
 * health request are echoed in parallel by a {@link DicomHealthProbes} bean, each whole
 * echo bounded by the timeout {@code dicom.scu.health.timeout}, so that remotes that do
 * not answer cost that timeout once. Switched off with
 * {@code management.health.dicom.enabled=false}.
 */
@AutoConfiguration(after = DicomScuAutoConfiguration.class)
@ConditionalOnClass({ AeOperations.class, DicomHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(AeOperations.class)
@ConditionalOnBean({ ConfiguredRemotes.class, DicomScuProperties.class })
@ConditionalOnEnabledHealthIndicator("dicom")
public final class DicomHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<DicomHealthIndicator, RemoteAe> {

	DicomHealthContributorAutoConfiguration(ObjectProvider<DicomHealthProbes> probes) {
		super((remote) -> new DicomHealthIndicator(probes.getObject(), remote));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "dicomHealthIndicator", "dicomHealthContributor" })
	static DicomHealthProbes dicomHealthProbes(AeOperations operations, ConfiguredRemotes configuredRemotes,
			DicomScuProperties properties) {
		List<RemoteAe> remotes = new ArrayList<>();
		configuredRemotes.getRemotes().forEach((name, remote) -> {
			DicomScuProperties.Remote configured = properties.getRemotes().get(name);
			if (configured == null || configured.getHealth().isEnabled()) {
				remotes.add(remote);
			}
		});
		return new DicomHealthProbes(operations, remotes, properties.getHealth().getTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(name = { "dicomHealthIndicator", "dicomHealthContributor" })
	HealthContributor dicomHealthContributor(DicomHealthProbes dicomHealthProbes) {
		return createComposite(dicomHealthProbes.getRemotes());
	}

}
