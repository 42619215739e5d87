package com.launcher.agentgateway.persistence;

import java.time.Instant;

/** The statements of {@code SourceThrottleMapper.xml}. */
interface SourceThrottleMapper {

	Long blockedMillis(String source);

	Instant recordFailure(String source, long window, int max, long block);

	int reset(String source);

}
