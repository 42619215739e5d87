package com.launcher.agentgateway.persistence.oauth;

import java.time.Instant;
import java.util.UUID;

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
			return new AuthorizationCodeStore.Claimed(new AuthorizationCode(this.clientId, this.redirectUri,
					this.codeChallenge, this.resource, this.scope, this.agentId, this.ownerUserId, this.familyId,
					this.createdAt, this.expiresAt, this.usedAt), this.codeHash, this.firstUse);
		}

	}

}
