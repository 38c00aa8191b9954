package io.github.dicomscu.net.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.dicomscu.data.VR;

/**
 * Checks the matching values of a query key against its VR (PS3.5 6.2: length and syntax)
 * and the matching types of PS3.4 C.2.2.2: wildcards only where wild card matching
 * applies, ranges only for DA, TM and DT, several values only for list of UID matching,
 * and no backslash inside a value.
 */
final class MatchingValues {

	private static final Set<VR> WILDCARD_VRS = EnumSet.of(VR.AE, VR.AS, VR.CS, VR.LO, VR.LT, VR.PN, VR.SH, VR.ST,
			VR.UC, VR.UT);

	private static final Map<VR, Integer> MAX_CHARACTERS = Map.ofEntries(Map.entry(VR.AE, 16), Map.entry(VR.AS, 4),
			Map.entry(VR.CS, 16), Map.entry(VR.DA, 8), Map.entry(VR.DS, 16), Map.entry(VR.DT, 26), Map.entry(VR.IS, 12),
			Map.entry(VR.LO, 64), Map.entry(VR.LT, 10240), Map.entry(VR.SH, 16), Map.entry(VR.ST, 1024),
			Map.entry(VR.TM, 14), Map.entry(VR.UI, 64));

	private static final int PERSON_NAME_GROUP_CHARACTERS = 64;

	private static final Pattern DATE = Pattern.compile("\\d{8}");

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3])([0-5]\\d(([0-5]\\d|60)(\\.\\d{1,6})?)?)?");

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}((0[1-9]|1[0-2])((0[1-9]|[12]\\d|3[01])"
			+ "(([01]\\d|2[0-3])([0-5]\\d(([0-5]\\d|60)(\\.\\d{1,6})?)?)?)?)?)?([+-]\\d{4})?");

	private static final Pattern UID = Pattern.compile("(0|[1-9]\\d*)(\\.(0|[1-9]\\d*))*");

	private MatchingValues() {
	}

	/**
	 * Check the values of one matching key.
	 * @param keyword the dictionary keyword of the key
	 * @param vr its VR
	 * @param values the values; none or one empty value for universal matching
	 * @throws InvalidMatchingValueException if a value breaks a rule
	 */
	static void check(String keyword, VR vr, String... values) {
		if (values.length > 1 && vr != VR.UI) {
			throw new InvalidMatchingValueException(keyword,
					"several values are only allowed for list of UID matching (VR UI), not VR " + vr);
		}
		for (String value : values) {
			if (value == null) {
				throw new InvalidMatchingValueException(keyword, "a value must not be null");
			}
			checkValue(keyword, vr, value);
		}
	}

	private static void checkValue(String keyword, VR vr, String value) {
		if (value.indexOf('\\') >= 0) {
			throw new InvalidMatchingValueException(keyword,
					"a backslash separates values and is not allowed inside a value");
		}
		if (!WILDCARD_VRS.contains(vr) && (value.indexOf('*') >= 0 || value.indexOf('?') >= 0)) {
			throw new InvalidMatchingValueException(keyword,
					"wildcards '*' and '?' are not allowed for VR " + vr + " (PS3.4 C.2.2.2.4)");
		}
		if (value.isEmpty()) {
			return;
		}
		switch (vr) {
			case DA -> checkRange(keyword, vr, value, DATE);
			case TM -> checkRange(keyword, vr, value, TIME);
			case DT -> checkRange(keyword, vr, value, DATE_TIME);
			case UI -> checkPattern(keyword, vr, value, UID, "digits separated by single periods, no leading zeros");
			case PN -> checkPersonName(keyword, value);
			default -> checkLength(keyword, vr, value);
		}
	}

	private static void checkRange(String keyword, VR vr, String value, Pattern syntax) {
		if (isPoint(vr, value, syntax)) {
			return;
		}
		for (int dash = value.indexOf('-'); dash >= 0; dash = value.indexOf('-', dash + 1)) {
			String lower = value.substring(0, dash);
			String upper = value.substring(dash + 1);
			if ((!lower.isEmpty() || !upper.isEmpty()) && (lower.isEmpty() || isPoint(vr, lower, syntax))
					&& (upper.isEmpty() || isPoint(vr, upper, syntax))) {
				return;
			}
		}
		throw new InvalidMatchingValueException(keyword, switch (vr) {
			case DA -> "a date is YYYYMMDD (an existing date), a range two dates joined by '-' with either optional";
			case TM -> "a time is HH[MM[SS[.FFFFFF]]], a range two times joined by '-' with either optional";
			default -> "a date time is YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]][&ZZXX], a range two joined by '-'"
					+ " with either optional";
		} + " (PS3.5 6.2, PS3.4 C.2.2.2.5)");
	}

	private static boolean isPoint(VR vr, String value, Pattern syntax) {
		if (value.length() > MAX_CHARACTERS.get(vr) || !syntax.matcher(value).matches()) {
			return false;
		}
		if (vr != VR.DA) {
			return true;
		}
		try {
			LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
					Integer.parseInt(value.substring(6)));
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static void checkPattern(String keyword, VR vr, String value, Pattern syntax, String rule) {
		checkLength(keyword, vr, value);
		if (!syntax.matcher(value).matches()) {
			throw new InvalidMatchingValueException(keyword, rule);
		}
	}

	private static void checkPersonName(String keyword, String value) {
		for (String group : value.split("=", -1)) {
			if (group.length() > PERSON_NAME_GROUP_CHARACTERS) {
				throw new InvalidMatchingValueException(keyword,
						"a component group of VR PN has at most " + PERSON_NAME_GROUP_CHARACTERS + " characters");
			}
		}
	}

	private static void checkLength(String keyword, VR vr, String value) {
		Integer max = MAX_CHARACTERS.get(vr);
		if (max != null && value.length() > max) {
			throw new InvalidMatchingValueException(keyword, "VR " + vr + " has at most " + max + " characters");
		}
	}

}
