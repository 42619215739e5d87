package com.launcher.agentgateway.persistence;

import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.TestPolicies;
import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.RateLimiterContractTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MybatisRateLimiterTests extends RateLimiterContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	/** A limiter with a template of its own, as on another node. */
	@Override
	protected RateLimiter newNode() {
		return limiter();
	}

	@Test
	void tryAcquireAllWhenBothBucketsHoldEnoughThenTakesAllElseNone() {
		MybatisRateLimiter limiter = limiter();
		UUID agent = UUID.randomUUID();
		// 10 per hour burst, 1,000 per minute sustained.
		Policy policy = TestPolicies.limits(10, 3_600, 1_000);

		assertThat(limiter.tryAcquireAll(agent, policy, 6)).isTrue();
		assertThat(limiter.tryAcquireAll(agent, policy, 5)).as("only four left").isFalse();
		assertThat(limiter.tryAcquireAll(agent, policy, 4)).isTrue();

		assertThat(limiter.tryAcquire(agent, policy).allowed()).isFalse();
	}

	@Test
	void tryAcquireAllWhenSustainedBucketShortThenNone() {
		MybatisRateLimiter limiter = limiter();
		UUID agent = UUID.randomUUID();
		Policy policy = TestPolicies.limits(100, 1, 3);

		assertThat(limiter.tryAcquireAll(agent, policy, 3)).isTrue();
		assertThat(limiter.tryAcquireAll(agent, policy, 1)).isFalse();
	}

	@Test
	void tryAcquireAllWhenCountOutsideTheCapacitiesThenRefusedBeforeTheDatabase() {
		MybatisRateLimiter limiter = limiter();
		Policy policy = TestPolicies.limits(10, 1, 5);

		assertThatIllegalArgumentException().isThrownBy(() -> limiter.tryAcquireAll(UUID.randomUUID(), policy, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.tryAcquireAll(UUID.randomUUID(), policy, 6));
	}

	@Test
	void tryAcquireWhenAdmittedThenOneStatementAndWhenRefusedTwo() {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		MybatisRateLimiter limiter = new MybatisRateLimiter(TestDatabase.sessions(counting.dataSource()));
		UUID agent = UUID.randomUUID();
		Policy policy = TestPolicies.limits(1, 3_600, 1_000);

		assertThat(limiter.tryAcquire(agent, policy).allowed()).isTrue();
		assertThat(counting.statements()).as("admitted: the upsert alone").isEqualTo(1);
		counting.reset();
		assertThat(limiter.tryAcquire(agent, policy).allowed()).isFalse();
		assertThat(counting.statements()).as("refused: the upsert and the retry-after").isEqualTo(2);
	}

	private static MybatisRateLimiter limiter() {
		return new MybatisRateLimiter(TestDatabase.sessions(DATABASE.dataSource()));
	}

}
