package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.Objects;

/**
 * An issued authorization code's record; the code itself exists only as a keyed hash.
 *
 * @param authorization what the person consented to; the code was issued at its
 * {@link Authorization#consentedAt() consentedAt}
 * @param redirectUri the redirect URI of the authorization request, to be repeated at the
 * token endpoint (RFC 6749 §4.1.3)
 * @param codeChallenge the S256 code challenge (RFC 7636)
 * @param expiresAt when it stops working
 * @param usedAt when it was first presented, if it was
 */
public record AuthorizationCode(Authorization authorization, String redirectUri, String codeChallenge,
		Instant expiresAt, Instant usedAt) {

	public AuthorizationCode {
		Objects.requireNonNull(authorization, "authorization");
		Objects.requireNonNull(redirectUri, "redirectUri");
		Objects.requireNonNull(codeChallenge, "codeChallenge");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

}
