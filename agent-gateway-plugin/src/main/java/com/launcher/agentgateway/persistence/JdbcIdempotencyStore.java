package com.launcher.agentgateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.idempotency.Fingerprint;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.idempotency.IdempotencyRecord;
import com.launcher.agentgateway.idempotency.IdempotencyRecord.Status;
import com.launcher.agentgateway.idempotency.IdempotencyStore;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Claims in {@code agw_idempotency}. The primary key {@code (agent_id, idempotency_key)}
 * decides every claim: an insert either wins or conflicts, on any node, with no Java lock
 * (security.md, "Claims are decided by a PostgreSQL unique constraint").
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcIdempotencyStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean tryClaim(IdempotencyRecord claim, Instant now) {
		// An expired record is replaced in the same statement, so retention never blocks
		// a key.
		int rows = this.jdbc.update("INSERT INTO agw_idempotency AS i (agent_id, idempotency_key, tool, fingerprint,"
				+ " status, lease_until, result, created_at, completed_at, expires_at)"
				+ " VALUES (:agent, :key, :tool, :fingerprint, 'IN_PROGRESS', :lease, NULL, :created, NULL, :expires)"
				+ " ON CONFLICT (agent_id, idempotency_key) DO UPDATE SET tool = EXCLUDED.tool,"
				+ " fingerprint = EXCLUDED.fingerprint, status = 'IN_PROGRESS', lease_until = EXCLUDED.lease_until,"
				+ " result = NULL, created_at = EXCLUDED.created_at, completed_at = NULL,"
				+ " expires_at = EXCLUDED.expires_at WHERE i.expires_at <= :now",
				key(claim.agentId(), claim.key()).addValue("tool", claim.tool())
					.addValue("fingerprint", claim.fingerprint().bytes())
					.addValue("lease", Rows.timestamp(claim.leaseUntil()))
					.addValue("created", Rows.timestamp(claim.createdAt()))
					.addValue("expires", Rows.timestamp(claim.expiresAt()))
					.addValue("now", Rows.timestamp(now)));
		return rows == 1;
	}

	@Override
	public Optional<IdempotencyRecord> find(UUID agentId, IdempotencyKey key) {
		List<IdempotencyRecord> found = this.jdbc.query(
				"SELECT agent_id, idempotency_key, tool, fingerprint, status, lease_until, result, created_at,"
						+ " expires_at FROM agw_idempotency WHERE agent_id = :agent AND idempotency_key = :key",
				key(agentId, key), JdbcIdempotencyStore::map);
		return found.stream().findFirst();
	}

	@Override
	public boolean takeOver(UUID agentId, IdempotencyKey key, Instant now, Instant leaseUntil) {
		int rows = this.jdbc.update(
				"UPDATE agw_idempotency SET status = 'IN_PROGRESS', lease_until = :lease"
						+ " WHERE agent_id = :agent AND idempotency_key = :key AND (status = 'UNKNOWN'"
						+ " OR (status = 'IN_PROGRESS' AND lease_until <= :now))",
				key(agentId, key).addValue("lease", Rows.timestamp(leaseUntil)).addValue("now", Rows.timestamp(now)));
		return rows == 1;
	}

	@Override
	public void complete(UUID agentId, IdempotencyKey key, String result, Instant now) {
		this.jdbc.update(
				"UPDATE agw_idempotency SET status = 'COMPLETED', result = :result, completed_at = :now"
						+ " WHERE agent_id = :agent AND idempotency_key = :key",
				key(agentId, key).addValue("result", result).addValue("now", Rows.timestamp(now)));
	}

	@Override
	public void markUnknown(UUID agentId, IdempotencyKey key) {
		this.jdbc.update("UPDATE agw_idempotency SET status = 'UNKNOWN' WHERE agent_id = :agent"
				+ " AND idempotency_key = :key AND status = 'IN_PROGRESS'", key(agentId, key));
	}

	@Override
	public void release(UUID agentId, IdempotencyKey key) {
		this.jdbc.update("DELETE FROM agw_idempotency WHERE agent_id = :agent AND idempotency_key = :key"
				+ " AND status <> 'COMPLETED'", key(agentId, key));
	}

	@Override
	public int purgeExpired(Instant now) {
		return this.jdbc.update("DELETE FROM agw_idempotency WHERE expires_at <= :now",
				new MapSqlParameterSource("now", Rows.timestamp(now)));
	}

	private static MapSqlParameterSource key(UUID agentId, IdempotencyKey key) {
		return new MapSqlParameterSource("agent", agentId).addValue("key", key.value());
	}

	private static IdempotencyRecord map(ResultSet rs, int row) throws SQLException {
		return new IdempotencyRecord(Rows.uuid(rs, "agent_id"), new IdempotencyKey(rs.getString("idempotency_key")),
				rs.getString("tool"), Fingerprint.fromBytes(rs.getBytes("fingerprint")),
				Status.valueOf(rs.getString("status")), Rows.instant(rs, "lease_until"), rs.getString("result"),
				Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"));
	}

}
