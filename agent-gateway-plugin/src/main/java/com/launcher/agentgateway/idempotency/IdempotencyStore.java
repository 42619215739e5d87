package com.launcher.agentgateway.idempotency;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where claims live. Claims must be decided by a unique constraint on
 * {@code (agent_id, idempotency_key)} so they hold across nodes (security.md).
 */
public interface IdempotencyStore {

	/**
	 * Claims a key: inserts the record, or replaces one whose retention has ended.
	 * @param claim the new in-progress record
	 * @param now the current time
	 * @return true when this call now holds the key
	 */
	boolean tryClaim(IdempotencyRecord claim, Instant now);

	Optional<IdempotencyRecord> find(UUID agentId, IdempotencyKey key);

	/**
	 * Takes over a claim whose first call is gone (outcome unknown, or an in-progress
	 * lease that ended), atomically: only one caller wins.
	 * @param agentId the agent
	 * @param key the key
	 * @param now the current time
	 * @param leaseUntil the new lease
	 * @return true when this call now holds the key
	 */
	boolean takeOver(UUID agentId, IdempotencyKey key, Instant now, Instant leaseUntil);

	void complete(UUID agentId, IdempotencyKey key, String result, Instant now);

	void markUnknown(UUID agentId, IdempotencyKey key);

	/** Forgets the claim so a retry can run (a definite failure). */
	void release(UUID agentId, IdempotencyKey key);

	/** Deletes records whose retention has ended; returns how many. */
	int purgeExpired(Instant now);

}
