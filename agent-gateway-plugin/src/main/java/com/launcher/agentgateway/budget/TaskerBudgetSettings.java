package com.launcher.agentgateway.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * How the budget is sized and shared ({@code agent-gateway.tasker-budget.*}).
 * <p>
 * It is a token bucket of {@code burst} calls refilled at {@code perMinute - burst} a
 * minute, so any 60 s holds at most {@code perMinute} calls, however they bunch: keep
 * {@code perMinute} below Plane's {@code API_KEY_RATE_LIMIT} for the key (docs/design.md,
 * "The Tasker budget", says by how much and why).
 *
 * @param perMinute the most calls all nodes together make in any 60 s
 * @param burst the most calls made at once after a quiet spell
 * @param writeReserve calls an agent's read or a person's call leaves in the bucket for
 * writes
 * @param syncReserve calls the sync leaves in the bucket for everyone else
 * @param syncShare the most of {@code perMinute} the sync spends in any 60 s
 * @param maxWait how long an agent's read or a person's call waits for the budget
 * @param writeMaxWait how long a write waits
 * @param syncMaxWait how long a sync call waits
 */
public record TaskerBudgetSettings(int perMinute, int burst, int writeReserve, int syncReserve, double syncShare,
		Duration maxWait, Duration writeMaxWait, Duration syncMaxWait) {

	private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

	public TaskerBudgetSettings {
		if (perMinute < 2 || perMinute > 100_000) {
			throw new IllegalArgumentException("agent-gateway.tasker-budget.per-minute must be between 2 and 100000");
		}
		if (burst < 1 || burst >= perMinute) {
			throw new IllegalArgumentException(
					"agent-gateway.tasker-budget.burst must be at least 1 and below per-minute");
		}
		if (writeReserve < 0 || writeReserve >= burst) {
			throw new IllegalArgumentException(
					"agent-gateway.tasker-budget.write-reserve must be at least 0 and below burst");
		}
		if (syncReserve < writeReserve || syncReserve >= burst) {
			throw new IllegalArgumentException(
					"agent-gateway.tasker-budget.sync-reserve must be at least write-reserve and below burst");
		}
		if (!(syncShare > 0 && syncShare <= 1)) {
			throw new IllegalArgumentException("agent-gateway.tasker-budget.sync-share must be in (0, 1]");
		}
		wait(maxWait, "max-wait");
		wait(writeMaxWait, "write-max-wait");
		wait(syncMaxWait, "sync-max-wait");
	}

	/**
	 * Plane's default 60 a minute less a tenth, bursts of 6, two calls kept for writes
	 * and the sync at most half the budget.
	 * @return the defaults
	 */
	public static TaskerBudgetSettings defaults() {
		return new TaskerBudgetSettings(54, 6, 2, 4, 0.5, Duration.ofSeconds(5), Duration.ofSeconds(15),
				Duration.ofSeconds(30));
	}

	/** The bucket's refill, in calls per second. */
	public double perSecond() {
		return (this.perMinute - this.burst) / 60.0;
	}

	/** What a call of this class must leave in the bucket. */
	public int reserve(CallClass callClass) {
		return switch (callClass) {
			case WRITE -> 0;
			case HUMAN, INTERACTIVE -> this.writeReserve;
			case SYNC -> this.syncReserve;
		};
	}

	/** How long a call of this class waits for the budget before it is refused. */
	public Duration maxWait(CallClass callClass) {
		return switch (callClass) {
			case WRITE -> this.writeMaxWait;
			case HUMAN, INTERACTIVE -> this.maxWait;
			case SYNC -> this.syncMaxWait;
		};
	}

	/** The most calls of this class in any 60 s ({@code perMinute} but for the sync). */
	public int cap(CallClass callClass) {
		return (callClass == CallClass.SYNC) ? Math.max(1, (int) Math.floor(this.perMinute * this.syncShare))
				: this.perMinute;
	}

	private static void wait(Duration wait, String name) {
		Objects.requireNonNull(wait, name);
		if (wait.isNegative() || wait.compareTo(LONGEST_WAIT) > 0) {
			throw new IllegalArgumentException("agent-gateway.tasker-budget." + name + " must be between 0 and 60 s");
		}
	}

}
