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
	 * @param holder the taking call's token, which becomes the claim's holder
	 * @param now the current time
	 * @param leaseUntil the new lease
	 * @return true when this call now holds the key
	 */
	boolean takeOver(UUID agentId, IdempotencyKey key, UUID holder, Instant now, Instant leaseUntil);

	/**
	 * Stores the result, if {@code holder} still holds the claim.
	 * @return whether it did
	 */
	boolean complete(UUID agentId, IdempotencyKey key, UUID holder, String result, Instant now);

	/**
	 * Marks an in-progress claim's outcome unknown, if {@code holder} still holds it.
	 * @return whether it did
	 */
	boolean markUnknown(UUID agentId, IdempotencyKey key, UUID holder);

	/**
	 * Forgets the claim so a retry can run (a definite failure), if {@code holder} still
	 * holds it and it is not completed.
	 * @return whether it did
	 */
	boolean release(UUID agentId, IdempotencyKey key, UUID holder);

	/** Deletes records whose retention has ended; returns how many. */
	int purgeExpired(Instant now);

}
