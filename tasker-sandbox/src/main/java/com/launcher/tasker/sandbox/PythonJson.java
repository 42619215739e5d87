package com.launcher.tasker.sandbox;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * JSON text exactly as Python's {@code json.dumps(value)} writes it with its defaults:
 * {@code ", "} and {@code ": "} separators, every non-ASCII character escaped
 * ({@code ensure_ascii}), floats in Python's {@code repr}. Plane signs
 * {@code json.dumps(payload)} and {@code requests} sends the same text, so a webhook's
 * body bytes are these (plane-api.md §7): receivers must verify the bytes they got, never
 * a re-encoding. Also decoded JSON compared as Python compares it, which decides what
 * {@code model_activity} counts as a change.
 */
final class PythonJson {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private PythonJson() {
	}

	static String dumps(JsonNode node) {
		StringBuilder out = new StringBuilder(256);
		write(node, out);
		return out.toString();
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			out.append("null");
		}
		else if (node.isObject()) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				if (!first) {
					out.append(", ");
				}
				first = false;
				string(entry.getKey(), out);
				out.append(": ");
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			boolean first = true;
			for (JsonNode element : node.values()) {
				if (!first) {
					out.append(", ");
				}
				first = false;
				write(element, out);
			}
			out.append(']');
		}
		else if (node.isString()) {
			string(node.stringValue(), out);
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue() ? "true" : "false");
		}
		else if (node.isIntegralNumber()) {
			out.append(node.bigIntegerValue());
		}
		else if (node.isNumber()) {
			out.append(floatRepr(node.doubleValue()));
		}
		else {
			string(node.asString(), out);
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						// Python escapes by UTF-16 unit, so astral characters become a
						// surrogate pair, as Java strings already hold them.
						out.append("\\u")
							.append(HEX[(c >> 12) & 0xF])
							.append(HEX[(c >> 8) & 0xF])
							.append(HEX[(c >> 4) & 0xF])
							.append(HEX[c & 0xF]);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * Python's {@code repr(float)}: shortest round-trip digits, 1e16 and up in exponent
	 * form.
	 */
	static String floatRepr(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "Infinity" : "-Infinity";
		}
		if (value == 0) {
			return (1 / value < 0) ? "-0.0" : "0.0";
		}
		BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
		double magnitude = Math.abs(value);
		if (magnitude >= 1e-4 && magnitude < 1e16) {
			String plain = decimal.toPlainString();
			return plain.contains(".") ? plain : plain + ".0";
		}
		String digits = decimal.unscaledValue().abs().toString();
		int exponent = digits.length() - 1 - decimal.scale();
		String mantissa = (digits.length() > 1) ? digits.charAt(0) + "." + digits.substring(1) : digits;
		String sign = (value < 0) ? "-" : "";
		return sign + mantissa + "e" + ((exponent < 0) ? "-" : "+") + String.format("%02d", Math.abs(exponent));
	}

	/**
	 * Python's {@code !=} on decoded JSON, which {@code model_activity} uses: numbers by
	 * value, lists in order, dicts by keys.
	 */
	static boolean equal(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return a == b || (a == null && b.isNull()) || (b == null && a.isNull());
		}
		if (a.isNumber() && b.isNumber()) {
			return new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString())) == 0;
		}
		if (a.isArray() && b.isArray()) {
			if (a.size() != b.size()) {
				return false;
			}
			Iterator<JsonNode> left = a.values().iterator();
			Iterator<JsonNode> right = b.values().iterator();
			while (left.hasNext()) {
				if (!equal(left.next(), right.next())) {
					return false;
				}
			}
			return true;
		}
		if (a.isObject() && b.isObject()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (Map.Entry<String, JsonNode> entry : a.properties()) {
				if (!b.has(entry.getKey()) || !equal(entry.getValue(), b.get(entry.getKey()))) {
					return false;
				}
			}
			return true;
		}
		return a.equals(b);
	}

}
