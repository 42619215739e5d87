package com.launcher.agentgateway.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which refusals of a blocked source are audited (issue 12, point 2): a source
 * that is blocked must not buy a database write with every request, so this node audits
 * one refusal per source per {@code interval}, carrying the count of refusals it left out
 * since the previous one. Kept in memory: the bound is per node, and a restart at worst
 * audits one refusal early.
 */
public class BlockedSourceSampler {

	/** Beyond this many sources in memory, expired entries are dropped first. */
	static final int MAX_SOURCES = 10_000;

	private final Duration interval;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	public BlockedSourceSampler(Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("the sampling interval must be positive");
		}
		this.interval = interval;
	}

	/**
	 * Counts a refusal of a blocked source.
	 * @param source the throttled source (an IPv4 address or an IPv6 /64)
	 * @param now the current time
	 * @return the number of refusals left unaudited before this one when this one is to
	 * be audited; empty when it is left out
	 */
	public OptionalLong sample(String source, Instant now) {
		if (this.windows.size() >= MAX_SOURCES) {
			this.windows.values().removeIf((window) -> !window.isOpen(now, this.interval));
		}
		long[] unaudited = { -1 };
		this.windows.compute(source, (key, window) -> {
			if (window == null || !window.isOpen(now, this.interval)) {
				unaudited[0] = (window != null) ? window.leftOut() : 0;
				// Still full of open windows: every refusal is audited rather than none.
				return (this.windows.size() >= MAX_SOURCES) ? null : new Window(now, 0);
			}
			return new Window(window.start(), window.leftOut() + 1);
		});
		return (unaudited[0] >= 0) ? OptionalLong.of(unaudited[0]) : OptionalLong.empty();
	}

	private record Window(Instant start, long leftOut) {

		boolean isOpen(Instant now, Duration interval) {
			return now.isBefore(this.start.plus(interval));
		}

	}

}
