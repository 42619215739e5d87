package com.launcher.tasker.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.launcher.host.api.tasker.TaskerOutcomeUnknownException;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * The Resilience4j guards around every HTTP exchange, in this order: a circuit breaker
 * (fail fast, no permit spent), a rate budget that makes callers wait for a permit and a
 * bound on concurrent exchanges. The exchange's own time limit is kept by
 * {@link PlaneHttpTransport}: the request timeout for the headers, {@link BoundedBody}
 * for the body.
 */
final class Resilience4jGuards {

	private final RateLimiter rateLimiter;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	private final AtomicLong permitWaits = new AtomicLong();

	private final AtomicLong permitWaitNanos = new AtomicLong();

	private final AtomicLong maxPermitWaitNanos = new AtomicLong();

	Resilience4jGuards(PlaneClientOptions options) {
		this.rateLimiter = RateLimiter.of("tasker", budget(options));
		this.circuitBreaker = CircuitBreaker.of("tasker", CircuitBreakerConfig.custom()
			.failureRateThreshold(options.circuitFailureRate())
			.minimumNumberOfCalls(options.circuitMinimumCalls())
			.slidingWindowSize(Math.max(options.circuitMinimumCalls(), 20))
			.waitDurationInOpenState(options.circuitOpenDuration())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordException((ex) -> ex instanceof TaskerOutcomeUnknownException
					|| (ex instanceof TaskerUnavailableException && ex.getClass() == TaskerUnavailableException.class))
			.build());
		this.bulkhead = Bulkhead.of("tasker",
				BulkheadConfig.custom()
					.maxConcurrentCalls(options.maxConcurrentCalls())
					.maxWaitDuration(options.maxConcurrencyWait())
					.build());
	}

	/**
	 * Plane counts a sliding window; Resilience4j refreshes permits in fixed cycles. With
	 * {@code k} permits per cycle of {@code p}, any window of length {@code T} sees at
	 * most {@code k·(T/p + 1)} permits, so {@code p = k·T/(L − k)} keeps a burst of
	 * {@code k} and never exceeds {@code L} per window (plane-api.md §1).
	 */
	static RateLimiterConfig budget(PlaneClientOptions options) {
		int limit = options.rateLimit();
		int burst = Math.max(1, limit / 10);
		// A margin for network jitter between the client's permit and Tasker's arrival
		// time.
		long windowNanos = options.ratePeriod().toNanos() + Math.min(options.ratePeriod().toNanos() / 50, 500_000_000L);
		long cycleNanos = (windowNanos * burst) / (limit - burst) + 1;
		return RateLimiterConfig.custom()
			.limitForPeriod(burst)
			.limitRefreshPeriod(Duration.ofNanos(cycleNanos))
			.timeoutDuration(options.maxRateWait())
			.build();
	}

	/**
	 * Runs one exchange through the circuit breaker, the rate budget and the bulkhead. An
	 * open circuit or a full bulkhead is {@link TaskerUnavailableException}.
	 */
	<T> T call(Supplier<T> exchange) {
		try {
			return this.circuitBreaker.executeSupplier(() -> {
				acquirePermit();
				return this.bulkhead.executeSupplier(exchange);
			});
		}
		catch (CallNotPermittedException | BulkheadFullException ex) {
			throw new TaskerUnavailableException();
		}
	}

	long permitWaits() {
		return this.permitWaits.get();
	}

	Duration totalPermitWait() {
		return Duration.ofNanos(this.permitWaitNanos.get());
	}

	Duration maxPermitWait() {
		return Duration.ofNanos(this.maxPermitWaitNanos.get());
	}

	String circuitState() {
		return this.circuitBreaker.getState().name();
	}

	private void acquirePermit() {
		long start = System.nanoTime();
		boolean permitted = this.rateLimiter.acquirePermission();
		long waited = System.nanoTime() - start;
		if (waited > 1_000_000L) {
			this.permitWaits.incrementAndGet();
			this.permitWaitNanos.addAndGet(waited);
			this.maxPermitWaitNanos.accumulateAndGet(waited, Math::max);
		}
		if (!permitted) {
			throw new TaskerRateLimitedException(this.rateLimiter.getRateLimiterConfig().getLimitRefreshPeriod());
		}
	}

}
