package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.RateLimiterContractTests;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcRateLimiterTests extends RateLimiterContractTests {

	private static HikariDataSource dataSource;

	@BeforeAll
	static void createDatabase() {
		dataSource = TestDatabase.newDatabase();
	}

	@AfterAll
	static void closeDatabase() {
		dataSource.close();
	}

	/** A limiter with a template of its own, as on another node. */
	@Override
	protected RateLimiter newNode() {
		return new JdbcRateLimiter(TestDatabase.jdbc(dataSource));
	}

}
