package io.github.dicomscu.autoconfigure;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Explains a {@link DicomScuConfigurationException}: the property, its value and where it
 * was set, what is wrong with it and how to fix it.
 */
class DicomScuConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<DicomScuConfigurationException> {

	private final Environment environment;

	DicomScuConfigurationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DicomScuConfigurationException cause) {
		StringBuilder description = new StringBuilder("The DICOM SCU configuration is invalid:\n\n");
		if (cause.getProperty() != null) {
			description.append("    Property: ").append(cause.getProperty()).append('\n');
			if (cause.getValue() != null) {
				description.append("    Value: \"").append(cause.getValue()).append("\"\n");
			}
			Origin origin = findOrigin(cause.getProperty());
			if (origin != null) {
				description.append("    Origin: ").append(origin).append('\n');
			}
		}
		description.append("    Reason: ").append(cause.getProblem());
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

	private Origin findOrigin(String property) {
		if (!ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return found.getOrigin();
			}
		}
		return null;
	}

}
