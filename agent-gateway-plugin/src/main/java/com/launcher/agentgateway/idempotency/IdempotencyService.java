package com.launcher.agentgateway.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.idempotency.IdempotencyRecord.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a write at most once per {@code (agent, key)}, following the table in security.md:
 * a completed key replays its stored result, a key reused with other arguments or still
 * in flight is refused, a definite failure releases the key, an unknown outcome keeps it
 * and makes the next call reconcile before it may write again.
 */
public class IdempotencyService {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyService.class);

	/**
	 * The shortest retention allowed (Stripe's 24 h; the IETF draft wants it published).
	 */
	public static final Duration MIN_RETENTION = Duration.ofHours(24);

	private final IdempotencyStore store;

	private final Clock clock;

	private final Duration retention;

	private final Duration lease;

	private final FailureNames failures;

	/**
	 * @param store where claims live
	 * @param clock the clock
	 * @param retention how long a completed key is remembered, at least 24 h
	 * @param lease how long an in-progress claim belongs to its call before another call
	 * may reconcile it; longer than the slowest Tasker call
	 * @param failures what the log says of a store that failed after the write
	 */
	public IdempotencyService(IdempotencyStore store, Clock clock, Duration retention, Duration lease,
			FailureNames failures) {
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (retention.compareTo(MIN_RETENTION) < 0) {
			throw new IllegalArgumentException("idempotency retention must be at least 24 hours");
		}
		if (lease.isNegative() || lease.isZero() || lease.compareTo(retention) >= 0) {
			throw new IllegalArgumentException("lease must be positive and shorter than the retention");
		}
		this.retention = retention;
		this.lease = lease;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	public Duration retention() {
		return this.retention;
	}

	/**
	 * Runs the write under the key, or answers from what the key already holds.
	 * @param agentId the agent
	 * @param key the key
	 * @param tool the tool name
	 * @param fingerprint the call's fingerprint
	 * @param write the write; told whether it must first reconcile an earlier attempt
	 * @return the result and whether it is a replay
	 * @throws GatewayException {@code IDEMPOTENCY_KEY_REUSED},
	 * {@code IDEMPOTENCY_IN_PROGRESS} or whatever the write threw
	 */
	public Execution execute(UUID agentId, IdempotencyKey key, String tool, Fingerprint fingerprint, Write write) {
		Instant now = this.clock.instant();
		// This call's own token: the store lets only the holder end the claim.
		UUID holder = UUID.randomUUID();
		IdempotencyRecord claim = new IdempotencyRecord(agentId, key, tool, fingerprint, Status.IN_PROGRESS,
				now.plus(this.lease), null, now, now.plus(this.retention), holder);
		for (int attempt = 0; attempt < 2; attempt++) {
			if (this.store.tryClaim(claim, now)) {
				return run(agentId, key, holder, write, false);
			}
			Optional<IdempotencyRecord> existing = this.store.find(agentId, key);
			if (existing.isEmpty()) {
				// Released between our insert and our read: one more try, then give up.
				continue;
			}
			IdempotencyRecord record = existing.get();
			if (!record.tool().equals(tool) || !record.fingerprint().equals(fingerprint)) {
				throw new GatewayException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
			}
			if (record.status() == Status.COMPLETED) {
				return new Execution(record.result(), true);
			}
			boolean abandoned = record.status() == Status.UNKNOWN || !record.leaseUntil().isAfter(now);
			if (abandoned && this.store.takeOver(agentId, key, holder, now, now.plus(this.lease))) {
				return run(agentId, key, holder, write, true);
			}
			throw new GatewayException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "idempotency_key", java.util.Map.of(),
					Duration.ofSeconds(2));
		}
		throw new GatewayException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "idempotency_key", java.util.Map.of(),
				Duration.ofSeconds(2));
	}

	private Execution run(UUID agentId, IdempotencyKey key, UUID holder, Write write, boolean reconcile) {
		String result;
		try {
			result = write.apply(reconcile);
		}
		catch (GatewayException ex) {
			if (ex.errorCode() == ErrorCode.OUTCOME_UNKNOWN) {
				this.store.markUnknown(agentId, key, holder);
			}
			else {
				this.store.release(agentId, key, holder);
			}
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			// We cannot tell whether Tasker applied it: keep the key and reconcile next
			// time.
			this.store.markUnknown(agentId, key, holder);
			throw ex;
		}
		try {
			// A call whose lease ran out and was taken over finds the claim no longer
			// its own: the new holder completes it, after reconciling with Tasker.
			this.store.complete(agentId, key, holder, result, this.clock.instant());
		}
		catch (RuntimeException ex) {
			// The write happened: the caller gets its result (issue 12, point 5). The
			// claim stays in progress, or becomes unknown if the store answers again, so
			// a retry under this key reconciles with Tasker instead of writing twice.
			logger.warn("Write done but its idempotency key not completed: {}", this.failures.of(ex));
			try {
				this.store.markUnknown(agentId, key, holder);
			}
			catch (RuntimeException again) {
				logger.warn("Idempotency key not marked unknown either: {}", this.failures.of(again));
			}
		}
		return new Execution(result, false);
	}

	/** Deletes expired records; called periodically. */
	public int purgeExpired() {
		return this.store.purgeExpired(this.clock.instant());
	}

	/**
	 * The write guarded by a key.
	 */
	@FunctionalInterface
	public interface Write {

		/**
		 * Performs the write and returns its result as stored text (JSON).
		 * @param reconcile true when an earlier attempt may have been applied: look it up
		 * (by the external id) before writing again
		 * @return the result to store and return
		 */
		String apply(boolean reconcile);

	}

	/**
	 * What a keyed call produced.
	 *
	 * @param result the result text (JSON)
	 * @param replayed whether it is the stored result of an earlier call
	 */
	public record Execution(String result, boolean replayed) {
	}

}
