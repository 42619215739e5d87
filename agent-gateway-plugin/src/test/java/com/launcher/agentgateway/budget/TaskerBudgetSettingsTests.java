package com.launcher.agentgateway.budget;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskerBudgetSettingsTests {

	@Test
	void defaultsWhenReadThenPlanesSixtyLessATenthAndAnyMinuteHoldsAtMostPerMinute() {
		TaskerBudgetSettings settings = TaskerBudgetSettings.defaults();

		assertThat(settings.perMinute()).isEqualTo(54);
		// A token bucket of b refilled at r holds at most b + 60 r in any 60 s.
		assertThat(settings.burst() + 60 * settings.perSecond()).isEqualTo(54.0);
		assertThat(settings.reserve(CallClass.WRITE)).isZero();
		assertThat(settings.reserve(CallClass.INTERACTIVE)).isEqualTo(2);
		assertThat(settings.reserve(CallClass.HUMAN)).isEqualTo(2);
		assertThat(settings.reserve(CallClass.SYNC)).isEqualTo(4);
		assertThat(settings.cap(CallClass.SYNC)).isEqualTo(27);
		assertThat(settings.cap(CallClass.WRITE)).isEqualTo(54);
		assertThat(settings.maxWait(CallClass.WRITE)).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.maxWait(CallClass.INTERACTIVE)).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.maxWait(CallClass.SYNC)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void constructorWhenSizesDoNotFitThenRefusedNamingTheProperty() {
		Duration s = Duration.ofSeconds(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskerBudgetSettings(1, 1, 0, 0, 0.5, s, s, s))
			.withMessageContaining("per-minute");
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskerBudgetSettings(10, 10, 0, 0, 0.5, s, s, s))
			.withMessageContaining("burst");
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskerBudgetSettings(10, 4, 4, 4, 0.5, s, s, s))
			.withMessageContaining("write-reserve");
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskerBudgetSettings(10, 4, 2, 1, 0.5, s, s, s))
			.withMessageContaining("sync-reserve");
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskerBudgetSettings(10, 4, 2, 3, 0, s, s, s))
			.withMessageContaining("sync-share");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TaskerBudgetSettings(10, 4, 2, 3, 0.5, Duration.ofMinutes(2), s, s))
			.withMessageContaining("max-wait");
	}

}
