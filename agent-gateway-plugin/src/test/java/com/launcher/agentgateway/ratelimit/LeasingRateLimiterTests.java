package com.launcher.agentgateway.ratelimit;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.launcher.agentgateway.Concurrently;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.TestPolicies;
import com.launcher.agentgateway.ratelimit.RateLimiter.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LeasingRateLimiterTests {

	private static final Duration LEASE = Duration.ofMillis(500);

	// Large enough that leases reach their cap: min(32, 10_000 / 10, 100_000 / 100).
	private static final Policy BUSY = TestPolicies.limits(10_000, 1, 100_000);

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final Buckets buckets = new Buckets(1_000_000);

	private final LeasingRateLimiter limiter = new LeasingRateLimiter(this.buckets, LEASE, 32, this.now::get);

	@Test
	void tryAcquireWhenDefaultPolicyThenEveryRequestTakesItsOwnToken() {
		UUID agent = UUID.randomUUID();
		Policy policy = Policy.defaults();

		for (int i = 0; i < 20; i++) {
			assertThat(this.limiter.tryAcquire(agent, policy).allowed()).isTrue();
		}

		assertThat(this.limiter.largest(policy)).isEqualTo(1);
		assertThat(this.buckets.statements.get()).isEqualTo(20);
		assertThat(this.buckets.taken.get()).isEqualTo(20);
	}

	@Test
	void tryAcquireWhenAgentBusyThenLeasesGrowToTheCapAndStatementsFall() {
		UUID agent = UUID.randomUUID();

		for (int i = 0; i < 1_000; i++) {
			assertThat(this.limiter.tryAcquire(agent, BUSY).allowed()).isTrue();
		}

		// 1 + 2 + 4 + 8 + 16 = 31 requests in five leases, then 32 a lease: 31 more
		// leases cover the other 969 requests.
		assertThat(this.buckets.statements.get()).isEqualTo(5 + 31);
		assertThat(this.buckets.taken.get()).isBetween(1_000, 1_000 + 31);
	}

	@Test
	void tryAcquireWhenLeaseEndedThenItsTokensAreDroppedNotSpent() {
		UUID agent = UUID.randomUUID();
		for (int i = 0; i < 100; i++) {
			this.limiter.tryAcquire(agent, BUSY);
		}
		int takenBefore = this.buckets.taken.get();
		int statementsBefore = this.buckets.statements.get();

		this.now.addAndGet(LEASE.toNanos());
		assertThat(this.limiter.tryAcquire(agent, BUSY).allowed()).isTrue();

		// The leftover of the lease that ended was not used: this request took anew.
		assertThat(this.buckets.statements.get()).isEqualTo(statementsBefore + 1);
		assertThat(this.buckets.taken.get()).isGreaterThan(takenBefore);
	}

	@Test
	void tryAcquireWhenLeasesEndUnspentThenTheyShrinkBackToOne() {
		UUID agent = UUID.randomUUID();
		for (int i = 0; i < 100; i++) {
			this.limiter.tryAcquire(agent, BUSY);
		}
		// A quiet agent: one request per lease.
		for (int i = 0; i < 6; i++) {
			this.now.addAndGet(LEASE.toNanos() * 2);
			this.limiter.tryAcquire(agent, BUSY);
		}
		int taken = this.buckets.taken.get();

		this.now.addAndGet(LEASE.toNanos() * 2);
		this.limiter.tryAcquire(agent, BUSY);

		assertThat(this.buckets.taken.get()).isEqualTo(taken + 1);
	}

	@Test
	void tryAcquireWhenPolicyChangesThenTheLeaseIsDropped() {
		UUID agent = UUID.randomUUID();
		for (int i = 0; i < 100; i++) {
			this.limiter.tryAcquire(agent, BUSY);
		}
		int statements = this.buckets.statements.get();
		Policy stricter = TestPolicies.limits(5, 10, 1_000);

		assertThat(this.limiter.tryAcquire(agent, stricter).allowed()).isTrue();

		assertThat(this.buckets.statements.get()).isEqualTo(statements + 1);
		assertThat(this.buckets.lastCount).isEqualTo(1);
	}

	@Test
	void tryAcquireWhenBucketsCannotFillTheLeaseThenOneTokenAtATimeAndTheirRefusal() {
		Buckets nearlyEmpty = new Buckets(40);
		LeasingRateLimiter limiter = new LeasingRateLimiter(nearlyEmpty, LEASE, 32, this.now::get);
		UUID agent = UUID.randomUUID();
		int admitted = 0;
		Decision decision;
		while ((decision = limiter.tryAcquire(agent, BUSY)).allowed()) {
			admitted++;
			assertThat(admitted).isLessThanOrEqualTo(40);
		}

		// Every token was spent, none lost: leases of 1, 2, 4, 8 and 16 (31 tokens, 5
		// statements), then a lease of 32 the buckets could not fill and the single
		// token after it, then one statement per request, the last one refused.
		assertThat(admitted).isEqualTo(40);
		assertThat(decision.retryAfter()).isEqualTo(Buckets.RETRY_AFTER);
		assertThat(nearlyEmpty.failedLeases.get()).isEqualTo(1);
		assertThat(nearlyEmpty.statements.get()).isEqualTo(5 + 2 + 8 + 1);
	}

	@Test
	void tryAcquireWhenSingleTokensWindowEndsThenLeasesGrowAgain() {
		Buckets nearlyEmpty = new Buckets(40);
		LeasingRateLimiter limiter = new LeasingRateLimiter(nearlyEmpty, LEASE, 32, this.now::get);
		UUID agent = UUID.randomUUID();
		while (limiter.tryAcquire(agent, BUSY).allowed()) {
			// Spend the stock down to the refusal.
		}
		nearlyEmpty.refill(1_000);

		this.now.addAndGet(LEASE.toNanos() - 1);
		limiter.tryAcquire(agent, BUSY);
		assertThat(nearlyEmpty.lastCount).as("still inside the window").isEqualTo(1);
		this.now.addAndGet(1);
		limiter.tryAcquire(agent, BUSY);
		limiter.tryAcquire(agent, BUSY);

		assertThat(nearlyEmpty.lastCount).isEqualTo(2);
	}

	@Test
	void tryAcquireWhenTwoLeasesOverlapThenTheTokensEndWithTheEarlierLease() {
		UUID agent = UUID.randomUUID();
		// Grow the lease, then let it end.
		for (int i = 0; i < 8; i++) {
			this.limiter.tryAcquire(agent, BUSY);
		}
		this.now.addAndGet(LEASE.toNanos());
		long start = this.now.get();
		// While this request takes its lease, another request of the agent, 100 ms
		// later, takes one too: its lease would end 100 ms after this one.
		this.buckets.duringNextLease = () -> {
			this.now.addAndGet(Duration.ofMillis(100).toNanos());
			assertThat(this.limiter.tryAcquire(agent, BUSY).allowed()).isTrue();
		};
		assertThat(this.limiter.tryAcquire(agent, BUSY).allowed()).isTrue();
		int statements = this.buckets.statements.get();

		this.now.set(start + LEASE.toNanos());
		assertThat(this.limiter.tryAcquire(agent, BUSY).allowed()).isTrue();

		// The tokens of both leases ended with the first: this request took anew.
		assertThat(this.buckets.statements.get()).isEqualTo(statements + 1);
	}

	@Test
	void tryAcquireWhenManyThreadsShareAnAgentThenNeverMoreAdmittedThanTaken() throws Exception {
		Buckets limited = new Buckets(5_000);
		LeasingRateLimiter limiter = new LeasingRateLimiter(limited, LEASE, 32, System::nanoTime);
		UUID agent = UUID.randomUUID();
		AtomicInteger admitted = new AtomicInteger();
		Concurrently.run(8, (thread) -> {
			for (int i = 0; i < 1_000; i++) {
				if (limiter.tryAcquire(agent, BUSY).allowed()) {
					admitted.incrementAndGet();
				}
			}
		});

		assertThat(limited.taken.get()).isEqualTo(5_000);
		assertThat(admitted.get()).isLessThanOrEqualTo(5_000).isGreaterThan(5_000 - 8 * 32);
	}

	@Test
	void constructorWhenLeaseSettingsInvalidThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LeasingRateLimiter(this.buckets, Duration.ZERO, 32, System::nanoTime));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LeasingRateLimiter(this.buckets, LEASE, 0, System::nanoTime));
	}

	/** Shared buckets with a fixed stock of tokens and no refill. */
	private static final class Buckets implements BulkRateLimiter {

		static final Duration RETRY_AFTER = Duration.ofSeconds(7);

		final AtomicInteger statements = new AtomicInteger();

		final AtomicInteger taken = new AtomicInteger();

		final AtomicInteger failedLeases = new AtomicInteger();

		volatile int lastCount;

		volatile Runnable duringNextLease;

		private int stock;

		Buckets(int stock) {
			this.stock = stock;
		}

		synchronized void refill(int tokens) {
			this.stock += tokens;
		}

		@Override
		public Decision tryAcquire(UUID agentId, Policy policy) {
			return tryAcquireAll(agentId, policy, 1) ? Decision.ALLOWED : new Decision(false, RETRY_AFTER);
		}

		@Override
		public boolean tryAcquireAll(UUID agentId, Policy policy, int count) {
			Runnable during = this.duringNextLease;
			if (during != null && count > 1) {
				this.duringNextLease = null;
				during.run();
			}
			return take(policy, count);
		}

		private synchronized boolean take(Policy policy, int count) {
			assertThat(count).isBetween(1, Math.min(policy.burstRequests(), policy.requestsPerMinute()));
			this.statements.incrementAndGet();
			this.lastCount = count;
			if (this.taken.get() + count > this.stock) {
				if (count > 1) {
					this.failedLeases.incrementAndGet();
				}
				return false;
			}
			this.taken.addAndGet(count);
			return true;
		}

	}

}
