package com.launcher.agentgateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenStatus;
import com.launcher.agentgateway.token.TokenStore;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Tokens in {@code agw_token}, found by keyed hash through a unique index. The lookup
 * joins the agent and its grants so that introspection needs one round trip.
 */
public class JdbcTokenStore implements TokenStore {

	/**
	 * One row per grant of the token's agent (one row without a grant when it has none,
	 * and one row with only {@code blocked_ms} when the hash is unknown); every row says
	 * whether the source is being refused. For a refused source the token is not looked
	 * up at all (the uncorrelated {@code NOT EXISTS} is decided once, before the scan),
	 * so its answer takes the same time whether or not the token exists.
	 */
	static final String LOOKUP = "SELECT s.blocked_ms, l.* FROM (SELECT (" + JdbcSourceThrottle.BLOCKED_MILLIS
			+ ") AS blocked_ms) s LEFT JOIN (SELECT t.*, a.status AS agent_status,"
			+ " a.name AS agent_name, a.owner_user_id, g.id AS grant_id, g.workspace, g.project_id,"
			+ " g.project_identifier, g.project_name, g.access, g.created_by AS grant_created_by,"
			+ " g.created_at AS grant_created_at FROM agw_token t JOIN agw_agent a ON a.id = t.agent_id"
			+ " LEFT JOIN agw_grant g ON g.agent_id = t.agent_id WHERE t.token_hash = :hash AND NOT EXISTS ("
			+ JdbcSourceThrottle.BLOCKED_MILLIS + ")) l ON true";

	private static final PositionalSql LOOKUP_STATEMENT = new PositionalSql(LOOKUP);

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcTokenStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(AgentToken token, byte[] hash) {
		this.jdbc.update("INSERT INTO agw_token (id, agent_id, family_id, token_hash, hint, status, allowed_cidrs,"
				+ " created_by, created_at, expires_at) VALUES (:id, :agent, :family, :hash, :hint, :status, :cidrs,"
				+ " :createdBy, :createdAt, :expiresAt)",
				new MapSqlParameterSource("id", token.id()).addValue("agent", token.agentId())
					.addValue("family", token.familyId())
					.addValue("hash", hash)
					.addValue("hint", token.hint())
					.addValue("status", token.status().name())
					.addValue("cidrs", token.allowedCidrs().isEmpty() ? null : String.join(",", token.allowedCidrs()))
					.addValue("createdBy", token.createdBy())
					.addValue("createdAt", Rows.timestamp(token.createdAt()))
					.addValue("expiresAt", Rows.timestamp(token.expiresAt())));
	}

	@Override
	public Presented findPresented(byte[] hash, String sourceAddress) {
		List<TokenLookup> found = new ArrayList<>(1);
		List<Grant> grants = new ArrayList<>();
		Long[] blockedMillis = new Long[1];
		Object[] args = LOOKUP_STATEMENT
			.args(new MapSqlParameterSource("hash", hash).addValue("source", sourceAddress));
		this.jdbc.getJdbcOperations().query(LOOKUP_STATEMENT.sql(), (RowCallbackHandler) (rs) -> {
			long blocked = rs.getLong("blocked_ms");
			blockedMillis[0] = rs.wasNull() ? null : blocked;
			if (rs.getObject("id") == null) {
				return;
			}
			if (found.isEmpty()) {
				found.add(new TokenLookup(map(rs, 0), rs.getBytes("token_hash"),
						AgentStatus.valueOf(rs.getString("agent_status")), rs.getString("agent_name"),
						Rows.uuid(rs, "owner_user_id"), grants));
			}
			UUID grantId = Rows.uuid(rs, "grant_id");
			if (grantId != null) {
				grants.add(new Grant(grantId, Rows.uuid(rs, "agent_id"), rs.getString("workspace"),
						Rows.uuid(rs, "project_id"), rs.getString("project_identifier"), rs.getString("project_name"),
						Access.valueOf(rs.getString("access")), Rows.uuid(rs, "grant_created_by"),
						Rows.instant(rs, "grant_created_at")));
			}
		}, args);
		Optional<TokenLookup> lookup = found.stream()
			.findFirst()
			.map((l) -> new TokenLookup(l.token(), l.storedHash(), l.agentStatus(), l.agentName(), l.ownerUserId(),
					List.copyOf(grants)));
		return new Presented(lookup, JdbcSourceThrottle.blockedFor(blockedMillis[0]));
	}

