package com.launcher.agentgateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.launcher.agentgateway.policy.Policy;

/**
 * Spares the shared buckets one statement per request for busy agents, the way Bucket4j's
 * batching does: a node takes several tokens at once from the shared buckets and spends
 * them locally for a short while.
 * <p>
 * Why it keeps the limit: every token is taken from the shared buckets before a request
 * spends it, so the nodes together never admit more than the buckets allow. A leased
 * token is spent at most {@code leaseFor} after it was taken, as if its request had come
 * that much earlier; a token left when the lease ends is dropped, never returned, so an
 * agent that stops loses at most one lease per node, which only lowers what it may do.
 * <p>
 * When it leases: a lease starts at one token (exactly the shared limiter's behaviour)
 * and doubles each time the previous lease was spent before it ended; it halves when the
 * next request comes after the lease ended. It never exceeds {@code maxLease}, a tenth of
 * the burst, or a hundredth of the per-minute rate, so with the default policy (20 per 10
 * s, 120 per minute) every request still takes its own token. Near the limit, a lease
 * that the buckets cannot fill falls back to one token, and the agent stays at one token
 * a request for {@code leaseFor}, so an agent at its limit costs the database what it did
 * without leases; a refusal is the shared buckets' own refusal of a single token, with
 * their retry-after.
 */
public final class LeasingRateLimiter implements RateLimiter {

	private static final int MAX_AGENTS = 100_000;

	private final BulkRateLimiter buckets;

	private final long leaseNanos;

	private final int maxLease;

	private final LongSupplier nanoTime;

	private final Map<UUID, Lease> leases = new ConcurrentHashMap<>();

	/**
	 * @param buckets the shared buckets
	 * @param leaseFor how long leased tokens may be spent
	 * @param maxLease the most tokens one lease takes
	 * @param nanoTime the monotonic clock
	 */
	public LeasingRateLimiter(BulkRateLimiter buckets, Duration leaseFor, int maxLease, LongSupplier nanoTime) {
		this.buckets = Objects.requireNonNull(buckets, "buckets");
		if (leaseFor.isNegative() || leaseFor.isZero() || maxLease < 1) {
			throw new IllegalArgumentException("leaseFor must be positive and maxLease at least 1");
		}
		this.leaseNanos = leaseFor.toNanos();
		this.maxLease = maxLease;
		this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
	}

	@Override
	public Decision tryAcquire(UUID agentId, Policy policy) {
		Lease lease = lease(agentId);
		long now;
		int size;
		synchronized (lease) {
			// Read under the lock: a clock read before it could be older than a lease
			// another thread has just opened, and spend that lease's tokens past its end.
			now = this.nanoTime.getAsLong();
			boolean current = policy.equals(lease.policy) && now - lease.endsAt < 0;
			if (current && lease.remaining > 0) {
				lease.remaining--;
				return Decision.ALLOWED;
			}
			if (lease.single && now - lease.singleUntil < 0) {
				// Near the limit: one token a request until this window ends.
				lease.nextSize = 1;
			}
			else if (lease.policy != null) {
				// A lease spent before it ended asks for more; one the next request
				// comes after (or under another policy) asks for fewer.
				lease.nextSize = current ? lease.nextSize * 2 : Math.max(1, lease.nextSize / 2);
			}
			lease.remaining = 0;
			lease.nextSize = Math.min(lease.nextSize, largest(policy));
			size = lease.nextSize;
		}
		if (size > 1 && this.buckets.tryAcquireAll(agentId, policy, size)) {
			granted(lease, policy, now, size);
			return Decision.ALLOWED;
		}
		Decision decision = this.buckets.tryAcquire(agentId, policy);
		if (size > 1) {
			synchronized (lease) {
				// The buckets could not fill the lease: take one token at a time for a
				// while, rather than a failed lease and a single token per request.
				lease.nextSize = 1;
				lease.single = true;
				lease.singleUntil = now + this.leaseNanos;
			}
		}
		if (decision.allowed()) {
			granted(lease, policy, now, 1);
		}
		return decision;
	}

	private void granted(Lease lease, Policy policy, long now, int size) {
		long endsAt = now + this.leaseNanos;
		synchronized (lease) {
			if (policy.equals(lease.policy) && now - lease.endsAt < 0) {
				// Two requests of one agent both took a lease: keep both tokens, under
				// the earlier end, so that no token outlives its own lease.
				if (endsAt - lease.endsAt > 0) {
					endsAt = lease.endsAt;
				}
			}
			else {
				lease.remaining = 0;
			}
			lease.remaining += size - 1;
			lease.policy = policy;
			lease.endsAt = endsAt;
		}
	}

	/** The most tokens one lease may take under this policy. */
	int largest(Policy policy) {
		return Math.max(1,
				Math.min(this.maxLease, Math.min(policy.burstRequests() / 10, policy.requestsPerMinute() / 100)));
	}

	private Lease lease(UUID agentId) {
		Lease lease = this.leases.get(agentId);
		if (lease != null) {
			return lease;
		}
		if (this.leases.size() >= MAX_AGENTS) {
			// Leases of agents long gone; losing a live one only costs a statement.
			this.leases.clear();
		}
		return this.leases.computeIfAbsent(agentId, (id) -> new Lease());
	}

	/** One agent's lease on this node. */
	private static final class Lease {

		private Policy policy;

		private long endsAt;

		private int remaining;

		private int nextSize = 1;

		// Set once a lease could not be filled; nanoTime has no zero to start from.
		private boolean single;

		private long singleUntil;

	}

}
