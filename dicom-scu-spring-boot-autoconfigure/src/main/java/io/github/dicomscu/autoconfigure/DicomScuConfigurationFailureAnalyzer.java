package io.github.dicomscu.autoconfigure;

import java.util.List;

import io.github.dicomscu.autoconfigure.DicomScuConfigurationException.InvalidValue;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Explains a {@link DicomScuConfigurationException}: for each invalid value, the
 * property, its value and where it was set, and what is wrong with it; then how to fix
 * them.
 */
class DicomScuConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<DicomScuConfigurationException> {

	private final Environment environment;

	DicomScuConfigurationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DicomScuConfigurationException cause) {
		List<InvalidValue> invalidValues = cause.getInvalidValues();
		StringBuilder description = new StringBuilder("The DICOM SCU configuration is invalid:\n");
		for (InvalidValue invalid : invalidValues) {
			description.append('\n');
			describe(invalid, description);
		}
		description.setLength(description.length() - 1);
		return new FailureAnalysis(description.toString(), action(invalidValues), cause);
	}

	private void describe(InvalidValue invalid, StringBuilder description) {
		if (invalid.property() != null) {
			description.append("    Property: ").append(invalid.property()).append('\n');
			if (invalid.value() != null) {
				description.append("    Value: \"").append(invalid.value()).append("\"\n");
			}
			Origin origin = findOrigin(invalid.property());
			if (origin != null) {
				description.append("    Origin: ").append(origin).append('\n');
			}
		}
		description.append("    Reason: ").append(invalid.reason()).append('\n');
	}

	private static String action(List<InvalidValue> invalidValues) {
		if (invalidValues.size() == 1) {
			return invalidValues.get(0).action();
		}
		StringBuilder action = new StringBuilder("Fix each of the " + invalidValues.size() + " values:\n");
		for (InvalidValue invalid : invalidValues) {
			action.append("\n    ");
			if (invalid.property() != null) {
				action.append(invalid.property()).append(": ");
			}
			action.append(invalid.action());
		}
		return action.toString();
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
