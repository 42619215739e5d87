package com.launcher.agentgateway.idempotency;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SHA-256 over a canonical JSON of {@code {tool, arguments}} (security.md: key order and
 * number format must not matter). Works on the plain values a JSON parser produces (maps,
 * lists, strings, numbers, booleans, null), so this package needs no JSON library.
 */
public final class Fingerprint {

	private final byte[] digest;

	private Fingerprint(byte[] digest) {
		this.digest = digest;
	}

	/**
	 * The fingerprint of a call, leaving out the arguments named in {@code ignored} (the
	 * idempotency key itself).
	 * @param tool the tool name
	 * @param arguments the call's arguments
	 * @param ignored argument names that are not part of the operation
	 * @return the fingerprint
	 */
	public static Fingerprint of(String tool, Map<String, ?> arguments, Collection<String> ignored) {
		Map<String, Object> rest = new TreeMap<>();
		if (arguments != null) {
			arguments.forEach((key, value) -> {
				if (!ignored.contains(key)) {
					rest.put(key, value);
				}
			});
		}
		Map<String, Object> whole = new TreeMap<>();
		whole.put("arguments", rest);
		whole.put("tool", tool);
		return new Fingerprint(sha256(canonicalJson(whole)));
	}

	public static Fingerprint fromBytes(byte[] digest) {
		Objects.requireNonNull(digest, "digest");
		return new Fingerprint(digest.clone());
	}

	public byte[] bytes() {
		return this.digest.clone();
	}

	/**
	 * The canonical text: objects with keys sorted by code point, numbers as their
	 * shortest plain decimal ({@code 1}, {@code 1.0} and {@code 1e0} are equal), strings
	 * JSON-escaped, no white space.
	 * @param value a JSON-like value
	 * @return its canonical JSON
	 */
	public static String canonicalJson(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean bool) {
			out.append(bool);
		}
		else if (value instanceof Number number) {
			out.append(canonicalNumber(number));
		}
		else if (value instanceof CharSequence text) {
			writeString(text.toString(), out);
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
				writeString(entry.getKey(), out);
				out.append(':');
				write(entry.getValue(), out);
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
				write(item, out);
			}
			out.append(']');
		}
		else if (value instanceof Object[] array) {
			write(Arrays.asList(array), out);
		}
		else {
			writeString(value.toString(), out);
		}
	}

	private static String canonicalNumber(Number number) {
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

	private static void writeString(String text, StringBuilder out) {
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

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Fingerprint that) && MessageDigest.isEqual(this.digest, that.digest);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.digest);
	}

	@Override
	public String toString() {
		return HexFormat.of().formatHex(this.digest);
	}

}