	@Override
	public Optional<AgentToken> findById(UUID tokenId) {
		return this.jdbc.query("SELECT * FROM agw_token WHERE id = :id", Map.of("id", tokenId), JdbcTokenStore::map)
			.stream()
			.findFirst();
	}

	@Override
	public List<AgentToken> findByAgent(UUID agentId) {
		return this.jdbc.query("SELECT * FROM agw_token WHERE agent_id = :agent ORDER BY created_at DESC",
				Map.of("agent", agentId), JdbcTokenStore::map);
	}

	@Override
	public boolean transition(UUID tokenId, TokenStatus from, TokenStatus to, String reason, UUID successorId,
			Instant now) {
		return this.jdbc.update(
				"UPDATE agw_token SET status = :to, status_reason = :reason, status_changed_at = :now,"
						+ " successor_id = COALESCE(:successor, successor_id) WHERE id = :id AND status = :from",
				new MapSqlParameterSource("id", tokenId).addValue("from", from.name())
					.addValue("to", to.name())
					.addValue("reason", reason)
					.addValue("successor", successorId)
					.addValue("now", Rows.timestamp(now))) == 1;
	}

	@Override
	public List<AgentToken> revokeFamily(UUID familyId, String reason, Instant now) {
		return this.jdbc.query(
				"UPDATE agw_token SET status = 'REVOKED', status_reason = :reason,"
						+ " status_changed_at = :now WHERE family_id = :family AND status <> 'REVOKED' RETURNING *",
				new MapSqlParameterSource("family", familyId).addValue("reason", reason)
					.addValue("now", Rows.timestamp(now)),
				JdbcTokenStore::map);
	}

	@Override
	public List<AgentToken> transitionForOwner(UUID ownerUserId, Set<TokenStatus> from, TokenStatus to, String reason,
			Instant now) {
		return this.jdbc.query("UPDATE agw_token t SET status = :to, status_reason = :reason,"
				+ " status_changed_at = :now FROM agw_agent a WHERE a.id = t.agent_id AND a.owner_user_id = :owner"
				+ " AND t.status IN (:from) RETURNING t.*",
				new MapSqlParameterSource("owner", ownerUserId).addValue("to", to.name())
					.addValue("reason", reason)
					.addValue("now", Rows.timestamp(now))
					.addValue("from", from.stream().map(Enum::name).toList()),
				JdbcTokenStore::map);
	}

	@Override
	public void touch(UUID tokenId, Instant now, String clientAddress) {
		// Throttled in SQL as well: concurrent requests on several nodes write at most
		// once
		// a minute per token and address.
		this.jdbc.update("UPDATE agw_token SET last_used_at = :now, last_used_ip = :ip WHERE id = :id"
				+ " AND (last_used_at IS NULL OR last_used_at < :threshold OR last_used_ip IS DISTINCT FROM :ip)",
				new MapSqlParameterSource("id", tokenId).addValue("now", Rows.timestamp(now))
					.addValue("threshold", Rows.timestamp(now.minusSeconds(60)))
					.addValue("ip", clientAddress));
	}

	@Override
	public Set<UUID> ownersWithActiveTokens() {
		return new HashSet<>(this.jdbc.query(
				"SELECT DISTINCT a.owner_user_id FROM agw_agent a JOIN agw_token t"
						+ " ON t.agent_id = a.id WHERE t.status = 'ACTIVE'",
				(rs, i) -> Rows.uuid(rs, "owner_user_id")));
	}

	static AgentToken map(ResultSet rs, int row) throws SQLException {
		String cidrs = rs.getString("allowed_cidrs");
		return new AgentToken(Rows.uuid(rs, "id"), Rows.uuid(rs, "agent_id"), Rows.uuid(rs, "family_id"),
				rs.getString("hint"), TokenStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				(cidrs != null) ? Arrays.asList(cidrs.split(",")) : List.of(), Rows.uuid(rs, "created_by"),
				Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"), Rows.instant(rs, "status_changed_at"),
				Rows.uuid(rs, "successor_id"), Rows.instant(rs, "last_used_at"), rs.getString("last_used_ip"));
	}

}
