package com.launcher.agentgateway.persistence;

import java.time.Instant;

/** The statements of {@code SourceThrottleMapper.xml}. */
interface SourceThrottleMapper {

	Long blockedMillis(String source);

	Counted recordFailure(String source, long window, int max, long block);

	int reset(String source);

	/**
	 * A row of {@code recordFailure}.
	 *
	 * @param refusedAlready the source was blocked, and nothing was counted
	 * @param refusedUntil the block's end, if the source has one (it may have passed)
	 */
	record Counted(boolean refusedAlready, Instant refusedUntil) {
	}

}
