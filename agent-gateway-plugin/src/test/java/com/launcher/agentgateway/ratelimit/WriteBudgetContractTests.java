package com.launcher.agentgateway.ratelimit;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.Concurrently;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link WriteBudget} must do. */
public abstract class WriteBudgetContractTests {

	private static final LocalDate DAY = LocalDate.parse("2026-12-01");

	protected abstract WriteBudget writeBudget();

	@Test
	void tryConsumeWhenLimitReachedThenFalseAndCountStays() {
		UUID agent = UUID.randomUUID();

		assertThat(writeBudget().tryConsume(agent, DAY, 2)).isTrue();
		assertThat(writeBudget().tryConsume(agent, DAY, 2)).isTrue();
		assertThat(writeBudget().tryConsume(agent, DAY, 2)).isFalse();

		assertThat(writeBudget().used(agent, DAY)).isEqualTo(2);
		assertThat(writeBudget().tryConsume(agent, DAY.plusDays(1), 2)).as("next day").isTrue();
		assertThat(writeBudget().tryConsume(UUID.randomUUID(), DAY, 2)).as("another agent").isTrue();
	}

	@Test
	void tryConsumeWhenLimitIsZeroThenNothingConsumed() {
		UUID agent = UUID.randomUUID();

		assertThat(writeBudget().tryConsume(agent, DAY, 0)).isFalse();
		assertThat(writeBudget().used(agent, DAY)).isZero();
	}

	@Test
	void refundWhenCalledThenOneWriteBackButNeverBelowZero() {
		UUID agent = UUID.randomUUID();
		writeBudget().tryConsume(agent, DAY, 1);

		writeBudget().refund(agent, DAY);
		assertThat(writeBudget().used(agent, DAY)).isZero();
		writeBudget().refund(agent, DAY);
		writeBudget().refund(UUID.randomUUID(), DAY);

		assertThat(writeBudget().used(agent, DAY)).isZero();
		assertThat(writeBudget().tryConsume(agent, DAY, 1)).isTrue();
		assertThat(writeBudget().tryConsume(agent, DAY, 1)).isFalse();
	}

	@Test
	void tryConsumeWhenSixteenThreadsRaceThenNeverMoreThanTheLimit() throws Exception {
		UUID agent = UUID.randomUUID();
		int limit = 37;
		AtomicInteger granted = new AtomicInteger();
		Concurrently.run(16, (thread) -> {
			for (int i = 0; i < 6; i++) {
				if (writeBudget().tryConsume(agent, DAY, limit)) {
					granted.incrementAndGet();
				}
			}
		});

		assertThat(granted.get()).isEqualTo(limit);
		assertThat(writeBudget().used(agent, DAY)).isEqualTo(limit);
	}

}
