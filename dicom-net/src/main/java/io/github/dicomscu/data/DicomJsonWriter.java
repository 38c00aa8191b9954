package io.github.dicomscu.data;

import java.util.Base64;
import java.util.List;

/**
 * Writes data sets in the DICOM JSON model of PS3.18 Annex F: an object keyed by the tag
 * as eight hexadecimal digits, each attribute with its {@code "vr"} and, unless empty,
 * its {@code "Value"} (strings, numbers, person name objects or items) or
 * {@code "InlineBinary"} (base64). Values held as bulk data references or encapsulated
 * fragments are left out, as a server without a bulk data service does; the attribute and
 * its VR remain.
 */
public final class DicomJsonWriter {

	private DicomJsonWriter() {
	}

	/**
	 * Return the DICOM JSON object of a data set.
	 * @param dataSet the data set
	 * @return the JSON text
	 */
	public static String toJson(DataSet dataSet) {
		StringBuilder json = new StringBuilder(256);
		writeObject(json, dataSet);
		return json.toString();
	}

	/**
	 * Return a JSON array of the DICOM JSON objects of several data sets, as a QIDO-RS
	 * response body is.
	 * @param dataSets the data sets
	 * @return the JSON text
	 */
	public static String toJson(List<DataSet> dataSets) {
		StringBuilder json = new StringBuilder(256 * (dataSets.size() + 1));
		json.append('[');
		for (int i = 0; i < dataSets.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			writeObject(json, dataSets.get(i));
		}
		return json.append(']').toString();
	}

	private static void writeObject(StringBuilder json, DataSet dataSet) {
		json.append('{');
		boolean first = true;
		for (Attribute attribute : dataSet.attributes()) {
			if (Tag.element(attribute.tag()) == 0x0000) {
				continue;
			}
			if (!first) {
				json.append(',');
			}
			first = false;
			json.append('"')
				.append(String.format("%08X", attribute.tag()))
				.append("\":{\"vr\":\"")
				.append(attribute.vr().name())
				.append('"');
			writeValue(json, dataSet, attribute);
			json.append('}');
		}
		json.append('}');
	}

	private static void writeValue(StringBuilder json, DataSet dataSet, Attribute attribute) {
		VR vr = attribute.vr();
		if (attribute.isSequence()) {
			List<DataSet> items = attribute.items();
			if (!items.isEmpty()) {
				json.append(",\"Value\":[");
				for (int i = 0; i < items.size(); i++) {
					if (i > 0) {
						json.append(',');
					}
					writeObject(json, items.get(i));
				}
				json.append(']');
			}
			return;
		}
		if (attribute.isBulkData() || attribute.isFragments()) {
			return;
		}
		byte[] bytes = attribute.bytes();
		if (bytes == null || bytes.length == 0) {
			return;
		}
		switch (vr) {
			case OB, OD, OF, OL, OV, OW, UN ->
				json.append(",\"InlineBinary\":\"").append(Base64.getEncoder().encodeToString(bytes)).append('"');
			case PN -> writePersonNames(json, dataSet.getStrings(attribute.tag()));
			case AT -> writeTags(json, dataSet.getStrings(attribute.tag()));
			case IS, DS, US, SS, UL, SL, FL, FD, SV, UV -> writeNumbers(json, dataSet.getStrings(attribute.tag()));
			default -> writeStrings(json, dataSet.getStrings(attribute.tag()));
		}
	}

	private static void writeStrings(StringBuilder json, String[] values) {
		json.append(",\"Value\":[");
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			if (values[i].isEmpty()) {
				json.append("null");
			}
			else {
				appendString(json, values[i]);
			}
		}
		json.append(']');
	}

	private static void writeNumbers(StringBuilder json, String[] values) {
		json.append(",\"Value\":[");
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append(number(values[i].strip()));
		}
		json.append(']');
	}

	private static String number(String text) {
		if (text.isEmpty()) {
			return "null";
		}
		try {
			return Long.toString(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
		}
		catch (NumberFormatException ex) {
			// not an integer: try a decimal below
		}
		try {
			double value = Double.parseDouble(text);
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				return "null";
			}
			return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
					: Double.toString(value);
		}
		catch (NumberFormatException ex) {
			return "null";
		}
	}

	private static void writeTags(StringBuilder json, String[] values) {
		json.append(",\"Value\":[");
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			appendString(json, String.format("%08X", Tag.parse(values[i])));
		}
		json.append(']');
	}

	private static void writePersonNames(StringBuilder json, String[] values) {
		json.append(",\"Value\":[");
		String[] groups = { "Alphabetic", "Ideographic", "Phonetic" };
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			if (values[i].isEmpty()) {
				json.append("null");
				continue;
			}
			String[] parts = values[i].split("=", -1);
			json.append('{');
			boolean first = true;
			for (int g = 0; g < Math.min(parts.length, groups.length); g++) {
				if (parts[g].isEmpty()) {
					continue;
				}
				if (!first) {
					json.append(',');
				}
				first = false;
				json.append('"').append(groups[g]).append("\":");
				appendString(json, parts[g]);
			}
			json.append('}');
		}
		json.append(']');
	}

	private static void appendString(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
