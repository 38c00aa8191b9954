package io.github.dicomscu.net.pdu;

import java.util.Arrays;
import java.util.Locale;

/**
 * The constants of a {@link PduCode} enum indexed by their code, built once per enum, so
 * that finding the constant for a code read from a peer takes one array access.
 *
 * @param <E> the enum type
 */
final class PduCodeTable<E extends Enum<E> & PduCode> {

	private static final int MAXIMUM_CODE = 0xFF;

	private final E[] byCode;

	/**
	 * Create a table.
	 * @param constants all constants of the enum, from its {@code values()}
	 * @throws IllegalArgumentException if a code does not fit in a byte or two constants
	 * share a code
	 */
	PduCodeTable(E[] constants) {
		int size = 0;
		for (E constant : constants) {
			if (constant.code() < 0 || constant.code() > MAXIMUM_CODE) {
				throw new IllegalArgumentException(
						"Code " + constant.code() + " of " + constant.name() + " does not fit in a byte");
			}
			size = Math.max(size, constant.code() + 1);
		}
		E[] table = Arrays.copyOf(constants, size);
		Arrays.fill(table, null);
		for (E constant : constants) {
			E other = table[constant.code()];
			if (other != null) {
				throw new IllegalArgumentException(
						other.name() + " and " + constant.name() + " share the code " + constant.code());
			}
			table[constant.code()] = constant;
		}
		this.byCode = table;
	}

	/**
	 * Return the constant for a code.
	 * @param code the field value
	 * @return the constant, or {@code null} if no constant has the code
	 */
	E find(int code) {
		return (code >= 0 && code < this.byCode.length) ? this.byCode[code] : null;
	}

	/**
	 * Return the constant for a code, which must be defined.
	 * @param code the field value
	 * @param unknownMessage the message of the exception for an undefined code, a
	 * {@link String#format format} whose only argument is the code
	 * @return the constant
	 * @throws IllegalArgumentException if no constant has the code
	 */
	E of(int code, String unknownMessage) {
		E constant = find(code);
		if (constant == null) {
			throw new IllegalArgumentException(String.format(Locale.ROOT, unknownMessage, code));
		}
		return constant;
	}

}
