package com.launcher.agentgateway.persistence.oauth;

import java.time.Instant;
import java.util.UUID;

import com.launcher.agentgateway.oauth.Authorization;
import com.launcher.agentgateway.oauth.AuthorizationCode;
import com.launcher.agentgateway.oauth.AuthorizationCodeStore;

/** The statements of {@code OAuthCodeMapper.xml}. */
interface OAuthCodeMapper {

	void insert(AuthorizationCode code, byte[] hash);

	ClaimedRow claim(byte[] hash, Instant now);

	int deleteExpired(Instant before, int limit);

	/** A code's row after it was presented, with whether that was its first use. */
	record ClaimedRow(byte[] codeHash, String clientId, String redirectUri, String codeChallenge, String resource,
			String scope, UUID agentId, UUID ownerUserId, UUID familyId, Instant createdAt, Instant expiresAt,
			Instant usedAt, boolean firstUse) {

		AuthorizationCodeStore.Claimed claimed() {
			Authorization authorization = new Authorization(this.familyId, this.clientId, this.agentId,
					this.ownerUserId, this.resource, this.scope, this.createdAt);
			return new AuthorizationCodeStore.Claimed(new AuthorizationCode(authorization, this.redirectUri,
					this.codeChallenge, this.expiresAt, this.usedAt), this.codeHash, this.firstUse);
		}

	}

}
