package com.launcher.tasker.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link PlaneTaskerClient}; holds no secret.
 *
 * @param pageSize {@code per_page} sent on every list call, 1 to 100
 * @param connectTimeout TCP connect timeout
 * @param readTimeout how long to wait for response headers
 * @param timeLimit the bound on one HTTP exchange, body included
 * @param callTimeLimit the bound on one method call: no exchange, page or retry starts
 * after it, so a call ends within {@link #longestCall()}
 * @param rateLimit Tasker's per-token budget per {@code ratePeriod} (Plane: 60)
 * @param ratePeriod Tasker's sliding window (Plane: one minute)
 * @param maxRateWait how long a caller may wait for a budget permit before it gets
 * {@link com.launcher.host.api.tasker.TaskerRateLimitedException}
 * @param maxConcurrentCalls the bound on concurrent HTTP exchanges
 * @param maxConcurrencyWait how long a caller may wait for a free slot
 * @param max429Retries how often a 429 is retried after its {@code Retry-After}
 * @param maxRetryAfter the longest {@code Retry-After} the client sleeps through
 * @param circuitFailureRate failure percentage that opens the circuit
 * @param circuitMinimumCalls calls needed before the rate is judged
 * @param circuitOpenDuration how long the circuit stays open before probing
 */
public record PlaneClientOptions(int pageSize, Duration connectTimeout, Duration readTimeout, Duration timeLimit,
		Duration callTimeLimit, int rateLimit, Duration ratePeriod, Duration maxRateWait, int maxConcurrentCalls,
		Duration maxConcurrencyWait, int max429Retries, Duration maxRetryAfter, float circuitFailureRate,
		int circuitMinimumCalls, Duration circuitOpenDuration) {

	public PlaneClientOptions {
		if (pageSize < 1 || pageSize > 100) {
			throw new IllegalArgumentException("pageSize must be 1 to 100");
		}
		positive(connectTimeout, "connectTimeout");
		positive(readTimeout, "readTimeout");
		positive(timeLimit, "timeLimit");
		positive(callTimeLimit, "callTimeLimit");
		if (rateLimit < 2) {
			throw new IllegalArgumentException("rateLimit must be at least 2");
		}
		positive(ratePeriod, "ratePeriod");
		Objects.requireNonNull(maxRateWait, "maxRateWait");
		if (maxConcurrentCalls < 1) {
			throw new IllegalArgumentException("maxConcurrentCalls must be positive");
		}
		Objects.requireNonNull(maxConcurrencyWait, "maxConcurrencyWait");
		if (max429Retries < 0) {
			throw new IllegalArgumentException("max429Retries must not be negative");
		}
		Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
		if (circuitFailureRate <= 0 || circuitFailureRate > 100) {
			throw new IllegalArgumentException("circuitFailureRate must be in (0, 100]");
		}
		if (circuitMinimumCalls < 1) {
			throw new IllegalArgumentException("circuitMinimumCalls must be positive");
		}
		positive(circuitOpenDuration, "circuitOpenDuration");
	}

	/**
	 * Defaults for a production Plane: 100 per page, 5 s connect, 10 s read and time
	 * limit, 60 s per call, 60 calls per minute, 8 concurrent calls.
	 * @return the defaults
	 */
	public static PlaneClientOptions defaults() {
		return new PlaneClientOptions(100, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
				Duration.ofSeconds(60), 60, Duration.ofMinutes(1), Duration.ofSeconds(30), 8, Duration.ofSeconds(2), 2,
				Duration.ofSeconds(60), 50, 10, Duration.ofSeconds(30));
	}

	/**
	 * The longest one exchange can take: the rate permit's and the concurrency slot's
	 * waits, the connection, and the exchange's own time limit.
	 * @return the bound
	 */
	public Duration longestExchange() {
		return this.maxRateWait.plus(this.maxConcurrencyWait).plus(this.connectTimeout).plus(this.timeLimit);
	}

	/**
	 * The longest one method call can take, pages and 429 retries included: no exchange
	 * starts after {@link #callTimeLimit()}, and no {@code Retry-After} is slept through
	 * that would end after it, so at most the exchange in flight then runs past it.
	 * @return the bound
	 */
	public Duration longestCall() {
		return this.callTimeLimit.plus(longestExchange());
	}

	public PlaneClientOptions withCallTimeLimit(Duration callTimeLimit) {
		return new PlaneClientOptions(this.pageSize, this.connectTimeout, this.readTimeout, this.timeLimit,
				callTimeLimit, this.rateLimit, this.ratePeriod, this.maxRateWait, this.maxConcurrentCalls,
				this.maxConcurrencyWait, this.max429Retries, this.maxRetryAfter, this.circuitFailureRate,
				this.circuitMinimumCalls, this.circuitOpenDuration);
	}

	public PlaneClientOptions withPageSize(int pageSize) {
		return new PlaneClientOptions(pageSize, this.connectTimeout, this.readTimeout, this.timeLimit,
				this.callTimeLimit, this.rateLimit, this.ratePeriod, this.maxRateWait, this.maxConcurrentCalls,
				this.maxConcurrencyWait, this.max429Retries, this.maxRetryAfter, this.circuitFailureRate,
				this.circuitMinimumCalls, this.circuitOpenDuration);
	}

	public PlaneClientOptions withTimeouts(Duration readTimeout, Duration timeLimit) {
		return new PlaneClientOptions(this.pageSize, this.connectTimeout, readTimeout, timeLimit, this.callTimeLimit,
				this.rateLimit, this.ratePeriod, this.maxRateWait, this.maxConcurrentCalls, this.maxConcurrencyWait,
				this.max429Retries, this.maxRetryAfter, this.circuitFailureRate, this.circuitMinimumCalls,
				this.circuitOpenDuration);
	}

	public PlaneClientOptions withRateBudget(int rateLimit, Duration ratePeriod, Duration maxRateWait) {
		return new PlaneClientOptions(this.pageSize, this.connectTimeout, this.readTimeout, this.timeLimit,
				this.callTimeLimit, rateLimit, ratePeriod, maxRateWait, this.maxConcurrentCalls,
				this.maxConcurrencyWait, this.max429Retries, this.maxRetryAfter, this.circuitFailureRate,
				this.circuitMinimumCalls, this.circuitOpenDuration);
	}

	public PlaneClientOptions withConcurrency(int maxConcurrentCalls, Duration maxConcurrencyWait) {
		return new PlaneClientOptions(this.pageSize, this.connectTimeout, this.readTimeout, this.timeLimit,
				this.callTimeLimit, this.rateLimit, this.ratePeriod, this.maxRateWait, maxConcurrentCalls,
				maxConcurrencyWait, this.max429Retries, this.maxRetryAfter, this.circuitFailureRate,
				this.circuitMinimumCalls, this.circuitOpenDuration);
	}

	public PlaneClientOptions withRetries(int max429Retries, Duration maxRetryAfter) {
		return new PlaneClientOptions(this.pageSize, this.connectTimeout, this.readTimeout, this.timeLimit,
				this.callTimeLimit, this.rateLimit, this.ratePeriod, this.maxRateWait, this.maxConcurrentCalls,
				this.maxConcurrencyWait, max429Retries, maxRetryAfter, this.circuitFailureRate,
				this.circuitMinimumCalls, this.circuitOpenDuration);
	}

	public PlaneClientOptions withCircuit(float failureRate, int minimumCalls, Duration openDuration) {
		return new PlaneClientOptions(this.pageSize, this.connectTimeout, this.readTimeout, this.timeLimit,
				this.callTimeLimit, this.rateLimit, this.ratePeriod, this.maxRateWait, this.maxConcurrentCalls,
				this.maxConcurrencyWait, this.max429Retries, this.maxRetryAfter, failureRate, minimumCalls,
				openDuration);
	}

	private static void positive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
