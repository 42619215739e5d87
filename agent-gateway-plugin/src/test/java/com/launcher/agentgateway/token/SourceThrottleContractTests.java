package com.launcher.agentgateway.token;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SourceThrottle} must do. */
public abstract class SourceThrottleContractTests {

	private static final Duration WINDOW = Duration.ofMinutes(3);

	private static final Duration BLOCK = Duration.ofHours(1);

	protected abstract SourceThrottle throttle(int maxFailures, Duration window, Duration blockFor);

	private static int sources;

	private static synchronized String newSource() {
		return "198.51.100." + (++sources);
	}

	@Test
	void recordFailureWhenLimitReachedThenSourceBlockedForAPositiveDuration() {
		SourceThrottle throttle = throttle(3, WINDOW, BLOCK);
		String source = newSource();

		assertThat(throttle.recordFailure(source).refusal()).isEmpty();
		assertThat(throttle.recordFailure(source).refusal()).isEmpty();
		assertThat(throttle.blockedFor(source)).isEmpty();
		Optional<Duration> blocked = throttle.recordFailure(source).refusal();

		assertThat(blocked).hasValueSatisfying((d) -> assertThat(d).isPositive().isLessThanOrEqualTo(BLOCK));
		assertThat(throttle.blockedFor(source))
			.hasValueSatisfying((d) -> assertThat(d).isGreaterThan(BLOCK.minusMinutes(1)).isLessThanOrEqualTo(BLOCK));
	}

	@Test
	void blockedForWhenAnotherSourceFailedThenThisOneIsFree() {
		SourceThrottle throttle = throttle(2, WINDOW, BLOCK);
		String noisy = newSource();
		throttle.recordFailure(noisy);
		throttle.recordFailure(noisy);

		assertThat(throttle.blockedFor(noisy)).isPresent();
		assertThat(throttle.blockedFor(newSource())).isEmpty();
	}

	@Test
	void resetWhenSuccessBeforeTheLimitThenFailuresForgotten() {
		SourceThrottle throttle = throttle(3, WINDOW, BLOCK);
		String source = newSource();
		throttle.recordFailure(source);
		throttle.recordFailure(source);

		throttle.reset(source);
		throttle.recordFailure(source);

		assertThat(throttle.recordFailure(source).refusal()).isEmpty();
		assertThat(throttle.blockedFor(source)).isEmpty();
	}

	@Test
	void recordFailureWhenWindowPassedThenCountStartsAgain() throws InterruptedException {
		SourceThrottle throttle = throttle(2, Duration.ofSeconds(1), BLOCK);
		String source = newSource();
		throttle.recordFailure(source);

		Thread.sleep(1_300);

		assertThat(throttle.recordFailure(source).refusal()).isEmpty();
		assertThat(throttle.blockedFor(source)).isEmpty();
	}

	@Test
	void blockedForWhenBlockExpiredThenFree() throws InterruptedException {
		SourceThrottle throttle = throttle(1, WINDOW, Duration.ofSeconds(1));
		String source = newSource();
		assertThat(throttle.recordFailure(source).refusal()).isPresent();

		Thread.sleep(1_300);

		assertThat(throttle.blockedFor(source)).isEmpty();
	}

	@Test
	void recordFailureWhenTheSourceIsRefusedThenNothingIsCountedAndTheRefusalDoesNotGrow() {
		SourceThrottle throttle = throttle(2, WINDOW, BLOCK);
		String source = newSource();
		assertThat(throttle.recordFailure(source).refusedAlready()).isFalse();
		SourceThrottle.Failure blocking = throttle.recordFailure(source);
		assertThat(blocking.refusedAlready()).isFalse();
		assertThat(blocking.refusal()).isPresent();

		SourceThrottle.Failure after = throttle.recordFailure(source);

		assertThat(after.refusedAlready()).isTrue();
		assertThat(after.refusedFor()).isPositive().isLessThanOrEqualTo(blocking.refusedFor());
		assertThat(throttle.blockedFor(source))
			.hasValueSatisfying((left) -> assertThat(left).isLessThanOrEqualTo(blocking.refusedFor().plusSeconds(1)));
	}

	@Test
	void recordFailureWhenLimitIsOneThenTheFirstFailureBlocks() {
		SourceThrottle throttle = throttle(1, WINDOW, BLOCK);
		String source = newSource();

		assertThat(throttle.recordFailure(source).refusal()).isPresent();
		assertThat(throttle.blockedFor(source)).isPresent();
	}

}
