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
				claim.leaseUntil(), claim.createdAt(), claim.expiresAt(), claim.holder(), now) == 1;
	}

	@Override
	public Optional<IdempotencyRecord> find(UUID agentId, IdempotencyKey key) {
		return Optional.ofNullable(this.claims.find(agentId, key.value())).map(IdempotencyMapper.ClaimRow::claim);
	}

	@Override
	public boolean takeOver(UUID agentId, IdempotencyKey key, UUID holder, Instant now, Instant leaseUntil) {
		return this.claims.takeOver(agentId, key.value(), holder, now, leaseUntil) == 1;
	}

	@Override
	public boolean complete(UUID agentId, IdempotencyKey key, UUID holder, String result, Instant now) {
		return this.claims.complete(agentId, key.value(), holder, result, now) == 1;
	}

	@Override
	public boolean markUnknown(UUID agentId, IdempotencyKey key, UUID holder) {
		return this.claims.markUnknown(agentId, key.value(), holder) == 1;
	}

	@Override
	public boolean release(UUID agentId, IdempotencyKey key, UUID holder) {
		return this.claims.release(agentId, key.value(), holder) == 1;
	}

	@Override
	public int purgeExpired(Instant now) {
		return this.claims.purgeExpired(now);
	}

}
