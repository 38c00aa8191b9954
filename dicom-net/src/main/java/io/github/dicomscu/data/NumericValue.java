package io.github.dicomscu.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Conversions between numbers and the little endian bytes of binary VRs, and the text
 * forms of IS and DS (PS3.5 Table 6.2-1).
 */
final class NumericValue {

	private static final int MAX_DECIMAL_STRING = 16;

	private NumericValue() {
	}

	/**
	 * Return the size of one number of a binary VR, the unit in which big endian values
	 * are swapped.
	 * @param vr the VR
	 * @return 2, 4 or 8; 1 for VRs whose bytes are never swapped (OB, UN and strings)
	 */
	static int unitSize(VR vr) {
		return switch (vr) {
			case OW, US, SS, AT -> 2;
			case UL, SL, FL, OF, OL -> 4;
			case FD, OD, OV, SV, UV -> 8;
			default -> 1;
		};
	}

	/**
	 * Reverse the byte order of each unit in a range of an array.
	 * @param bytes the array
	 * @param offset the first byte of the range
	 * @param length the length of the range; a trailing partial unit is left alone
	 * @param unit the unit size, 1 for no swapping
	 */
	static void swap(byte[] bytes, int offset, int length, int unit) {
		if (unit == 1) {
			return;
		}
		int end = offset + length - (length % unit);
		for (int start = offset; start < end; start += unit) {
			for (int low = start, high = start + unit - 1; low < high; low++, high--) {
				byte swapped = bytes[low];
				bytes[low] = bytes[high];
				bytes[high] = swapped;
			}
		}
	}

	/**
	 * Return whether values of the VR convert to integers with {@link #toLongs}.
	 * @param vr the VR
	 * @return {@code true} for the integer binary VRs
	 */
	static boolean isInteger(VR vr) {
		return switch (vr) {
			case US, SS, UL, SL, SV, UV, AT, OB, OW, OL, OV -> true;
			default -> false;
		};
	}

	/**
	 * Return whether values of the VR convert to numbers with {@link #toDoubles}.
	 * @param vr the VR
	 * @return {@code true} for the binary number VRs
	 */
	static boolean isNumber(VR vr) {
		return isInteger(vr) || vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD;
	}

	/**
	 * Decode the integers of a binary value. Unsigned VRs give non-negative results; an
	 * AT value gives tags.
	 * @param vr an integer VR
	 * @param value the little endian bytes
	 * @return the integers
	 * @throws ArithmeticException if a UV or OV value does not fit a signed long
	 */
	static long[] toLongs(VR vr, byte[] value) {
		ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
		int unit = (vr == VR.AT) ? 4 : unitSize(vr);
		long[] numbers = new long[value.length / unit];
		for (int i = 0; i < numbers.length; i++) {
			int at = i * unit;
			numbers[i] = switch (vr) {
				case OB -> value[at] & 0xFF;
				case US, OW -> buffer.getShort(at) & 0xFFFF;
				case SS -> buffer.getShort(at);
				case UL, OL -> buffer.getInt(at) & 0xFFFFFFFFL;
				case SL -> buffer.getInt(at);
				case AT -> Tag.of(buffer.getShort(at) & 0xFFFF, buffer.getShort(at + 2) & 0xFFFF);
				case UV, OV -> unsigned(buffer.getLong(at));
				default -> buffer.getLong(at);
			};
		}
		return numbers;
	}

	private static long unsigned(long value) {
		if (value < 0) {
			throw new ArithmeticException(Long.toUnsignedString(value) + " does not fit a signed 64-bit integer");
		}
		return value;
	}

	/**
	 * Format the numbers of a binary value: integers in decimal (UV and OV unsigned), FL
	 * and FD as Java formats float and double, AT as {@code (gggg,eeee)}.
	 * @param vr a number VR or AT
	 * @param value the little endian bytes
	 * @return the numbers as text
	 */
	static String[] toStrings(VR vr, byte[] value) {
		if (vr == VR.UV || vr == VR.OV) {
			ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
			String[] texts = new String[value.length / 8];
			for (int i = 0; i < texts.length; i++) {
				texts[i] = Long.toUnsignedString(buffer.getLong(i * 8));
			}
			return texts;
		}
		if (isInteger(vr)) {
			long[] numbers = toLongs(vr, value);
			String[] texts = new String[numbers.length];
			for (int i = 0; i < numbers.length; i++) {
				texts[i] = (vr == VR.AT) ? Tag.toString((int) numbers[i]) : Long.toString(numbers[i]);
			}
			return texts;
		}
		double[] numbers = toDoubles(vr, value);
		String[] texts = new String[numbers.length];
		for (int i = 0; i < numbers.length; i++) {
			texts[i] = (vr == VR.FL || vr == VR.OF) ? Float.toString((float) numbers[i]) : Double.toString(numbers[i]);
		}
		return texts;
	}

