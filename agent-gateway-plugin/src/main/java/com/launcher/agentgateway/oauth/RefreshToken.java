package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token's record; the token itself exists only as a keyed hash.
 *
 * @param id its id
 * @param hint non-secret hint for display
 * @param familyId the family: every refresh and access token issued from one
 * authorization
 * @param clientId the client it was issued to
 * @param agentId the agent it acts for
 * @param ownerUserId the person who consented
 * @param accessTokenId the access token issued with it
 * @param resource the resource of its access tokens (RFC 8707)
 * @param scope the granted scope
 * @param status active, rotated (used once: presenting it again revokes the family) or
 * revoked
 * @param statusReason why it left {@code ACTIVE}
 * @param familyCreatedAt when the person consented; the family lives no longer than the
 * policy's token lifetime from then
 * @param createdAt when it was issued
 * @param expiresAt when it stops working
 */
public record RefreshToken(UUID id, String hint, UUID familyId, String clientId, UUID agentId, UUID ownerUserId,
		UUID accessTokenId, String resource, String scope, Status status, String statusReason, Instant familyCreatedAt,
		Instant createdAt, Instant expiresAt) {

	public RefreshToken {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(familyId, "familyId");
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(ownerUserId, "ownerUserId");
		Objects.requireNonNull(accessTokenId, "accessTokenId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(familyCreatedAt, "familyCreatedAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/** A refresh token's state. */
	public enum Status {

		ACTIVE, ROTATED, REVOKED

	}

}
