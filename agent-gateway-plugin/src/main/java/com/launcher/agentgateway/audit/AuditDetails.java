package com.launcher.agentgateway.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.agentgateway.core.CanonicalJson;
import com.launcher.agentgateway.core.CanonicalJson.ControlEscapes;

/**
 * An event's details as text: a small JSON object of strings, with sorted keys so that
 * the same details always hash alike. {@link #encode} writes it for the chain and the
 * database (through the domain's one {@link CanonicalJson} writer); {@link #decode} reads
 * back exactly what {@link #encode} wrote. No JSON library: the domain knows none, and
 * the form is too small to need one.
 */
public final class AuditDetails {

	private static final Pattern PAIR = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

	private AuditDetails() {
	}

	public static String encode(Map<String, String> details) {
		// A null value would be written as JSON null, which decode cannot read back.
		details.values().forEach((value) -> Objects.requireNonNull(value, "details value"));
		return CanonicalJson.write(details, ControlEscapes.UNICODE);
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
