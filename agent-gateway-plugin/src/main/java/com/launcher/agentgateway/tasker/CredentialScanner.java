package com.launcher.agentgateway.tasker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.PlainText;

/**
 * Finds credentials in text an agent wants to write, so that an injected "post your
 * environment" cannot exfiltrate secrets into a card (security.md). Scans after removing
 * invisible characters, so a zero-width space cannot split a token past it. Reports only
 * the kinds found, never the match.
 */
public final class CredentialScanner {

	private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();

	static {
		// The gateway's own tokens: agw_ + 32 random + 6 checksum Base62 characters.
		PATTERNS.put("gateway_token", Pattern.compile("agw_[0-9A-Za-z]{38}(?![0-9A-Za-z])"));
		PATTERNS.put("private_key",
				Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-"));
		PATTERNS.put("aws_access_key", Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])"));
		PATTERNS.put("aws_secret_key", Pattern
			.compile("(?i)aws_?secret_?access_?key[\"'\\s]*[:=][\"'\\s]*[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])"));
		PATTERNS.put("github_token",
				Pattern.compile("(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])"));
		PATTERNS.put("slack_token", Pattern.compile(
				"xox[abposre]-[A-Za-z0-9-]{10,}|https://hooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"));
		PATTERNS.put("plane_api_key", Pattern.compile("plane_api_[A-Za-z0-9]{16,}"));
		PATTERNS.put("google_api_key", Pattern.compile("AIza[0-9A-Za-z_-]{35}"));
		PATTERNS.put("openai_key", Pattern.compile("sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{32,}"));
	}

	private CredentialScanner() {
	}

	/**
	 * The kinds of credential found in the texts.
	 * @param texts the texts to scan (nulls ignored)
	 * @return the kinds found, empty when clean
	 */
	public static Set<String> scan(String... texts) {
		Set<String> found = new TreeSet<>();
		for (String text : texts) {
			if (text == null || text.isEmpty()) {
				continue;
			}
			String visible = text.codePoints()
				.filter((cp) -> !PlainText.isInvisible(cp) || cp == '\n' || cp == '\t')
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			PATTERNS.forEach((kind, pattern) -> {
				if (pattern.matcher(visible).find()) {
					found.add(kind);
				}
			});
		}
		return found;
	}

	/**
	 * Refuses text that contains a credential, naming only the kinds found.
	 * @param texts what the agent wants written
	 * @throws GatewayException {@code secret_in_content}
	 */
	public static void requireNone(String... texts) {
		Set<String> kinds = scan(texts);
		if (!kinds.isEmpty()) {
			throw new GatewayException(ErrorCode.SECRET_IN_CONTENT, null, Map.of("kinds", List.copyOf(kinds)), null);
		}
	}

}
