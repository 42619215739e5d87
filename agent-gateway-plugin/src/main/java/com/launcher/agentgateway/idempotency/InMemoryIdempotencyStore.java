package com.launcher.agentgateway.idempotency;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.agentgateway.idempotency.IdempotencyRecord.Status;

/**
 * A single-node store for tests and development; {@code MybatisIdempotencyStore} is the
 * one that holds across nodes.
 */
public class InMemoryIdempotencyStore implements IdempotencyStore {

	private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

	private static String id(UUID agentId, IdempotencyKey key) {
		return agentId + "/" + key.value();
	}

	@Override
	public synchronized boolean tryClaim(IdempotencyRecord claim, Instant now) {
		String id = id(claim.agentId(), claim.key());
		IdempotencyRecord existing = this.records.get(id);
		if (existing != null && existing.expiresAt().isAfter(now)) {
			return false;
		}
		this.records.put(id, claim);
		return true;
	}

	@Override
	public Optional<IdempotencyRecord> find(UUID agentId, IdempotencyKey key) {
		return Optional.ofNullable(this.records.get(id(agentId, key)));
	}

	@Override
	public synchronized boolean takeOver(UUID agentId, IdempotencyKey key, Instant now, Instant leaseUntil) {
		IdempotencyRecord r = this.records.get(id(agentId, key));
		if (r == null || r.status() == Status.COMPLETED
				|| (r.status() == Status.IN_PROGRESS && r.leaseUntil().isAfter(now))) {
			return false;
		}
		this.records.put(id(agentId, key), new IdempotencyRecord(agentId, key, r.tool(), r.fingerprint(),
				Status.IN_PROGRESS, leaseUntil, null, r.createdAt(), r.expiresAt()));
		return true;
	}

	@Override
	public synchronized void complete(UUID agentId, IdempotencyKey key, String result, Instant now) {
		this.records.computeIfPresent(id(agentId, key), (k, r) -> new IdempotencyRecord(agentId, key, r.tool(),
				r.fingerprint(), Status.COMPLETED, r.leaseUntil(), result, r.createdAt(), r.expiresAt()));
	}

	@Override
	public synchronized void markUnknown(UUID agentId, IdempotencyKey key) {
		// As the database does: only a write in flight can end with an unknown outcome.
		this.records.computeIfPresent(id(agentId, key),
				(k, r) -> (r.status() != Status.IN_PROGRESS) ? r : new IdempotencyRecord(agentId, key, r.tool(),
						r.fingerprint(), Status.UNKNOWN, r.leaseUntil(), null, r.createdAt(), r.expiresAt()));
	}

	@Override
	public synchronized void release(UUID agentId, IdempotencyKey key) {
		// A completed result stays for replays until it expires.
		this.records.computeIfPresent(id(agentId, key), (k, r) -> (r.status() == Status.COMPLETED) ? r : null);
	}

	@Override
	public synchronized int purgeExpired(Instant now) {
		int before = this.records.size();
		this.records.values().removeIf((r) -> !r.expiresAt().isAfter(now));
		return before - this.records.size();
	}

}
