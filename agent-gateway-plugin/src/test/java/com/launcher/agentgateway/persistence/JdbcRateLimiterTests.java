package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.RateLimiterContractTests;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcRateLimiterTests extends RateLimiterContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	/** A limiter with a template of its own, as on another node. */
	@Override
	protected RateLimiter newNode() {
		return new JdbcRateLimiter(TestDatabase.jdbc(DATABASE.dataSource()));
	}

}
