package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token's record; the token itself exists only as a keyed hash.
 *
 * @param id its id
 * @param hint non-secret hint for display
 * @param authorization the consent its family was issued from, the same for every token
 * of the family
 * @param accessTokenId the access token issued with it
 * @param status active, rotated (used once: presenting it again revokes the family) or
 * revoked
 * @param statusReason why it left {@code ACTIVE}
 * @param createdAt when it was issued
 * @param expiresAt when it stops working
 */
public record RefreshToken(UUID id, String hint, Authorization authorization, UUID accessTokenId, Status status,
		String statusReason, Instant createdAt, Instant expiresAt) {

	public RefreshToken {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(authorization, "authorization");
		Objects.requireNonNull(accessTokenId, "accessTokenId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/** A refresh token's state. */
	public enum Status {

		ACTIVE, ROTATED, REVOKED

	}

}
