package com.launcher.agentgateway.ratelimit;

import java.time.Duration;
import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;

/**
 * Token buckets per agent: a burst bucket and a sustained bucket (one long window alone
 * can be spent in seconds). Cluster-wide: the buckets live in the shared database.
 */
public interface RateLimiter {

	Decision tryAcquire(UUID agentId, Policy policy);

	/**
	 * Admitted or not.
	 *
	 * @param allowed whether the request may go on
	 * @param retryAfter when to retry, when refused
	 */
	record Decision(boolean allowed, Duration retryAfter) {

		public static final Decision ALLOWED = new Decision(true, Duration.ZERO);

	}

}
