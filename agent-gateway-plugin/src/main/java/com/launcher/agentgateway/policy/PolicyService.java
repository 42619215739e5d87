package com.launcher.agentgateway.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;

/**
 * Reads and changes the policy. Reads are cached so the hot path does not query it per
 * request. A change made on any node reaches every node's cache through
 * {@link #invalidate()} as it commits (PostgreSQL {@code NOTIFY}, DESIGN §7); if that
 * notice is lost, a cached copy is still never older than {@link #MAX_STALENESS}.
 */
public class PolicyService {

	/**
	 * The longest a node may act on a policy another node has replaced, even when the
	 * change notice does not arrive.
	 */
	public static final Duration MAX_STALENESS = Duration.ofSeconds(5);

	private final PolicyStore store;

	private final UserActions actions;

	private final Clock clock;

	private volatile Cached cached;

	// Bumped by every change notice; a cached copy from an older generation is not used.
	private final AtomicLong generation = new AtomicLong();

	public PolicyService(PolicyStore store, UserActions actions, Clock clock) {
		this.store = store;
		this.actions = actions;
		this.clock = clock;
	}

	public Policy current() {
		Cached snapshot = this.cached;
		Instant now = this.clock.instant();
		long generation = this.generation.get();
		if (snapshot == null || snapshot.generation() != generation
				|| now.isAfter(snapshot.loadedAt().plus(MAX_STALENESS))) {
			// A copy loaded while a change notice arrived carries the generation it was
			// loaded in, so the next read does not trust it.
			snapshot = new Cached(this.store.load(), now, generation);
			this.cached = snapshot;
		}
		return snapshot.policy();
	}

	/** Drops the cached policy: the next read loads it again. */
	public void invalidate() {
		this.generation.incrementAndGet();
	}

	public Policy update(Actor actor, Policy policy) {
		if (!actor.platformAdmin()) {
			audit(actor, Outcome.DENIED, "forbidden", null);
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		// Taken before the save: any notice that arrives from now on, this save's own
		// included, makes the next read load the stored policy again, in case another
		// node saved after us.
		long generation = this.generation.get();
		this.store.save(policy, actor.userId());
		this.cached = new Cached(policy, this.clock.instant(), generation);
		audit(actor, Outcome.SUCCEEDED, null, policy);
		return policy;
	}

	// A policy change is an admin action: one audit event, like every other (A1).
	private void audit(Actor actor, Outcome outcome, String reason, Policy policy) {
		AuditEvent.Builder event = this.actions.event("policy.update", outcome, actor)
			.target("policy", "1")
			.reason(reason);
		if (policy != null) {
			event.detail("policy", policy.toString());
		}
		this.actions.record(event);
	}

	private record Cached(Policy policy, Instant loadedAt, long generation) {
	}

}
