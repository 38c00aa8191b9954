package io.github.dicomscu.autoconfigure;

/**
 * Thrown at startup when the DICOM SCU configuration breaks a DICOM rule: it names the
 * property (when one is to blame), the value, what is wrong and how to fix it. Reported by
 * {@link DicomScuConfigurationFailureAnalyzer}.
 */
public class DicomScuConfigurationException extends RuntimeException {

	private final String property;

	private final Object value;

	private final String problem;

	private final String action;

	/**
	 * Create a new exception.
	 * @param property the property at fault, such as {@code dicom.scu.contexts[3].abstract-syntax},
	 * or {@code null} if no single property is
	 * @param value the value at fault, or {@code null}
	 * @param problem what is wrong
	 * @param action how to fix it
	 * @param cause the underlying failure, or {@code null}
	 */
	public DicomScuConfigurationException(String property, Object value, String problem, String action,
			Throwable cause) {
		super(message(property, value, problem), cause);
		this.property = property;
		this.value = value;
		this.problem = problem;
		this.action = action;
	}

	private static String message(String property, Object value, String problem) {
		if (property == null) {
			return problem;
		}
		return property + ((value != null) ? " = '" + value + "'" : "") + ": " + problem;
	}

	/**
	 * Return the property at fault.
	 * @return the property name, or {@code null} if no single property is at fault
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the value at fault.
	 * @return the value, or {@code null}
	 */
	public Object getValue() {
		return this.value;
	}

	/**
	 * Return what is wrong.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * Return how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
