package com.launcher.agentgateway.idempotency;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an in-progress claim belongs to the call that took it (issue 12, point 8): a
 * claim taken over while its call still runs lets two calls write under one key, so the
 * lease must outlast the longest call that can hold it. That call is bounded by its
 * parts: it starts no Tasker call after its own time limit; the last one it started may
 * wait for the shared budget and then take the Tasker client's longest call; after it,
 * completing the claim and appending the call's event are one statement each.
 */
public final class IdempotencyLease {

	private IdempotencyLease() {
	}

	/**
	 * The shortest lease that outlasts every call.
	 * @param callLimit how long a tool call may go on starting Tasker calls
	 * @param budgetWait the longest a write waits for the shared Tasker budget
	 * @param longestTaskerCall the Tasker client's longest call, all its waits, pages and
	 * retries included
	 * @param statementTimeout the bound on one statement of the gateway
	 * @return the sum, rounded up to a whole second
	 */
	public static Duration minimum(Duration callLimit, Duration budgetWait, Duration longestTaskerCall,
			Duration statementTimeout) {
		Duration sum = Objects.requireNonNull(callLimit, "callLimit")
			.plus(Objects.requireNonNull(budgetWait, "budgetWait"))
			.plus(Objects.requireNonNull(longestTaskerCall, "longestTaskerCall"))
			.plus(Objects.requireNonNull(statementTimeout, "statementTimeout").multipliedBy(2));
		return (sum.getNano() == 0) ? sum : sum.withNanos(0).plusSeconds(1);
	}

	/**
	 * The lease to use: the configured one when it is at least the minimum, else the
	 * minimum itself when none is configured.
	 * @param configured the configured lease, or null
	 * @param minimum what {@link #minimum} gave
	 * @return the lease
	 * @throws IllegalArgumentException when the configured lease is shorter than a call
	 * can run
	 */
	public static Duration choose(Duration configured, Duration minimum) {
		if (configured == null) {
			return minimum;
		}
		if (configured.compareTo(minimum) < 0) {
			throw new IllegalArgumentException(
					"the idempotency lease " + configured + " is shorter than the longest write can run, " + minimum);
		}
		return configured;
	}

}
