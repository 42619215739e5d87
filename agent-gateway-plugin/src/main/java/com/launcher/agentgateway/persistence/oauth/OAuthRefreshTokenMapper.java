package com.launcher.agentgateway.persistence.oauth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.oauth.Authorization;
import com.launcher.agentgateway.oauth.RefreshToken;

/** The statements of {@code OAuthRefreshTokenMapper.xml}. */
interface OAuthRefreshTokenMapper {

	void insert(RefreshToken token, byte[] hash, String pepperKid);

	RefreshRow findByHash(byte[] hash);

	int rotate(UUID id, Instant now);

	List<RefreshRow> revokeFamily(UUID familyId, String reason, Instant now);

	List<RefreshRow> findByAgent(UUID agentId);

	/** A row of {@code agw_oauth_refresh_token}. */
	record RefreshRow(UUID id, byte[] tokenHash, String hint, UUID familyId, String clientId, UUID agentId,
			UUID ownerUserId, UUID accessTokenId, String resource, String scope, RefreshToken.Status status,
			String statusReason, Instant familyCreatedAt, Instant createdAt, Instant expiresAt,
			Instant statusChangedAt) {

		RefreshToken token() {
			return new RefreshToken(this.id, this.hint,
					new Authorization(this.familyId, this.clientId, this.agentId, this.ownerUserId, this.resource,
							this.scope, this.familyCreatedAt),
					this.accessTokenId, this.status, this.statusReason, this.createdAt, this.expiresAt);
		}

	}

}
