package com.launcher.agentgateway.ratelimit;

import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;

/**
 * A {@link RateLimiter} that can also take several tokens in one step, for
 * {@link LeasingRateLimiter}.
 */
public interface BulkRateLimiter extends RateLimiter {

	/**
	 * Takes {@code count} tokens from both of the agent's buckets if both hold that many,
	 * and none otherwise: never a part.
	 * @param agentId the agent
	 * @param policy its limits
	 * @param count how many, at least 1 and at most what either bucket can hold
	 * @return whether they were taken
	 */
	boolean tryAcquireAll(UUID agentId, Policy policy, int count);

}
