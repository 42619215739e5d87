package com.launcher.agentgateway.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event's details as text: a small JSON object of strings, with sorted keys so that
 * the same details always hash alike. {@link #encode} writes it for the chain and the
 * database; {@link #decode} reads back exactly what {@link #encode} wrote. No JSON
 * library: the domain knows none, and the form is too small to need one.
 */
public final class AuditDetails {

	private static final Pattern PAIR = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

	private AuditDetails() {
	}

	public static String encode(Map<String, String> details) {
		StringBuilder out = new StringBuilder("{");
		new TreeMap<>(details).forEach((key, value) -> {
			if (out.length() > 1) {
				out.append(',');
			}
			quote(out, key);
			out.append(':');
			quote(out, value);
		});
		return out.append('}').toString();
	}

	/**
	 * The details {@link #encode} wrote; {@code null} (a column without details) reads as
	 * none.
	 */
	public static Map<String, String> decode(String json) {
		Map<String, String> details = new HashMap<>();
		if (json == null) {
			return details;
		}
		Matcher matcher = PAIR.matcher(json);
		while (matcher.find()) {
			details.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
		}
		return details;
	}

	private static void quote(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
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

	private static String unescape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\\' || i + 1 >= value.length()) {
				out.append(c);
				continue;
			}
			char next = value.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> out.append(next);
			}
		}
		return out.toString();
	}

}
