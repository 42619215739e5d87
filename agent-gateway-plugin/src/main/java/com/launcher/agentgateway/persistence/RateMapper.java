package com.launcher.agentgateway.persistence;

import java.util.List;
import java.util.UUID;

/** The statements of {@code RateMapper.xml}. */
interface RateMapper {

	/** One row when both buckets gave {@code count} tokens, none when neither did. */
	List<Integer> take(Buckets buckets);

	/**
	 * Seconds until both buckets hold a whole token again; {@code null} without a row.
	 */
	Double secondsUntilOne(Buckets buckets);

	/**
	 * An agent's two buckets as the policy sizes them, and how many tokens to take. Every
	 * figure is a {@code double}, bound as {@code float8} as the columns are.
	 */
	record Buckets(UUID agent, double count, double burstCapacity, double burstRate, double minuteCapacity,
			double minuteRate) {
	}

}
