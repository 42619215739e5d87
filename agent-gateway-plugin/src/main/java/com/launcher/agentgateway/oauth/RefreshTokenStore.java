package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where refresh tokens are kept, by keyed hash. */
public interface RefreshTokenStore {

	void insert(RefreshToken token, byte[] hash);

	/**
	 * One indexed equality on the hash.
	 * @return the token with its stored hash, if the hash is known
	 */
	Optional<Presented> findByHash(byte[] hash);

	/**
	 * Moves a token from {@code ACTIVE} to {@code ROTATED}, if it still is active: the
	 * one winner of concurrent refreshes with the same token.
	 */
	boolean rotate(UUID id, Instant now);

	/** Revokes every refresh token of a family that is not revoked yet. */
	List<RefreshToken> revokeFamily(UUID familyId, String reason, Instant now);

	/** Every refresh token of an agent, newest first. */
	List<RefreshToken> findByAgent(UUID agentId);

	/**
	 * A presented refresh token.
	 *
	 * @param token its record
	 * @param storedHash its stored hash, compared in constant time
	 */
	record Presented(RefreshToken token, byte[] storedHash) {
	}

}
