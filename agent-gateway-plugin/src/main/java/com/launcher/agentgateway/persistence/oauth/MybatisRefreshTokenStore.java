package com.launcher.agentgateway.persistence.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.oauth.RefreshToken;
import com.launcher.agentgateway.oauth.RefreshTokenStore;
import org.apache.ibatis.session.SqlSession;

/**
 * Refresh tokens in {@code agw_oauth_refresh_token}, found by keyed hash through a unique
 * index.
 */
public class MybatisRefreshTokenStore implements RefreshTokenStore {

	private final OAuthRefreshTokenMapper tokens;

	public MybatisRefreshTokenStore(SqlSession sessions) {
		this.tokens = sessions.getMapper(OAuthRefreshTokenMapper.class);
	}

	@Override
	public void insert(RefreshToken token, byte[] hash) {
		this.tokens.insert(token, hash);
	}

	@Override
	public Optional<Presented> findByHash(byte[] hash) {
		return Optional.ofNullable(this.tokens.findByHash(hash))
			.map((row) -> new Presented(row.token(), row.tokenHash()));
	}

	@Override
	public boolean rotate(UUID id, Instant now) {
		return this.tokens.rotate(id, now) == 1;
	}

	@Override
	public List<RefreshToken> revokeFamily(UUID familyId, String reason, Instant now) {
		return this.tokens.revokeFamily(familyId, reason, now)
			.stream()
			.map(OAuthRefreshTokenMapper.RefreshRow::token)
			.toList();
	}

	@Override
	public List<RefreshToken> findByAgent(UUID agentId) {
		return this.tokens.findByAgent(agentId).stream().map(OAuthRefreshTokenMapper.RefreshRow::token).toList();
	}

}
