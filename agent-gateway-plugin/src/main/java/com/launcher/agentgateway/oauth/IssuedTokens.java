package com.launcher.agentgateway.oauth;

import java.util.UUID;

/**
 * What the token endpoint hands a client (RFC 6749 §5.1).
 *
 * @param accessToken the {@code agw_} access token
 * @param expiresInSeconds its lifetime
 * @param refreshToken the refresh token
 * @param scope the granted scope
 * @param accessTokenId the access token's id, for the audit log
 */
public record IssuedTokens(String accessToken, long expiresInSeconds, String refreshToken, String scope,
		UUID accessTokenId) {

	@Override
	public String toString() {
		return "IssuedTokens[accessToken=<hidden>, expiresInSeconds=" + this.expiresInSeconds
				+ ", refreshToken=<hidden>, scope=" + this.scope + ", accessTokenId=" + this.accessTokenId + "]";
	}

}
