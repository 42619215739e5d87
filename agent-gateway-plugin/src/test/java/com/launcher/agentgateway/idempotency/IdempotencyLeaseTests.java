package com.launcher.agentgateway.idempotency;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Issue 12 point 8: a claim is held longer than the longest call that can hold it,
 * derived from the settings that bound the call.
 */
class IdempotencyLeaseTests {

	// The defaults: a 60 s request, a write's 15 s budget wait, the reference host's
	// Tasker client (60 s per call, then one exchange: 10 s rate wait, 2 s slot, 5 s
	// connect, 10 s limit), 4 s statements.
	private static final Duration DEFAULT_MINIMUM = IdempotencyLease.minimum(Duration.ofSeconds(60),
			Duration.ofSeconds(15), Duration.ofSeconds(60 + 27), Duration.ofSeconds(4));

	@Test
	void minimumWhenTheDefaultsThenLongerThanTheTwoMinutesClaimsWereHeldFor() {
		assertThat(DEFAULT_MINIMUM).isEqualTo(Duration.ofSeconds(60 + 15 + 87 + 8));
		assertThat(DEFAULT_MINIMUM).isGreaterThan(Duration.ofMinutes(2));
	}

	@Test
	void minimumWhenPartsHaveFractionsThenRoundedUpToAWholeSecond() {
		assertThat(IdempotencyLease.minimum(Duration.ofMillis(1500), Duration.ZERO, Duration.ofMillis(200),
				Duration.ofMillis(100)))
			.isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void chooseWhenNoneConfiguredThenTheMinimum() {
		assertThat(IdempotencyLease.choose(null, DEFAULT_MINIMUM)).isEqualTo(DEFAULT_MINIMUM);
	}

	@Test
	void chooseWhenConfiguredAtLeastTheMinimumThenKept() {
		assertThat(IdempotencyLease.choose(Duration.ofMinutes(10), DEFAULT_MINIMUM)).isEqualTo(Duration.ofMinutes(10));
		assertThat(IdempotencyLease.choose(DEFAULT_MINIMUM, DEFAULT_MINIMUM)).isEqualTo(DEFAULT_MINIMUM);
	}

	@Test
	void chooseWhenConfiguredShorterThanACallCanRunThenRefusedNamingTheMinimum() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IdempotencyLease.choose(Duration.ofMinutes(2), DEFAULT_MINIMUM))
			.withMessageContaining(DEFAULT_MINIMUM.toString());
	}

}
