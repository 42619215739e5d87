package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An issued authorization code's record; the code itself exists only as a keyed hash.
 *
 * @param clientId the client it was issued to
 * @param redirectUri the redirect URI of the authorization request, to be repeated at the
 * token endpoint (RFC 6749 §4.1.3)
 * @param codeChallenge the S256 code challenge (RFC 7636)
 * @param resource the resource the access token will be for (RFC 8707)
 * @param scope the granted scope
 * @param agentId the agent the person chose
 * @param ownerUserId the person who consented
 * @param familyId the family of every token issued from this code
 * @param createdAt when it was issued
 * @param expiresAt when it stops working
 * @param usedAt when it was first presented, if it was
 */
public record AuthorizationCode(String clientId, String redirectUri, String codeChallenge, String resource,
		String scope, UUID agentId, UUID ownerUserId, UUID familyId, Instant createdAt, Instant expiresAt,
		Instant usedAt) {

	public AuthorizationCode {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(redirectUri, "redirectUri");
		Objects.requireNonNull(codeChallenge, "codeChallenge");
		Objects.requireNonNull(resource, "resource");
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(ownerUserId, "ownerUserId");
		Objects.requireNonNull(familyId, "familyId");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

}
