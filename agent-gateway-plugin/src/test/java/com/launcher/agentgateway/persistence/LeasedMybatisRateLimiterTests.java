package com.launcher.agentgateway.persistence;

import java.time.Duration;

import com.launcher.agentgateway.ratelimit.LeasingRateLimiter;
import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.RateLimiterContractTests;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rate limiter as the plugin wires it: PostgreSQL buckets leased to busy agents. Each
 * node leases on its own, so the shared buckets must still bound both together.
 */
class LeasedMybatisRateLimiterTests extends RateLimiterContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	@Override
	protected RateLimiter newNode() {
		return new LeasingRateLimiter(new MybatisRateLimiter(TestDatabase.sessions(DATABASE.dataSource())),
				Duration.ofMillis(500), 32, System::nanoTime);
	}

	@Override
	protected int unspentAtMost() {
		// Two nodes, each of whose eight racing threads may have taken a lease of up to
		// 32 tokens; what a lease still holds when it ends is dropped.
		return 2 * 8 * 32;
	}

}
