package com.launcher.agentgateway.tasker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.tasker.ExternalRef;

/**
 * Who wrote what: the visible footer on every card and comment the gateway writes, and
 * the deterministic external id that makes creates repeatable (plane-api.md §5) and lets
 * a read tell whether this agent wrote something.
 * <p>
 * Any Tasker user can set {@code external_source} and {@code external_id} through the
 * API, so the agent named in the id proves nothing by itself (issue 12, point 9). The id
 * ends in a tag keyed with the host's {@value #SECRET}, over the project, the agent and
 * the id's nonce: only the gateway can make one, and one copied into another project does
 * not verify there (within a project Plane refuses a second record with the same external
 * id, plane-api.md W1-409 and W3-409).
 */
public final class Attribution {

	/** The {@code external_source} of everything the gateway writes. */
	public static final String EXTERNAL_SOURCE = "agent-gateway";

	/** The host secret the provenance tag is keyed with. */
	public static final String SECRET = "attribution-key";

	private static final String PREFIX = "agw-";

	private static final int UUID_LENGTH = 36;

	private static final int HEX_LENGTH = 32;

	// agw-<agent>-<nonce>-<tag>
	private static final int LENGTH = PREFIX.length() + UUID_LENGTH + 1 + HEX_LENGTH + 1 + HEX_LENGTH;

	private static final HexFormat HEX = HexFormat.of();

	private final Secrets secrets;

	public Attribution(Secrets secrets) {
		this.secrets = Objects.requireNonNull(secrets, "secrets");
	}

	/**
	 * The external reference of a write: {@code agw-<agent>-<nonce>-<tag>}, where the
	 * nonce is a hash of (agent, key), so the same call always names the same card or
	 * comment, and the tag is the keyed proof that the gateway wrote it.
	 * @param projectId the project written to
	 * @param agentId the agent
	 * @param key the idempotency key
	 * @return the reference
	 */
	public ExternalRef externalRef(UUID projectId, UUID agentId, IdempotencyKey key) {
		String nonce = sha256Hex(agentId + "\n" + key.value()).substring(0, HEX_LENGTH);
		return new ExternalRef(EXTERNAL_SOURCE, PREFIX + agentId + "-" + nonce + "-" + tag(projectId, agentId, nonce));
	}

	/**
	 * The agent that wrote a Tasker record through the gateway, proven by its tag.
	 * @param projectId the project the record is in
	 * @param externalSource the record's external source
	 * @param externalId the record's external id
	 * @return the agent, or null when the record does not carry a valid tag for this
	 * project (written by someone else, or by a gateway before tags existed)
	 */
	public UUID agentOf(UUID projectId, String externalSource, String externalId) {
		if (projectId == null || !EXTERNAL_SOURCE.equals(externalSource) || externalId == null
				|| externalId.length() != LENGTH || !externalId.startsWith(PREFIX)) {
			return null;
		}
		int agentEnd = PREFIX.length() + UUID_LENGTH;
		int nonceEnd = agentEnd + 1 + HEX_LENGTH;
		if (externalId.charAt(agentEnd) != '-' || externalId.charAt(nonceEnd) != '-') {
			return null;
		}
		String agent = externalId.substring(PREFIX.length(), agentEnd);
		String nonce = externalId.substring(agentEnd + 1, nonceEnd);
		UUID agentId;
		try {
			agentId = UUID.fromString(agent);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		// externalRef writes the canonical lower-case form; no other spelling is ours.
		if (!agentId.toString().equals(agent)) {
			return null;
		}
		byte[] expected = tag(projectId, agentId, nonce).getBytes(StandardCharsets.US_ASCII);
		byte[] given = externalId.substring(nonceEnd + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? agentId : null;
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

	private String tag(UUID projectId, UUID agentId, String nonce) {
		// Versioned and newline-separated, so no other keyed message of the gateway can
		// collide with a tag's.
		byte[] message = ("agent-gateway attribution v1\n" + projectId + "\n" + agentId + "\n" + nonce)
			.getBytes(StandardCharsets.UTF_8);
		return HEX.formatHex(this.secrets.hmacSha256(SECRET, message), 0, HEX_LENGTH / 2);
	}

	private static String sha256Hex(String text) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}

}
