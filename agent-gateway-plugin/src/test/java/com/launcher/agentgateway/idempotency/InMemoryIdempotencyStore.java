package com.launcher.agentgateway.idempotency;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.agentgateway.idempotency.IdempotencyRecord.Status;

/**
 * A single-node store for unit tests of the callers and the store contract;
 * {@code MybatisIdempotencyStore} is the only one the plugin runs with.
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
	public synchronized boolean takeOver(UUID agentId, IdempotencyKey key, UUID holder, Instant now,
			Instant leaseUntil) {
		IdempotencyRecord r = this.records.get(id(agentId, key));
		if (r == null || r.status() == Status.COMPLETED
				|| (r.status() == Status.IN_PROGRESS && r.leaseUntil().isAfter(now))) {
			return false;
		}
		replace(r, Status.IN_PROGRESS, leaseUntil, null, holder);
		return true;
	}

	@Override
	public synchronized boolean complete(UUID agentId, IdempotencyKey key, UUID holder, String result, Instant now) {
		IdempotencyRecord r = held(agentId, key, holder);
		if (r == null) {
			return false;
		}
		replace(r, Status.COMPLETED, r.leaseUntil(), result, holder);
		return true;
	}

	@Override
	public synchronized boolean markUnknown(UUID agentId, IdempotencyKey key, UUID holder) {
		// As the database does: only a write in flight can end with an unknown outcome.
		IdempotencyRecord r = held(agentId, key, holder);
		if (r == null || r.status() != Status.IN_PROGRESS) {
			return false;
		}
		replace(r, Status.UNKNOWN, r.leaseUntil(), null, holder);
		return true;
	}

	@Override
	public synchronized boolean release(UUID agentId, IdempotencyKey key, UUID holder) {
		// A completed result stays for replays until it expires.
		IdempotencyRecord r = held(agentId, key, holder);
		if (r == null || r.status() == Status.COMPLETED) {
			return false;
		}
		this.records.remove(id(agentId, key));
		return true;
	}

	/** The same claim (agent, key, tool, fingerprint, lifetime) in a new state. */
	private void replace(IdempotencyRecord r, Status status, Instant leaseUntil, String result, UUID holder) {
		this.records.put(id(r.agentId(), r.key()), new IdempotencyRecord(r.agentId(), r.key(), r.tool(),
				r.fingerprint(), status, leaseUntil, result, r.createdAt(), r.expiresAt(), holder));
	}

	private IdempotencyRecord held(UUID agentId, IdempotencyKey key, UUID holder) {
		IdempotencyRecord r = this.records.get(id(agentId, key));
		return (r != null && r.holder().equals(holder)) ? r : null;
	}

	@Override
	public synchronized int purgeExpired(Instant now) {
		int before = this.records.size();
		this.records.values().removeIf((r) -> !r.expiresAt().isAfter(now));
		return before - this.records.size();
	}

}
