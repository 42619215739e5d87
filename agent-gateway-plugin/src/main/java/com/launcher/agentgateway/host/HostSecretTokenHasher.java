package com.launcher.agentgateway.host;

import java.nio.charset.StandardCharsets;

import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.host.api.secret.Secrets;

/**
 * HMAC-SHA-256 with the host-held pepper named {@code token-pepper}; the plugin never
 * sees it.
 */
public class HostSecretTokenHasher implements TokenHasher {

	static final String PEPPER = "token-pepper";

	private final Secrets secrets;

	public HostSecretTokenHasher(Secrets secrets) {
		this.secrets = secrets;
	}

	@Override
	public byte[] hash(String token) {
		return this.secrets.hmacSha256(PEPPER, token.getBytes(StandardCharsets.UTF_8));
	}

}
