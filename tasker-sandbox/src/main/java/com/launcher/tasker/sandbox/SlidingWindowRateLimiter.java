package com.launcher.tasker.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Plane's per-token sliding-window throttle (plane-api.md §1): the history of each key's
 * allowed requests within the window decides the next one.
 */
final class SlidingWindowRateLimiter {

	private final int limit;

	private final long windowNanos;

	private final Map<String, Deque<Long>> history = new HashMap<>();

	SlidingWindowRateLimiter(int limit, Duration window) {
		this.limit = limit;
		this.windowNanos = window.toNanos();
	}

	/**
	 * Takes one request for the key.
	 * @param key the API key
	 * @return the decision
	 */
	synchronized Decision acquire(String key) {
		long now = System.nanoTime();
		Deque<Long> times = this.history.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		while (!times.isEmpty() && now - times.peekFirst() >= this.windowNanos) {
			times.pollFirst();
		}
		if (times.size() >= this.limit) {
			long waitNanos = this.windowNanos - (now - times.peekFirst());
			long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
			return new Decision(false, 0, seconds, this.windowNanos);
		}
		times.addLast(now);
		return new Decision(true, this.limit - times.size(), 0, this.windowNanos);
	}

	record Decision(boolean allowed, int remaining, long retryAfterSeconds, long windowNanos) {

		long resetEpochSeconds() {
			// Plane computes now + duration, an estimate rather than a window edge.
			return System.currentTimeMillis() / 1000 + Math.max(1, this.windowNanos / 1_000_000_000L);
		}

	}

}
