package com.launcher.agentgateway.persistence.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import com.launcher.agentgateway.oauth.OAuthClient;
import com.launcher.agentgateway.oauth.OAuthClientStore;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Clients in {@code agw_oauth_client}; the registration quota in
 * {@code agw_oauth_registration_quota}, spent by one conditional upsert. Redirect URIs
 * are stored one per line (a URI cannot hold a line break).
 */
public class JdbcOAuthClientStore implements OAuthClientStore {

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcOAuthClientStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean tryConsumeRegistration(String source, LocalDate day, int limit) {
		return !this.jdbc
			.queryForList(
					"INSERT INTO agw_oauth_registration_quota AS q (source, day, used)"
							+ " VALUES (:source, :day, 1) ON CONFLICT (source, day) DO UPDATE SET used = q.used + 1"
							+ " WHERE q.used < :limit RETURNING used",
					new MapSqlParameterSource("source", source).addValue("day", day).addValue("limit", limit),
					Integer.class)
			.isEmpty();
	}

	@Override
	public void insert(OAuthClient client) {
		this.jdbc.update("INSERT INTO agw_oauth_client (client_id, kind, client_name, redirect_uris, registered_from,"
				+ " created_at, fetched_at, last_used_at, expires_at) VALUES (:id, :kind, :name, :uris, :source,"
				+ " :created, :fetched, :used, :expires)", params(client));
	}

	@Override
	public void saveDocumentClient(OAuthClient client) {
		this.jdbc.update("INSERT INTO agw_oauth_client AS c (client_id, kind, client_name, redirect_uris,"
				+ " registered_from, created_at, fetched_at, last_used_at, expires_at) VALUES (:id, :kind, :name,"
				+ " :uris, :source, :created, :fetched, :used, :expires) ON CONFLICT (client_id) DO UPDATE SET"
				+ " client_name = EXCLUDED.client_name, redirect_uris = EXCLUDED.redirect_uris,"
				+ " fetched_at = EXCLUDED.fetched_at WHERE c.kind = 'METADATA_DOCUMENT'", params(client));
	}

	@Override
	public Optional<OAuthClient> find(String clientId, Instant now) {
		return this.jdbc
			.query("SELECT * FROM agw_oauth_client WHERE client_id = :id AND (expires_at IS NULL OR expires_at > :now)",
					new MapSqlParameterSource("id", clientId).addValue("now", Timestamp.from(now)),
					JdbcOAuthClientStore::map)
			.stream()
			.findFirst();
	}

	@Override
	public void markUsed(String clientId, Instant now) {
		this.jdbc.update("UPDATE agw_oauth_client SET last_used_at = :now, expires_at = NULL WHERE client_id = :id",
				new MapSqlParameterSource("id", clientId).addValue("now", Timestamp.from(now)));
	}

	@Override
	public int deleteExpired(Instant now, int limit) {
		return this.jdbc.update(
				"DELETE FROM agw_oauth_client WHERE client_id IN (SELECT client_id FROM agw_oauth_client"
						+ " WHERE expires_at IS NOT NULL AND expires_at <= :now LIMIT :limit)",
				new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", limit));
	}

	private static MapSqlParameterSource params(OAuthClient client) {
		return new MapSqlParameterSource(Map.of("id", client.clientId(), "kind", client.kind().name(), "name",
				client.clientName(), "uris", String.join("\n", client.redirectUris())))
			.addValue("source", client.registeredFrom())
			.addValue("created", Timestamp.from(client.createdAt()))
			.addValue("fetched", timestamp(client.fetchedAt()))
			.addValue("used", timestamp(client.lastUsedAt()))
			.addValue("expires", timestamp(client.expiresAt()));
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OAuthClient map(ResultSet rs, int row) throws SQLException {
		return new OAuthClient(rs.getString("client_id"), OAuthClient.Kind.valueOf(rs.getString("kind")),
				rs.getString("client_name"), Arrays.asList(rs.getString("redirect_uris").split("\n")),
				rs.getString("registered_from"), instant(rs, "created_at"), instant(rs, "fetched_at"),
				instant(rs, "last_used_at"), instant(rs, "expires_at"));
	}

}
