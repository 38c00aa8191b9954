package io.github.dicomscu.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dicomscu.autoconfigure.DicomScuAutoConfiguration;
import io.github.dicomscu.autoconfigure.DicomScuProperties;
import io.github.dicomscu.health.DicomHealthIndicator;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.RemoteAe;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link DicomHealthIndicator}: a
 * health contributor {@code dicom} with one entry per remote AE of the {@link AeTemplate},
 * except the remotes whose {@code dicom.scu.remotes.<name>.health.enabled} is {@code false}.
 * Each check runs with the timeout {@code dicom.scu.health.timeout}. Switched off with
 * {@code management.health.dicom.enabled=false}.
 */
@AutoConfiguration(after = DicomScuAutoConfiguration.class)
@ConditionalOnClass({ AeTemplate.class, DicomHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ AeTemplate.class, DicomScuProperties.class })
@ConditionalOnEnabledHealthIndicator("dicom")
public final class DicomHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<DicomHealthIndicator, RemoteAe> {

	private final DicomScuProperties properties;

	DicomHealthContributorAutoConfiguration(AeTemplate template, DicomScuProperties properties) {
		super((remote) -> new DicomHealthIndicator(template, remote, properties.getHealth().getTimeout()));
		this.properties = properties;
	}

	@Bean
	@ConditionalOnMissingBean(name = { "dicomHealthIndicator", "dicomHealthContributor" })
	HealthContributor dicomHealthContributor(AeTemplate template) {
		Map<String, RemoteAe> remotes = new LinkedHashMap<>();
		template.getRemotes().forEach((name, remote) -> {
			DicomScuProperties.Remote configured = this.properties.getRemotes().get(name);
			if (configured == null || configured.getHealth().isEnabled()) {
				remotes.put(name, remote);
			}
		});
		return createComposite(remotes);
	}

}
