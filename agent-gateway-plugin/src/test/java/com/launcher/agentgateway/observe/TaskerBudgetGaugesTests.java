package com.launcher.agentgateway.observe;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.launcher.agentgateway.budget.CallClass;
import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.budget.TaskerBudgetStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class TaskerBudgetGaugesTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final TaskerBudget budget = mock(TaskerBudget.class);

	private final MutableClock clock = new MutableClock();

	@Test
	void bindToWhenScrapedThenEveryValueAndOneReadPerSecond() {
		given(this.budget.status()).willReturn(new TaskerBudgetStatus(NOW, 54, 6, 3.5,
				Map.of(CallClass.WRITE, 4, CallClass.INTERACTIVE, 6), Map.of(CallClass.SYNC, 2), Map.of(), null));
		new TaskerBudgetGauges(this.budget, this.clock).bindTo(new GatewayMetrics(this.registry));

		assertThat(this.registry.get("agent_gateway.tasker.budget.used").gauge().value()).isEqualTo(10);
		assertThat(this.registry.get("agent_gateway.tasker.budget.left").gauge().value()).isEqualTo(44);
		assertThat(this.registry.get("agent_gateway.tasker.budget.used.write").gauge().value()).isEqualTo(4);
		assertThat(this.registry.get("agent_gateway.tasker.budget.refused").gauge().value()).isEqualTo(2);
		assertThat(this.registry.get("agent_gateway.tasker.budget.paused").gauge().value()).isZero();
		verify(this.budget, times(1)).status();

		this.clock.now = NOW.plusSeconds(2);
		this.registry.get("agent_gateway.tasker.budget.left").gauge().value();
		verify(this.budget, times(2)).status();
	}

	private static final class MutableClock extends Clock {

		private Instant now = NOW;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
