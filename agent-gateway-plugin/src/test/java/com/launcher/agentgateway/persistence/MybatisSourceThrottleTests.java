package com.launcher.agentgateway.persistence;

import java.time.Duration;

import com.launcher.agentgateway.token.SourceThrottle;
import com.launcher.agentgateway.token.SourceThrottleContractTests;

import org.junit.jupiter.api.extension.RegisterExtension;

class MybatisSourceThrottleTests extends SourceThrottleContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	@Override
	protected SourceThrottle throttle(int maxFailures, Duration window, Duration blockFor) {
		return new MybatisSourceThrottle(TestDatabase.sessions(DATABASE.dataSource()), maxFailures, window, blockFor);
	}

}
