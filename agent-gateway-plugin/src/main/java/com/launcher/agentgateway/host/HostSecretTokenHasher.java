package com.launcher.agentgateway.host;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.host.api.secret.Secrets;

/**
 * HMAC-SHA-256 with host-held peppers; the plugin never sees them. The pepper with key id
 * {@code default} is the host's secret {@code token-pepper}, and any other key id
 * {@code <kid>} names the secret {@code token-pepper.<kid>}.
 */
public class HostSecretTokenHasher implements TokenHasher {

	static final String PEPPER = "token-pepper";

	private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	private final Secrets secrets;

	private final String current;

	private final String currentSecret;

	private final String previous;

	private final String previousSecret;

	/**
	 * A hasher over the host's peppers; both must exist, so that a misnamed one stops the
	 * start rather than every agent.
	 * @param secrets the host's secrets
	 * @param current the key id new hashes are made with
	 * @param previous the key id still accepted, or {@code null}
	 */
	public HostSecretTokenHasher(Secrets secrets, String current, String previous) {
		this.secrets = secrets;
		this.current = checkedKeyId(current, "current");
		this.currentSecret = secretName(this.current);
		this.previous = (previous != null && !previous.isBlank()) ? checkedKeyId(previous, "previous") : null;
		this.previousSecret = (this.previous != null) ? secretName(this.previous) : null;
		if (this.current.equals(this.previous)) {
			throw new IllegalArgumentException(
					"agent-gateway.token-pepper.previous must differ from agent-gateway.token-pepper.current");
		}
		hash("probe");
		previous("probe");
	}

	/** A hasher with the unversioned pepper only. */
	public HostSecretTokenHasher(Secrets secrets) {
		this(secrets, DEFAULT_KEY_ID, null);
	}

	@Override
	public byte[] hash(String token) {
		return mac(this.currentSecret, token);
	}

	@Override
	public String keyId() {
		return this.current;
	}

	@Override
	public Optional<KeyedHash> previous(String token) {
		return (this.previous != null) ? Optional.of(new KeyedHash(this.previous, mac(this.previousSecret, token)))
				: Optional.empty();
	}

	private byte[] mac(String secret, String token) {
		return this.secrets.hmacSha256(secret, token.getBytes(StandardCharsets.UTF_8));
	}

	static String secretName(String keyId) {
		return DEFAULT_KEY_ID.equals(keyId) ? PEPPER : PEPPER + "." + keyId;
	}

	private static String checkedKeyId(String keyId, String setting) {
		if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
			throw new IllegalArgumentException("agent-gateway.token-pepper." + setting
					+ " must be a key id of lower-case letters, digits and '-' (at most 32)");
		}
		return keyId;
	}

}
