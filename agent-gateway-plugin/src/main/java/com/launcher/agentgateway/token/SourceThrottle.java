package com.launcher.agentgateway.token;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed authentications per source address, cluster-wide. Agents are never locked
 * out by failures with unknown tokens (that would be lockout as denial of service); the
 * failing source is refused for a while instead (GitLab: 30 failures in 3 minutes → an
 * hour).
 */
public interface SourceThrottle {

	/** How long the source is still refused, if it is. */
	Optional<Duration> blockedFor(String sourceAddress);

	/**
	 * Counts a failure; answers how long the source is now refused, if it crossed the
	 * limit.
	 */
	Optional<Duration> recordFailure(String sourceAddress);

	/** Forgets a source's failures after a success. */
	void reset(String sourceAddress);

}
