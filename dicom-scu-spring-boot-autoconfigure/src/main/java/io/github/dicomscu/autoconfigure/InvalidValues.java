package io.github.dicomscu.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.dicomscu.autoconfigure.DicomScuConfigurationException.InvalidValue;

/**
 * Collects the invalid values found while the properties are mapped, so that one startup
 * reports all of them. The rule a value breaks is checked by its owner in the engine or
 * the library, which throws an {@link IllegalArgumentException} naming no property; this
 * wraps that error once with the property and its value. One entry is kept per property.
 */
final class InvalidValues {

	private final Map<String, InvalidValue> values = new LinkedHashMap<>();

	private final List<Throwable> causes = new ArrayList<>();

	/**
	 * Map a property value with its owner's check.
	 * @param <T> the type of the mapped value
	 * @param property the property
	 * @param value the property value
	 * @param owner checks the value and returns what it maps to
	 * @param action how to fix a value the owner rejects
	 * @return the mapped value, or {@code null} if the owner rejected it
	 */
	<T> T map(String property, Object value, Supplier<T> owner, String action) {
		try {
			return owner.get();
		}
		catch (IllegalArgumentException ex) {
			add(new InvalidValue(property, value, ex.getMessage(), action), ex);
			return null;
		}
	}

	/**
	 * Apply a property value to a setter that checks it with its owner.
	 * @param <T> the type of the value
	 * @param property the property
	 * @param value the property value
	 * @param setter the setter
	 * @param action how to fix a value the setter rejects
	 */
	<T> void apply(String property, T value, Consumer<T> setter, String action) {
		map(property, value, () -> {
			setter.accept(value);
			return value;
		}, action);
	}

	/**
	 * Run a mapping that reports its invalid values as a
	 * {@link DicomScuConfigurationException}.
	 * @param <T> the type of the mapped value
	 * @param mapping the mapping
	 * @return the mapped value, or {@code null} if the mapping found an invalid value
	 */
	<T> T check(Supplier<T> mapping) {
		try {
			return mapping.get();
		}
		catch (DicomScuConfigurationException ex) {
			ex.getInvalidValues().forEach((invalid) -> add(invalid, ex.getCause()));
			return null;
		}
	}

	/**
	 * Add an invalid value found by a rule of the configuration itself (such as a
	 * property that another one requires).
	 * @param property the property at fault, or {@code null} if no single property is
	 * @param value the value at fault, or {@code null}
	 * @param reason what is wrong
	 * @param action how to fix it
	 * @param cause the underlying failure, or {@code null}
	 */
	void add(String property, Object value, String reason, String action, Throwable cause) {
		add(new InvalidValue(property, value, reason, action), cause);
	}

	private void add(InvalidValue invalid, Throwable cause) {
		String key = (invalid.property() != null) ? invalid.property() : invalid.reason();
		if (this.values.putIfAbsent(key, invalid) == null && cause != null) {
			this.causes.add(cause);
		}
	}

	/**
	 * Throw every invalid value collected, if any, as one exception.
	 * @throws DicomScuConfigurationException if a value is invalid
	 */
	void throwIfAny() {
		if (this.values.isEmpty()) {
			return;
		}
		DicomScuConfigurationException ex = new DicomScuConfigurationException(List.copyOf(this.values.values()),
				this.causes.isEmpty() ? null : this.causes.get(0));
		this.causes.stream().skip(1).forEach(ex::addSuppressed);
		throw ex;
	}

}
