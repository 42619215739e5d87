package com.launcher.agentgateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.Concurrently;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.TestPolicies;
import com.launcher.agentgateway.ratelimit.RateLimiter.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RateLimiter} must do. {@link #newNode()} answers another limiter over
 * the same shared state, as a second gateway node would have.
 */
public abstract class RateLimiterContractTests {

	protected abstract RateLimiter newNode();

	/**
	 * How many tokens a limiter may take from the shared buckets and leave unspent in a
	 * busy run: never more admitted than the buckets allow, but possibly fewer.
	 */
	protected int unspentAtMost() {
		return 0;
	}

	@Test
	void tryAcquireWhenBurstSpentThenRefusedWithPositiveRetryAfter() {
		RateLimiter limiter = newNode();
		UUID agent = UUID.randomUUID();
		Policy policy = TestPolicies.limits(5, 10, 1_000);

		for (int i = 0; i < 5; i++) {
			assertThat(limiter.tryAcquire(agent, policy).allowed()).as("request %d", i).isTrue();
		}
		Decision refused = limiter.tryAcquire(agent, policy);

		assertThat(refused.allowed()).isFalse();
		// One token refills in 10 s / 5 = 2 s.
		assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(limiter.tryAcquire(UUID.randomUUID(), policy).allowed()).as("another agent").isTrue();
	}

	@Test
	void tryAcquireWhenTimePassesThenBucketRefills() throws InterruptedException {
		RateLimiter limiter = newNode();
		UUID agent = UUID.randomUUID();
		// 10 per second: one token every 100 ms.
		Policy policy = TestPolicies.limits(10, 1, 10_000);
		int admitted = 0;
		long started = System.nanoTime();
		while (limiter.tryAcquire(agent, policy).allowed()) {
			admitted++;
			assertThat(admitted).isLessThan(100);
		}
		// The burst, plus what refilled while the loop ran: a busy machine's slow round
		// trips refill a token each 100 ms, and not one more.
		int refilled = (int) Math.ceil((System.nanoTime() - started) / 1e9 * 10);
		assertThat(admitted).isBetween(10, 10 + Math.max(2, refilled + 1));

		Thread.sleep(350);

		assertThat(limiter.tryAcquire(agent, policy).allowed()).isTrue();
	}

	@Test
	void tryAcquireWhenSustainedRateSpentThenRefusedEvenWithBurstLeft() {
		RateLimiter limiter = newNode();
		UUID agent = UUID.randomUUID();
		Policy policy = TestPolicies.limits(100, 1, 3);

		assertThat(limiter.tryAcquire(agent, policy).allowed()).isTrue();
		assertThat(limiter.tryAcquire(agent, policy).allowed()).isTrue();
		assertThat(limiter.tryAcquire(agent, policy).allowed()).isTrue();
		Decision refused = limiter.tryAcquire(agent, policy);

		assertThat(refused.allowed()).isFalse();
		// 3 per minute: one token every 20 s.
		assertThat(refused.retryAfter()).isGreaterThan(Duration.ofSeconds(10))
			.isLessThanOrEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void tryAcquireWhenTwoNodesShareTheStoreThenTheyShareOneBucket() throws Exception {
		// 10 per hour: practically no refill during the test.
		Policy policy = TestPolicies.limits(10, 3_600, 10_000);

		assertThat(driveTwoNodes(policy, 5)).isEqualTo(10);
	}

	@Test
	void tryAcquireWhenBusyAgentOnTwoNodesWithHighLimitsThenNeverMoreThanTheBuckets() throws Exception {
		// 1,000 per hour and a sustained rate high enough that a leasing limiter leases.
		Policy policy = TestPolicies.limits(1_000, 3_600, 100_000);
		long started = System.nanoTime();

		int admitted = driveTwoNodes(policy, 300);

		// The burst bucket refills while the test runs (one token per 3.6 s): a busy
		// machine that slows the test may admit those, plus the one a partly refilled
		// token completes at a boundary, and not one more.
		double seconds = (System.nanoTime() - started) / 1e9;
		int refilled = (int) Math.ceil(seconds * 1_000 / 3_600);
		assertThat(admitted).isLessThanOrEqualTo(1_000 + refilled + 1).isGreaterThanOrEqualTo(1_000 - unspentAtMost());
	}

	/**
	 * Eight threads over two nodes, each asking {@code attempts} times for one agent,
	 * then each node asked until it refuses (spending what it may still hold). Answers
	 * how many requests were admitted in all.
	 */
	private int driveTwoNodes(Policy policy, int attempts) throws Exception {
		RateLimiter a = newNode();
		RateLimiter b = newNode();
		UUID agent = UUID.randomUUID();
		AtomicInteger admitted = new AtomicInteger();
		Concurrently.run(8, (thread) -> {
			RateLimiter node = (thread % 2 == 0) ? a : b;
			for (int i = 0; i < attempts; i++) {
				if (node.tryAcquire(agent, policy).allowed()) {
					admitted.incrementAndGet();
				}
			}
		});
		for (RateLimiter node : List.of(a, b)) {
			for (int i = 0; node.tryAcquire(agent, policy).allowed(); i++) {
				assertThat(i).as("requests a drained node still admits").isLessThan(1_000);
				admitted.incrementAndGet();
			}
		}
		return admitted.get();
	}

}
