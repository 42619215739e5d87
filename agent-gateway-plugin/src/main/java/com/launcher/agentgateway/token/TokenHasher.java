package com.launcher.agentgateway.token;

/**
 * Keyed hash of a token, {@code HMAC-SHA-256(pepper, token)}: the only form in which
 * tokens are stored. The pepper lives with the host, not in the database (security.md,
 * Tokens).
 */
public interface TokenHasher {

	byte[] hash(String token);

}
