package com.launcher.agentgateway.persistence.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.oauth.AuthorizationCode;
import com.launcher.agentgateway.oauth.AuthorizationCodeStore;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Authorization codes in {@code agw_oauth_code}, by keyed hash. Presenting a code marks
 * it used in the same statement that reads it, under the row's lock, so of two nodes
 * presenting one code only one sees a first use.
 */
public class JdbcAuthorizationCodeStore implements AuthorizationCodeStore {

	private static final String CLAIM = "WITH before AS (SELECT code_hash, used_at FROM agw_oauth_code"
			+ " WHERE code_hash = :hash FOR UPDATE) UPDATE agw_oauth_code c SET used_at = COALESCE(b.used_at, :now)"
			+ " FROM before b WHERE c.code_hash = b.code_hash RETURNING c.*, (b.used_at IS NULL) AS first_use";

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcAuthorizationCodeStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(AuthorizationCode code, byte[] hash) {
		this.jdbc.update(
				"INSERT INTO agw_oauth_code (code_hash, client_id, redirect_uri, code_challenge, resource,"
						+ " scope, agent_id, owner_user_id, family_id, created_at, expires_at) VALUES (:hash, :client,"
						+ " :redirect, :challenge, :resource, :scope, :agent, :owner, :family, :created, :expires)",
				new MapSqlParameterSource("hash", hash).addValue("client", code.clientId())
					.addValue("redirect", code.redirectUri())
					.addValue("challenge", code.codeChallenge())
					.addValue("resource", code.resource())
					.addValue("scope", code.scope())
					.addValue("agent", code.agentId())
					.addValue("owner", code.ownerUserId())
					.addValue("family", code.familyId())
					.addValue("created", Timestamp.from(code.createdAt()))
					.addValue("expires", Timestamp.from(code.expiresAt())));
	}

	@Override
	public Optional<Claimed> claim(byte[] hash, Instant now) {
		return this.jdbc.query(CLAIM, new MapSqlParameterSource("hash", hash).addValue("now", Timestamp.from(now)),
				(rs, row) -> new Claimed(new AuthorizationCode(rs.getString("client_id"), rs.getString("redirect_uri"),
						rs.getString("code_challenge"), rs.getString("resource"), rs.getString("scope"),
						rs.getObject("agent_id", UUID.class), rs.getObject("owner_user_id", UUID.class),
						rs.getObject("family_id", UUID.class), JdbcOAuthClientStore.instant(rs, "created_at"),
						JdbcOAuthClientStore.instant(rs, "expires_at"), JdbcOAuthClientStore.instant(rs, "used_at")),
						rs.getBytes("code_hash"), rs.getBoolean("first_use")))
			.stream()
			.findFirst();
	}

	@Override
	public int deleteExpired(Instant before, int limit) {
		return this.jdbc.update(
				"DELETE FROM agw_oauth_code WHERE code_hash IN (SELECT code_hash FROM agw_oauth_code"
						+ " WHERE expires_at < :before LIMIT :limit)",
				new MapSqlParameterSource("before", Timestamp.from(before)).addValue("limit", limit));
	}

}
