package com.launcher.agentgateway.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayPropertiesTests {

	@Test
	void fromWhenNothingSetThenDefaults() {
		GatewayProperties properties = GatewayProperties.from(environment(Map.of()));

		assertThat(properties.ownerSyncInterval()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.authFailureLimit()).isEqualTo(30);
		assertThat(properties.authFailureWindow()).isEqualTo(Duration.ofMinutes(3));
		assertThat(properties.authFailureBlock()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.rateLeaseMax()).isEqualTo(32);
		assertThat(properties.rateLeaseFor()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void fromWhenSetThenReadInBothDurationForms() {
		GatewayProperties properties = GatewayProperties.from(environment(Map.of("agent-gateway.rate-lease-max", "1",
				"agent-gateway.rate-lease-for", "PT0.2S", "agent-gateway.auth-failure-block", "30m")));

		assertThat(properties.rateLeaseMax()).isEqualTo(1);
		assertThat(properties.rateLeaseFor()).isEqualTo(Duration.ofMillis(200));
		assertThat(properties.authFailureBlock()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void fromWhenRateLeaseOutOfBoundsThenStartRefusedNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayProperties.from(environment(Map.of("agent-gateway.rate-lease-max", "0"))))
			.withMessageContaining("agent-gateway.rate-lease-max");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayProperties.from(environment(Map.of("agent-gateway.rate-lease-for", "11s"))))
			.withMessageContaining("agent-gateway.rate-lease-for");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayProperties.from(environment(Map.of("agent-gateway.rate-lease-for", "soon"))))
			.withMessageContaining("agent-gateway.rate-lease-for");
	}

	private static StandardEnvironment environment(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		return environment;
	}

}
