package com.launcher.agentgateway.persistence;

import java.time.Duration;

import com.launcher.agentgateway.token.SourceThrottle;
import com.launcher.agentgateway.token.SourceThrottleContractTests;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcSourceThrottleTests extends SourceThrottleContractTests {

	private static HikariDataSource dataSource;

	@BeforeAll
	static void createDatabase() {
		dataSource = TestDatabase.newDatabase();
	}

	@AfterAll
	static void closeDatabase() {
		dataSource.close();
	}

	@Override
	protected SourceThrottle throttle(int maxFailures, Duration window, Duration blockFor) {
		return new JdbcSourceThrottle(TestDatabase.jdbc(dataSource), maxFailures, window, blockFor);
	}

}
