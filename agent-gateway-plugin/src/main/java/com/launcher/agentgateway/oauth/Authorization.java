package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What one consent authorized: the authorization code carries it, and every refresh token
 * of the family issued from that code carries it unchanged, so that a refresh cannot
 * widen what the person agreed to (RFC 6749 §6: the refreshed scope is no larger than the
 * granted one).
 *
 * @param familyId the family of every token issued from the consent
 * @param clientId the client it was issued to
 * @param agentId the agent the person chose
 * @param ownerUserId the person who consented
 * @param resource the resource its access tokens are for (RFC 8707)
 * @param scope the granted scope
 * @param consentedAt when the person consented; the family lives no longer than the
 * policy's token lifetime from then
 */
public record Authorization(UUID familyId, String clientId, UUID agentId, UUID ownerUserId, String resource,
		String scope, Instant consentedAt) {

	public Authorization {
		Objects.requireNonNull(familyId, "familyId");
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(ownerUserId, "ownerUserId");
		Objects.requireNonNull(resource, "resource");
		Objects.requireNonNull(consentedAt, "consentedAt");
	}

}
