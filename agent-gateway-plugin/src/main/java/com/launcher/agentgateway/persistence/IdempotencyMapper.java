package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.UUID;

import com.launcher.agentgateway.idempotency.Fingerprint;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.idempotency.IdempotencyRecord;
import com.launcher.agentgateway.idempotency.IdempotencyRecord.Status;

/** The statements of {@code IdempotencyMapper.xml}. */
interface IdempotencyMapper {

	int tryClaim(UUID agent, String key, String tool, byte[] fingerprint, Instant lease, Instant created,
			Instant expires, Instant now);

	ClaimRow find(UUID agent, String key);

	int takeOver(UUID agent, String key, Instant now, Instant lease);

	int complete(UUID agent, String key, String result, Instant now);

	int markUnknown(UUID agent, String key);

	int release(UUID agent, String key);

	int purgeExpired(Instant now);

	/** A row of {@code agw_idempotency}. */
	record ClaimRow(UUID agentId, String idempotencyKey, String tool, byte[] fingerprint, Status status,
			Instant leaseUntil, String result, Instant createdAt, Instant expiresAt) {

		IdempotencyRecord claim() {
			return new IdempotencyRecord(this.agentId, new IdempotencyKey(this.idempotencyKey), this.tool,
					Fingerprint.fromBytes(this.fingerprint), this.status, this.leaseUntil, this.result, this.createdAt,
					this.expiresAt);
		}

	}

}
