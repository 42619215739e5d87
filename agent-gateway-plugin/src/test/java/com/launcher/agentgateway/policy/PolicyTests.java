package com.launcher.agentgateway.policy;

import java.util.function.Supplier;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PolicyTests {

	@Test
	void defaultsWhenBuiltThenValidAndAsDocumented() {
		Policy policy = Policy.defaults();

		assertThat(policy.maxTokenDays()).isEqualTo(90);
		assertThat(policy.defaultTokenDays()).isEqualTo(30);
		assertThat(policy.burstRequests()).isEqualTo(20);
		assertThat(policy.writesPerDay()).isEqualTo(200);
		assertThat(policy.reportingMode()).isFalse();
	}

	@Test
	void constructorWhenEachFieldOutOfRangeThenNamesThatField() {
		assertNames("maxTokenDays", () -> new Policy(0, 1, 20, 10, 120, 200, 15, 24, false));
		assertNames("maxTokenDays", () -> new Policy(366, 30, 20, 10, 120, 200, 15, 24, false));
		assertNames("defaultTokenDays", () -> new Policy(90, 0, 20, 10, 120, 200, 15, 24, false));
		assertNames("defaultTokenDays", () -> new Policy(30, 31, 20, 10, 120, 200, 15, 24, false));
		assertNames("burstRequests", () -> new Policy(90, 30, 0, 10, 120, 200, 15, 24, false));
		assertNames("burstRequests", () -> new Policy(90, 30, 10_001, 10, 120, 200, 15, 24, false));
		assertNames("burstSeconds", () -> new Policy(90, 30, 20, 0, 120, 200, 15, 24, false));
		assertNames("burstSeconds", () -> new Policy(90, 30, 20, 3_601, 120, 200, 15, 24, false));
		assertNames("requestsPerMinute", () -> new Policy(90, 30, 20, 10, 0, 200, 15, 24, false));
		assertNames("writesPerDay", () -> new Policy(90, 30, 20, 10, 120, -1, 15, 24, false));
		assertNames("writesPerDay", () -> new Policy(90, 30, 20, 10, 120, 100_001, 15, 24, false));
		assertNames("connectedMinutes", () -> new Policy(90, 30, 20, 10, 120, 200, 0, 24, false));
		assertNames("staleHours", () -> new Policy(90, 30, 20, 10, 120, 200, 15, 0, false));
		assertNames("staleHours", () -> new Policy(90, 30, 20, 10, 120, 200, 15, 24 * 90 + 1, false));
	}

	@Test
	void constructorWhenOAuthAccessTokenMinutesOutOfRangeThenNamesThatField() {
		assertThat(Policy.defaults().oauthAccessTokenMinutes()).isEqualTo(60);
		assertNames("oauthAccessTokenMinutes", () -> new Policy(90, 30, 20, 10, 120, 200, 15, 24, false, 4));
		assertNames("oauthAccessTokenMinutes", () -> new Policy(90, 30, 20, 10, 120, 200, 15, 24, false, 1_441));
		assertThat(new Policy(90, 30, 20, 10, 120, 200, 15, 24, false, 5).oauthAccessTokenMinutes()).isEqualTo(5);
	}

	@Test
	void constructorWhenAtTheBoundsThenAccepted() {
		assertThat(new Policy(1, 1, 1, 1, 1, 0, 1, 1, true).writesPerDay()).isZero();
		assertThat(new Policy(365, 365, 10_000, 3_600, 100_000, 100_000, 1_440, 24 * 90, false).maxTokenDays())
			.isEqualTo(365);
	}

	private static void assertNames(String field, Supplier<Policy> build) {
		assertThatExceptionOfType(GatewayException.class).as(field).isThrownBy(build::get).satisfies((ex) -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(ex.field()).isEqualTo(field);
		});
	}

}
