package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.idempotency.IdempotencyRecord;
import com.launcher.agentgateway.idempotency.IdempotencyStore;
import org.apache.ibatis.session.SqlSession;

/**
 * Claims in {@code agw_idempotency}. The primary key {@code (agent_id, idempotency_key)}
 * decides every claim: an insert either wins or conflicts, on any node, with no Java lock
 * (security.md, "Claims are decided by a PostgreSQL unique constraint").
 */
public class MybatisIdempotencyStore implements IdempotencyStore {

	private final IdempotencyMapper claims;

	public MybatisIdempotencyStore(SqlSession sessions) {
		this.claims = sessions.getMapper(IdempotencyMapper.class);
	}

	@Override
	public boolean tryClaim(IdempotencyRecord claim, Instant now) {
		return this.claims.tryClaim(claim.agentId(), claim.key().value(), claim.tool(), claim.fingerprint().bytes(),
				claim.leaseUntil(), claim.createdAt(), claim.expiresAt(), now) == 1;
	}

	@Override
	public Optional<IdempotencyRecord> find(UUID agentId, IdempotencyKey key) {
		return Optional.ofNullable(this.claims.find(agentId, key.value())).map(IdempotencyMapper.ClaimRow::claim);
	}

	@Override
	public boolean takeOver(UUID agentId, IdempotencyKey key, Instant now, Instant leaseUntil) {
		return this.claims.takeOver(agentId, key.value(), now, leaseUntil) == 1;
	}

	@Override
	public void complete(UUID agentId, IdempotencyKey key, String result, Instant now) {
		this.claims.complete(agentId, key.value(), result, now);
	}

	@Override
	public void markUnknown(UUID agentId, IdempotencyKey key) {
		this.claims.markUnknown(agentId, key.value());
	}

	@Override
	public void release(UUID agentId, IdempotencyKey key) {
		this.claims.release(agentId, key.value());
	}

	@Override
	public int purgeExpired(Instant now) {
		return this.claims.purgeExpired(now);
	}

}
