package com.launcher.agentgateway.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One claimed key.
 *
 * @param agentId the agent
 * @param key the key
 * @param tool the tool it was used with
 * @param fingerprint the call's fingerprint
 * @param status in progress, completed, or outcome unknown
 * @param leaseUntil until when an in-progress claim belongs to the call that made it
 * @param result the stored result (JSON) when completed
 * @param createdAt when it was claimed
 * @param expiresAt when it may be forgotten (the retention)
 * @param holder the random token of the call that holds the claim: only that call may
 * complete, release or mark it, so a call that lost its lease cannot undo another's claim
 */
public record IdempotencyRecord(UUID agentId, IdempotencyKey key, String tool, Fingerprint fingerprint, Status status,
		Instant leaseUntil, String result, Instant createdAt, Instant expiresAt, UUID holder) {

	public IdempotencyRecord {
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(tool, "tool");
		Objects.requireNonNull(fingerprint, "fingerprint");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(leaseUntil, "leaseUntil");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
		Objects.requireNonNull(holder, "holder");
		// A replay answers with the stored result: a completed key without one would
		// replay nothing for a write that happened.
		if (status == Status.COMPLETED && result == null) {
			throw new IllegalArgumentException("a completed key holds its result");
		}
	}

	/** Where a claim stands. */
	public enum Status {

		/** A call holds the key (until its lease ends). */
		IN_PROGRESS,
		/** The write is done; the result is stored for replays. */
		COMPLETED,
		/** Tasker did not confirm the write; the next call must reconcile. */
		UNKNOWN

	}

}
