package com.launcher.agentgateway.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one canonical JSON writer of the domain, for text that is hashed (idempotency
 * fingerprints, the audit chain's details): objects with keys sorted, numbers as their
 * shortest plain decimal ({@code 1}, {@code 1.0} and {@code 1e0} are equal), strings
 * JSON-escaped, no white space. It works on the plain values a JSON parser produces
 * (maps, lists, strings, numbers, booleans, null), so the domain needs no JSON library,
 * and its output cannot move with one's version: every stored hash covers it.
 */
public final class CanonicalJson {

	/**
	 * How backspace and form feed are escaped. Both forms are in stored hashes, written
	 * before they were one writer, so each caller keeps its own and neither may change.
	 */
	public enum ControlEscapes {

		/**
		 * RFC 8259's short forms {@code \b} and {@code \f} (idempotency fingerprints).
		 */
		SHORT,

		/** {@code \u0008} and {@code \u000c} (the audit chain's details). */
		UNICODE

	}

	private CanonicalJson() {
	}

	/**
	 * The canonical text of a JSON-like value.
	 * @param value a map, iterable, array, string, number, boolean or {@code null}; any
	 * other object is written as the string of its {@code toString()}
	 * @param escapes how backspace and form feed are escaped
	 * @return its canonical JSON
	 */
	public static String write(Object value, ControlEscapes escapes) {
		StringBuilder out = new StringBuilder();
		write(value, escapes, out);
		return out.toString();
	}

	private static void write(Object value, ControlEscapes escapes, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean bool) {
			out.append(bool);
		}
		else if (value instanceof Number number) {
			out.append(number(number));
		}
		else if (value instanceof CharSequence text) {
			quote(text.toString(), escapes, out);
		}
		else if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, Object> entry : sorted.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				quote(entry.getKey(), escapes, out);
				out.append(':');
				write(entry.getValue(), escapes, out);
			}
			out.append('}');
		}
		else if (value instanceof Iterable<?> items) {
			out.append('[');
			boolean first = true;
			for (Object item : items) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(item, escapes, out);
			}
			out.append(']');
		}
		else if (value instanceof Object[] array) {
			write(Arrays.asList(array), escapes, out);
		}
		else {
			quote(value.toString(), escapes, out);
		}
	}

	private static String number(Number number) {
		BigDecimal decimal;
		if (number instanceof BigDecimal big) {
			decimal = big;
		}
		else if (number instanceof BigInteger big) {
			decimal = new BigDecimal(big);
		}
		else if (number instanceof Double || number instanceof Float) {
			double d = number.doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				return "null";
			}
			decimal = new BigDecimal(Double.toString(d));
		}
		else {
			decimal = BigDecimal.valueOf(number.longValue());
		}
		if (decimal.signum() == 0) {
			return "0";
		}
		return decimal.stripTrailingZeros().toPlainString();
	}

	private static void quote(String text, ControlEscapes escapes, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append((escapes == ControlEscapes.SHORT) ? "\\b" : "\\u0008");
				case '\f' -> out.append((escapes == ControlEscapes.SHORT) ? "\\f" : "\\u000c");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
