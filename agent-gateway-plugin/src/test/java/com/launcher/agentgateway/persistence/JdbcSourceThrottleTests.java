package com.launcher.agentgateway.persistence;

import java.time.Duration;

import com.launcher.agentgateway.token.SourceThrottle;
import com.launcher.agentgateway.token.SourceThrottleContractTests;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcSourceThrottleTests extends SourceThrottleContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	@Override
	protected SourceThrottle throttle(int maxFailures, Duration window, Duration blockFor) {
		return new JdbcSourceThrottle(TestDatabase.jdbc(DATABASE.dataSource()), maxFailures, window, blockFor);
	}

}
