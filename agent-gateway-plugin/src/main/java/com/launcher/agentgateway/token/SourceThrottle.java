package com.launcher.agentgateway.token;

import java.time.Duration;
import java.util.Objects;
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
	 * Counts a failure against the source, unless the source is refused already: then
	 * nothing is counted or written, so that a refusal does not extend itself (issue 12,
	 * point 2). One statement either way: garbage tokens are what a flood sends.
	 * @param sourceAddress the source's throttle key
	 * @return whether the source was refused already, and the refusal in force now
	 */
	Failure recordFailure(String sourceAddress);

	/** Forgets a source's failures after a success. */
	void reset(String sourceAddress);

	/**
	 * What recording a failure found.
	 *
	 * @param refusedAlready the source was refused before this failure, which was not
	 * counted
	 * @param refusedFor how long the source is refused from now on; {@code null} when it
	 * is not
	 */
	record Failure(boolean refusedAlready, Duration refusedFor) {

		public Failure {
			if (refusedAlready) {
				Objects.requireNonNull(refusedFor, "refusedFor");
			}
		}

		public Optional<Duration> refusal() {
			return Optional.ofNullable(this.refusedFor);
		}

	}

}
