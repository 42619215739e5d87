package com.launcher.agentgateway.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;

/**
 * Reads and changes the policy. Reads are cached for at most {@link #MAX_STALENESS} so
 * the hot path does not query it per request; a change made on another node is seen
 * within that bound.
 */
public class PolicyService {

	/** The longest a node may act on a policy another node has replaced. */
	public static final Duration MAX_STALENESS = Duration.ofSeconds(5);

	private final PolicyStore store;

	private final Clock clock;

	private volatile Cached cached;

	public PolicyService(PolicyStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public Policy current() {
		Cached snapshot = this.cached;
		Instant now = this.clock.instant();
		if (snapshot == null || now.isAfter(snapshot.loadedAt().plus(MAX_STALENESS))) {
			snapshot = new Cached(this.store.load(), now);
			this.cached = snapshot;
		}
		return snapshot.policy();
	}

	public Policy update(Actor actor, Policy policy) {
		if (!actor.platformAdmin()) {
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		this.store.save(policy, actor.userId());
		this.cached = new Cached(policy, this.clock.instant());
		return policy;
	}

	private record Cached(Policy policy, Instant loadedAt) {
	}

}
