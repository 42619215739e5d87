package com.launcher.agentgateway.budget;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;

/**
 * The budget over a {@link TaskerBudgetStore} that all nodes share. A call is admitted at
 * once when the bucket allows it; otherwise it joins the queue and tries again when the
 * store says it could be admitted, until its class's wait runs out. A call that could not
 * be admitted within its wait is refused at once rather than after waiting for nothing.
 */
public class SharedTaskerBudget implements TaskerBudget {

	/** Never retry sooner: the bucket refills about once a second at Plane's sizes. */
	private static final Duration SHORTEST_NAP = Duration.ofMillis(20);

	/** Never sleep longer between tries: a write may have left, or a node died. */
	private static final Duration LONGEST_NAP = Duration.ofSeconds(1);

	/** A queued call stays visible a little past its own deadline, then lapses. */
	private static final Duration QUEUE_GRACE = Duration.ofSeconds(2);

	private final TaskerBudgetStore store;

	private final TaskerBudgetSettings settings;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	public SharedTaskerBudget(TaskerBudgetStore store, TaskerBudgetSettings settings) {
		this(store, settings, System::nanoTime, Thread::sleep);
	}

	public SharedTaskerBudget(TaskerBudgetStore store, TaskerBudgetSettings settings, LongSupplier nanoTime,
			Sleeper sleeper) {
		this.store = Objects.requireNonNull(store, "store");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	public TaskerBudgetSettings settings() {
		return this.settings;
	}

	@Override
	public void spend(TaskerCaller caller, int cost) {
		Objects.requireNonNull(caller, "caller");
		if (cost < 1) {
			throw new IllegalArgumentException("cost must be positive");
		}
		// An operation dearer than the bucket could never be admitted whole: spend what
		// fits and owe the rest.
		int now = Math.min(cost, this.settings.burst());
		admit(caller, now);
		if (cost > now) {
			charge(caller, cost - now);
		}
	}

	private void admit(TaskerCaller caller, int cost) {
		UUID id = UUID.randomUUID();
		long deadline = this.nanoTime.getAsLong() + this.settings.maxWait(caller.callClass()).toNanos();
		boolean queued = false;
		while (true) {
			long left = deadline - this.nanoTime.getAsLong();
			boolean mayWait = left > 0;
			TaskerBudgetStore.Attempt attempt = this.store.tryAdmit(new TaskerBudgetStore.Request(id, caller, cost,
					this.settings, mayWait ? Duration.ofNanos(left).plus(QUEUE_GRACE) : Duration.ZERO, null));
			if (attempt.admitted()) {
				return;
			}
			queued = queued || mayWait;
			Duration wait = attempt.retryIn();
			if (!mayWait || wait.toNanos() > left) {
				throw refuse(id, caller, wait);
			}
			try {
				this.sleeper.sleep(nap(wait).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw refuse(id, caller, wait);
			}
		}
	}

	private GatewayException refuse(UUID id, TaskerCaller caller, Duration wait) {
		this.store.giveUp(id, caller, null);
		// Whole seconds, at least one: what Retry-After can say.
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return GatewayException.retryAfter(ErrorCode.TASKER_BUSY, Duration.ofSeconds(seconds));
	}

	private static Duration nap(Duration wait) {
		if (wait.compareTo(SHORTEST_NAP) < 0) {
			return SHORTEST_NAP;
		}
		return (wait.compareTo(LONGEST_NAP) > 0) ? LONGEST_NAP : wait;
	}

	@Override
	public void charge(TaskerCaller caller, int cost) {
		if (cost > 0) {
			this.store.charge(caller, cost, this.settings, null);
		}
	}

	@Override
	public void pause(Duration retryAfter) {
		if (retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()) {
			this.store.pause(retryAfter, null);
		}
	}

	@Override
	public TaskerBudgetStatus status() {
		return this.store.status(this.settings, null);
	}

	/** Sleeps the calling thread (a seam for tests). */
	@FunctionalInterface
	public interface Sleeper {

		void sleep(long millis) throws InterruptedException;

	}

}
