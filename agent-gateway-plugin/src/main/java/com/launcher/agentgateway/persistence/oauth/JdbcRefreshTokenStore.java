package com.launcher.agentgateway.persistence.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.oauth.RefreshToken;
import com.launcher.agentgateway.oauth.RefreshTokenStore;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Refresh tokens in {@code agw_oauth_refresh_token}, found by keyed hash through a unique
 * index.
 */
public class JdbcRefreshTokenStore implements RefreshTokenStore {

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcRefreshTokenStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(RefreshToken token, byte[] hash) {
		this.jdbc.update("INSERT INTO agw_oauth_refresh_token (id, token_hash, hint, family_id, client_id, agent_id,"
				+ " owner_user_id, access_token_id, resource, scope, status, family_created_at, created_at, expires_at)"
				+ " VALUES (:id, :hash, :hint, :family, :client, :agent, :owner, :access, :resource, :scope, :status,"
				+ " :familyCreated, :created, :expires)",
				new MapSqlParameterSource("id", token.id()).addValue("hash", hash)
					.addValue("hint", token.hint())
					.addValue("family", token.familyId())
					.addValue("client", token.clientId())
					.addValue("agent", token.agentId())
					.addValue("owner", token.ownerUserId())
					.addValue("access", token.accessTokenId())
					.addValue("resource", token.resource())
					.addValue("scope", token.scope())
					.addValue("status", token.status().name())
					.addValue("familyCreated", Timestamp.from(token.familyCreatedAt()))
					.addValue("created", Timestamp.from(token.createdAt()))
					.addValue("expires", Timestamp.from(token.expiresAt())));
	}

	@Override
	public Optional<Presented> findByHash(byte[] hash) {
		return this.jdbc
			.query("SELECT * FROM agw_oauth_refresh_token WHERE token_hash = :hash", Map.of("hash", hash),
					(rs, row) -> new Presented(map(rs, row), rs.getBytes("token_hash")))
			.stream()
			.findFirst();
	}

	@Override
	public boolean rotate(UUID id, Instant now) {
		return this.jdbc.update(
				"UPDATE agw_oauth_refresh_token SET status = 'ROTATED', status_reason = 'rotated',"
						+ " status_changed_at = :now WHERE id = :id AND status = 'ACTIVE'",
				new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now))) == 1;
	}

	@Override
	public List<RefreshToken> revokeFamily(UUID familyId, String reason, Instant now) {
		return this.jdbc.query(
				"UPDATE agw_oauth_refresh_token SET status = 'REVOKED', status_reason = :reason,"
						+ " status_changed_at = :now WHERE family_id = :family AND status <> 'REVOKED' RETURNING *",
				new MapSqlParameterSource("family", familyId).addValue("reason", reason)
					.addValue("now", Timestamp.from(now)),
				JdbcRefreshTokenStore::map);
	}

	@Override
	public List<RefreshToken> findByAgent(UUID agentId) {
		return this.jdbc.query(
				"SELECT * FROM agw_oauth_refresh_token WHERE agent_id = :agent ORDER BY created_at DESC LIMIT 1000",
				Map.of("agent", agentId), JdbcRefreshTokenStore::map);
	}

	private static RefreshToken map(ResultSet rs, int row) throws SQLException {
		return new RefreshToken(rs.getObject("id", UUID.class), rs.getString("hint"),
				rs.getObject("family_id", UUID.class), rs.getString("client_id"), rs.getObject("agent_id", UUID.class),
				rs.getObject("owner_user_id", UUID.class), rs.getObject("access_token_id", UUID.class),
				rs.getString("resource"), rs.getString("scope"), RefreshToken.Status.valueOf(rs.getString("status")),
				rs.getString("status_reason"), JdbcOAuthClientStore.instant(rs, "family_created_at"),
				JdbcOAuthClientStore.instant(rs, "created_at"), JdbcOAuthClientStore.instant(rs, "expires_at"));
	}

}