	/**
	 * Decode the numbers of a binary value.
	 * @param vr a number VR
	 * @param value the little endian bytes
	 * @return the numbers
	 */
	static double[] toDoubles(VR vr, byte[] value) {
		ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
		if (vr == VR.FL || vr == VR.OF) {
			double[] numbers = new double[value.length / 4];
			for (int i = 0; i < numbers.length; i++) {
				numbers[i] = buffer.getFloat(i * 4);
			}
			return numbers;
		}
		if (vr == VR.FD || vr == VR.OD) {
			double[] numbers = new double[value.length / 8];
			for (int i = 0; i < numbers.length; i++) {
				numbers[i] = buffer.getDouble(i * 8);
			}
			return numbers;
		}
		long[] integers = toLongs(vr, value);
		double[] numbers = new double[integers.length];
		for (int i = 0; i < integers.length; i++) {
			numbers[i] = integers[i];
		}
		return numbers;
	}

	/**
	 * Encode integers as a binary value, checking that each fits the VR.
	 * @param tag the tag, for messages
	 * @param vr an integer VR other than OB, or FL, FD, OF, OD
	 * @param numbers the integers
	 * @return the little endian bytes
	 * @throws IllegalArgumentException if the VR is not numeric or a number is out of
	 * range
	 */
	static byte[] fromLongs(int tag, VR vr, long... numbers) {
		int unit = (vr == VR.AT) ? 4 : unitSize(vr);
		if (unit == 1) {
			throw new IllegalArgumentException("VR " + vr + " of " + Tag.toString(tag) + " does not hold numbers");
		}
		ByteBuffer buffer = ByteBuffer.allocate(numbers.length * unit).order(ByteOrder.LITTLE_ENDIAN);
		for (long number : numbers) {
			switch (vr) {
				case US, OW -> buffer.putShort((short) checkRange(tag, vr, number, 0, 0xFFFF));
				case SS -> buffer.putShort((short) checkRange(tag, vr, number, Short.MIN_VALUE, Short.MAX_VALUE));
				case UL, OL -> buffer.putInt((int) checkRange(tag, vr, number, 0, 0xFFFFFFFFL));
				case SL -> buffer.putInt((int) checkRange(tag, vr, number, Integer.MIN_VALUE, Integer.MAX_VALUE));
				case AT -> buffer.putShort((short) (number >>> 16)).putShort((short) number);
				case UV, OV -> buffer.putLong(checkRange(tag, vr, number, 0, Long.MAX_VALUE));
				case SV -> buffer.putLong(number);
				case FL, OF -> buffer.putFloat(number);
				default -> buffer.putDouble(number);
			}
		}
		return buffer.array();
	}

	/**
	 * Encode floating point numbers as a binary value.
	 * @param tag the tag, for messages
	 * @param vr FL, FD, OF or OD
	 * @param numbers the numbers
	 * @return the little endian bytes
	 * @throws IllegalArgumentException for other VRs
	 */
	static byte[] fromDoubles(int tag, VR vr, double... numbers) {
		boolean single = vr == VR.FL || vr == VR.OF;
		if (!single && vr != VR.FD && vr != VR.OD) {
			throw new IllegalArgumentException(
					"VR " + vr + " of " + Tag.toString(tag) + " does not hold floating point numbers");
		}
		ByteBuffer buffer = ByteBuffer.allocate(numbers.length * (single ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
		for (double number : numbers) {
			if (single) {
				buffer.putFloat((float) number);
			}
			else {
				buffer.putDouble(number);
			}
		}
		return buffer.array();
	}

	private static long checkRange(int tag, VR vr, long number, long min, long max) {
		if (number < min || number > max) {
			throw new IllegalArgumentException("Value " + number + " of " + Tag.toString(tag)
					+ " is out of range for VR " + vr + " (" + min + " to " + max + ")");
		}
		return number;
	}

	/**
	 * Format a number as a Decimal String of at most 16 characters, rounding to fewer
	 * significant digits where needed.
	 * @param number the number, finite
	 * @return the text, for example {@code "0.1"}, {@code "42"} or
	 * {@code "1.2345678901E+20"}
	 * @throws IllegalArgumentException for NaN and infinities, which DS cannot hold
	 */
	static String toDecimalString(double number) {
		if (!Double.isFinite(number)) {
			throw new IllegalArgumentException("A Decimal String cannot hold " + number);
		}
		BigDecimal decimal = BigDecimal.valueOf(number).stripTrailingZeros();
		String text = plainOrScientific(decimal);
		for (int precision = MAX_DECIMAL_STRING; text.length() > MAX_DECIMAL_STRING; precision--) {
			text = plainOrScientific(decimal.round(new MathContext(precision)).stripTrailingZeros());
		}
		return text;
	}

	private static String plainOrScientific(BigDecimal decimal) {
		String plain = decimal.toPlainString();
		return (plain.length() <= MAX_DECIMAL_STRING) ? plain : decimal.toString();
	}

}
