package com.launcher.agentgateway.budget;

import java.time.Duration;

/**
 * The one budget of calls to Tasker that every node of the cluster spends (Plane allows a
 * key 60 calls per sliding minute, plane-api.md §1). Spending waits, a bounded time set
 * per {@link CallClass}, while calls ranked before it go first; past that bound it fails
 * with {@link com.launcher.agentgateway.core.ErrorCode#TASKER_BUSY} and the time after
 * which a retry may succeed, and no call reaches Tasker.
 */
public interface TaskerBudget {

	/**
	 * Spends {@code cost} calls for the caller, before they are made.
	 * @param caller who asks, and for what
	 * @param cost how many calls to Tasker the operation makes (at least 1)
	 * @throws com.launcher.agentgateway.core.GatewayException {@code tasker_busy} with
	 * {@code retryAfter} when the budget cannot serve the caller within its wait
	 */
	void spend(TaskerCaller caller, int cost);

	/**
	 * Records calls already made beyond those spent (the further pages of a list walked
	 * to its end): never waits, and may leave the budget in debt that later calls wait
	 * out.
	 * @param caller who made them
	 * @param cost how many (0 does nothing)
	 */
	void charge(TaskerCaller caller, int cost);

	/**
	 * Tasker answered 429: its own count says the key is spent, so no node calls it until
	 * {@code retryAfter} has passed (plane-api.md §1).
	 * @param retryAfter Tasker's {@code Retry-After}
	 */
	void pause(Duration retryAfter);

	/** What operators see: spent, left, waiting (read-only, one or two statements). */
	TaskerBudgetStatus status();

}
