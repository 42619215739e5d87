package com.launcher.agentgateway.oauth;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.agentgateway.token.TokenStore;

/**
 * The token families of OAuth connections: one consent's refresh tokens and the access
 * tokens issued with them, found by a presented refresh token and ended together.
 */
record TokenFamilies(RefreshTokenStore refreshTokens, TokenStore tokenStore, TokenHasher hasher) {

	/**
	 * A presented refresh token by its keyed hash, compared in constant time; while a
	 * pepper rotation is under way, under the previous pepper too. Using it issues a new
	 * one under the current pepper, so it moves by itself.
	 */
	Optional<RefreshToken> presented(String token) {
		Optional<RefreshToken> found = presented(this.hasher.hash(token));
		Optional<TokenHasher.KeyedHash> previous = found.isEmpty() ? this.hasher.previous(token) : Optional.empty();
		return previous.isPresent() ? presented(previous.get().hash()) : found;
	}

	private Optional<RefreshToken> presented(byte[] hash) {
		return this.refreshTokens.findByHash(hash)
			.filter((p) -> MessageDigest.isEqual(p.storedHash(), hash))
			.map(RefreshTokenStore.Presented::token);
	}

	/** Ends a family: its refresh tokens and the access tokens issued with them. */
	void revoke(UUID familyId, String reason, Instant now) {
		this.refreshTokens.revokeFamily(familyId, reason, now);
		this.tokenStore.revokeFamily(familyId, reason, now);
	}

}
