package com.launcher.agentgateway.host;

import com.launcher.agentgateway.audit.AuditChainKey;
import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.secret.UnknownSecretException;

/**
 * The audit chain's key: the host's secret {@code audit-chain-key}, used through
 * {@link Secrets#hmacSha256}, so that the plugin (and whatever reads its memory, logs or
 * pages) never holds it.
 */
public class HostSecretAuditChainKey implements AuditChainKey {

	static final String SECRET = "audit-chain-key";

	private final Secrets secrets;

	/**
	 * A key the host must hold: without it the plugin refuses to start, rather than write
	 * a chain anyone who can write the database could rewrite.
	 * @param secrets the host's secrets
	 */
	public HostSecretAuditChainKey(Secrets secrets) {
		this.secrets = secrets;
		try {
			mac(new byte[] { 0 });
		}
		catch (UnknownSecretException ex) {
			throw new IllegalStateException("The host holds no secret '" + SECRET
					+ "' for agent-gateway; the audit chain is keyed with it (reference host: "
					+ "launcher.secrets.agent-gateway." + SECRET + ", see docs/operations.md)", ex);
		}
	}

	@Override
	public byte[] mac(byte[] message) {
		return this.secrets.hmacSha256(SECRET, message);
	}

}
