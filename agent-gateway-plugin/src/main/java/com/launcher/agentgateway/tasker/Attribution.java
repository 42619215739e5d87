package com.launcher.agentgateway.tasker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.host.api.tasker.ExternalRef;

/**
 * Who wrote what: the visible footer on every card and comment the gateway writes, and
 * the deterministic external id that makes creates repeatable (plane-api.md §5) and lets
 * a read tell whether this agent wrote something.
 */
public final class Attribution {

	/** The {@code external_source} of everything the gateway writes. */
	public static final String EXTERNAL_SOURCE = "agent-gateway";

	private Attribution() {
	}

	/**
	 * The external reference of a write: {@code agw-<agent id>-<hash of the key>}, so the
	 * same (agent, key) always names the same card or comment, and the agent is readable.
	 * @param agentId the agent
	 * @param key the idempotency key
	 * @return the reference
	 */
	public static ExternalRef externalRef(UUID agentId, IdempotencyKey key) {
		return new ExternalRef(EXTERNAL_SOURCE,
				prefix(agentId) + sha256Hex(agentId + "\n" + key.value()).substring(0, 32));
	}

	/**
	 * The agent whose external reference a Tasker record carries.
	 * @param externalSource the record's external source
	 * @param externalId the record's external id
	 * @return the agent that wrote it through the gateway, or null
	 */
	public static UUID agentOf(String externalSource, String externalId) {
		String prefix = "agw-";
		int end = prefix.length() + 36;
		if (!EXTERNAL_SOURCE.equals(externalSource) || externalId == null || externalId.length() <= end
				|| !externalId.startsWith(prefix) || externalId.charAt(end) != '-') {
			return null;
		}
		String agent = externalId.substring(prefix.length(), end);
		try {
			UUID agentId = UUID.fromString(agent);
			// prefix() writes the canonical lower-case form; no other spelling is ours.
			return agentId.toString().equals(agent) ? agentId : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The footer appended to the HTML of everything the gateway writes.
	 * @param agentName the agent's name
	 * @param ownerName the owner's display name
	 * @return the footer HTML, with both names escaped
	 */
	public static String footerHtml(String agentName, String ownerName) {
		return "<hr /><p><em>— written by agent " + MarkdownRenderer.escape(PlainText.sanitize(agentName))
				+ " on behalf of " + MarkdownRenderer.escape(PlainText.sanitize(ownerName))
				+ " via Agent Gateway</em></p>";
	}

	private static String prefix(UUID agentId) {
		return "agw-" + agentId + "-";
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}

}
