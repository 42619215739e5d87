package com.launcher.agentgateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.launcher.agentgateway.core.FailureNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes audit events older than the retention ({@code agent-gateway.audit.retention}),
 * from the start of the chain, every {@code interval}; without a retention it does
 * nothing and every event is kept. The store keeps the last deleted event's position and
 * hash, so the rest of the chain still verifies.
 */
public class AuditRetention {

	/** Events deleted per statement, so no single transaction grows without bound. */
	public static final int BATCH = 5_000;

	/** The most batches in one pass; the next pass goes on where this one stopped. */
	static final int MAX_BATCHES_PER_PASS = 200;

	/** When the first pass runs after the plugin starts. */
	static final Duration FIRST_PASS_AFTER = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(AuditRetention.class);

	private final Pruner pruner;

	private final Duration retention;

	private final Duration interval;

	private final Clock clock;

	private final FailureNames failures;

	private Periodic passes;

	/**
	 * @param pruner the store
	 * @param retention how long events are kept, or {@code null} to keep every event
	 * @param interval how often a pass runs
	 * @param clock the clock
	 * @param failures what the log says of a failed pass
	 */
	public AuditRetention(Pruner pruner, Duration retention, Duration interval, Clock clock, FailureNames failures) {
		this.pruner = pruner;
		this.retention = retention;
		this.interval = interval;
		this.clock = clock;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	/** Schedules the passes; the plugin's context calls it once it has started. */
	public void start() {
		if (this.retention == null) {
			return;
		}
		// Soon after start, not during it: the first pass may have a backlog to delete.
		Duration firstAfter = (this.interval.compareTo(FIRST_PASS_AFTER) < 0) ? this.interval : FIRST_PASS_AFTER;
		this.passes = Periodic.start("agent-gateway-audit-retention", this::runOnce, firstAfter, this.interval);
	}

	/**
	 * One pass: deletes events older than the retention, a batch at a time. Failures are
	 * logged and retried at the next interval.
	 * @return how many events were deleted
	 */
	public long runOnce() {
		if (this.retention == null) {
			return 0;
		}
		Instant cutoff = null;
		long deleted = 0;
		try {
			cutoff = this.clock.instant().minus(this.retention);
			for (int batch = 0; batch < MAX_BATCHES_PER_PASS && !Thread.currentThread().isInterrupted(); batch++) {
				int count = this.pruner.prune(cutoff, BATCH);
				deleted += count;
				if (count < BATCH) {
					break;
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Audit retention failed; retrying in {}: {}", this.interval, this.failures.of(ex));
		}
		if (deleted > 0) {
			logger.info("Audit retention deleted {} event(s) older than {}", deleted, cutoff);
		}
		return deleted;
	}

	/** Stops the passes; the plugin's context calls it when it stops. */
	public void stop() {
		if (this.passes != null) {
			// A pass in progress ends after its current batch.
			this.passes.stop();
		}
	}

	/** Where events are deleted from the start of the chain. */
	public interface Pruner {

		/**
		 * Deletes up to {@code batch} of the oldest events, stopping at the first event
		 * that occurred at or after {@code cutoff}, and remembers the last one deleted so
		 * the chain still verifies. Does nothing while another node is pruning.
		 * @param cutoff events before this are deleted
		 * @param batch the most events to delete
		 * @return how many were deleted
		 */
		int prune(Instant cutoff, int batch);

	}

}
