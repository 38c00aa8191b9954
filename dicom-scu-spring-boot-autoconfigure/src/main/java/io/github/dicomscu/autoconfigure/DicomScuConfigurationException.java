package io.github.dicomscu.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * Thrown at startup when the DICOM SCU configuration breaks DICOM rules: one
 * {@link InvalidValue} per property at fault, each naming the property (when one is to
 * blame), the value, what is wrong and how to fix it, so that one startup reports every
 * mistake. Reported by {@link DicomScuConfigurationFailureAnalyzer}.
 */
public class DicomScuConfigurationException extends RuntimeException {

	private final List<InvalidValue> invalidValues;

	/**
	 * Create a new exception for one invalid value.
	 * @param property the property at fault, such as
	 * {@code dicom.scu.contexts[3].abstract-syntax}, or {@code null} if no single
	 * property is
	 * @param value the value at fault, or {@code null}
	 * @param reason what is wrong
	 * @param action how to fix it
	 * @param cause the underlying failure, or {@code null}
	 */
	public DicomScuConfigurationException(String property, Object value, String reason, String action,
			Throwable cause) {
		this(List.of(new InvalidValue(property, value, reason, action)), cause);
	}

	/**
	 * Create a new exception for several invalid values.
	 * @param invalidValues the invalid values, at least one, in the order found
	 * @param cause the underlying failure of the first, or {@code null}
	 */
	public DicomScuConfigurationException(List<InvalidValue> invalidValues, Throwable cause) {
		super(message(invalidValues), cause);
		this.invalidValues = List.copyOf(invalidValues);
	}

	private static String message(List<InvalidValue> invalidValues) {
		Assert.notEmpty(invalidValues, "invalidValues must not be empty");
		return invalidValues.stream().map(InvalidValue::toString).collect(Collectors.joining("; "));
	}

	/**
	 * Return the invalid values, one per property at fault.
	 * @return the invalid values, in the order found
	 */
	public List<InvalidValue> getInvalidValues() {
		return this.invalidValues;
	}

	/**
	 * One value that breaks a rule.
	 *
	 * @param property the property at fault, or {@code null} if no single property is
	 * @param value the value at fault, or {@code null}
	 * @param reason what is wrong
	 * @param action how to fix it
	 */
	public record InvalidValue(String property, Object value, String reason, String action) {

		@Override
		public String toString() {
			if (this.property == null) {
				return this.reason;
			}
			return this.property + ((this.value != null) ? " = '" + this.value + "'" : "") + ": " + this.reason;
		}

	}

}
