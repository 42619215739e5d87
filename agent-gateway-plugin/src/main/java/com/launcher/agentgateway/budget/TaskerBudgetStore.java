package com.launcher.agentgateway.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the budget lives so that every node shares it: the bucket, the calls it admitted
 * lately (who, what class) and the calls waiting for it. Each method is one statement;
 * {@code now} is {@code null} in production, where the database's clock serves every node
 * alike, and fixed in tests.
 */
public interface TaskerBudgetStore {

	/**
	 * Admits the call when the bucket, after refilling, holds its cost plus its class's
	 * reserve plus the cost of every waiting call ranked before it, no 429 pause is in
	 * force and its class is under its cap; otherwise, when asked, enters it among the
	 * waiting calls (or keeps it there) until {@code hold} from now.
	 * <p>
	 * Waiting calls rank by class ({@link CallClass#priority()}), then by what their
	 * owner and then their agent spent in the last 60 s (least first), then by how long
	 * they have waited: so a busy agent's calls wait behind everyone else's.
	 * @param request the call
	 * @return the outcome, with what a refused caller needs to know how long to wait
	 */
	Attempt tryAdmit(Request request);

	/**
	 * Takes a waiting call out of the queue and counts it refused.
	 * @param waiterId the call's id
	 * @param caller who made it
	 * @param now the time, or {@code null}
	 */
	void giveUp(UUID waiterId, TaskerCaller caller, Instant now);

	/**
	 * Takes calls already made from the bucket, into debt if need be.
	 * @param caller who made them
	 * @param cost how many
	 * @param settings the bucket's size
	 * @param now the time, or {@code null}
	 */
	void charge(TaskerCaller caller, int cost, TaskerBudgetSettings settings, Instant now);

	/**
	 * Empties the bucket and stops every call until {@code retryAfter} from now.
	 * @param retryAfter Tasker's {@code Retry-After}
	 * @param now the time, or {@code null}
	 */
	void pause(Duration retryAfter, Instant now);

	/**
	 * The operators' view.
	 * @param settings the bucket's size
	 * @param now the time, or {@code null}
	 * @return the status
	 */
	TaskerBudgetStatus status(TaskerBudgetSettings settings, Instant now);

	/**
	 * One attempt to spend.
	 *
	 * @param waiterId the call's id, the same on every attempt of one call
	 * @param caller who asks
	 * @param cost how many calls
	 * @param settings the bucket's size, reserves and caps
	 * @param hold when refused, keep the call queued this long (zero: do not queue it)
	 * @param now the time, or {@code null} for the database's clock
	 */
	record Request(UUID waiterId, TaskerCaller caller, int cost, TaskerBudgetSettings settings, Duration hold,
			Instant now) {

		public Request {
			Objects.requireNonNull(waiterId, "waiterId");
			Objects.requireNonNull(caller, "caller");
			Objects.requireNonNull(settings, "settings");
			Objects.requireNonNull(hold, "hold");
			if (cost < 1 || cost > settings.burst()) {
				throw new IllegalArgumentException("cost must be between 1 and the burst");
			}
		}

	}

	/**
	 * What one attempt found.
	 *
	 * @param admitted whether the call may go to Tasker now
	 * @param retryIn when refused, how long until it could be admitted if nothing else
	 * came first (zero when admitted)
	 */
	record Attempt(boolean admitted, Duration retryIn) {

		public static final Attempt ADMITTED = new Attempt(true, Duration.ZERO);

		public Attempt {
			Objects.requireNonNull(retryIn, "retryIn");
		}

	}

}
