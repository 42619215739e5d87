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
		assertThat(properties.auditRetention()).as("every audit event is kept").isNull();
		assertThat(properties.auditPruneInterval()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.auditKeyExistingChain()).as("no consent to key a plain chain").isFalse();
	}

	@Test
	void fromWhenKeyExistingChainSetThenOnlyTrueConsentsAndAnythingElseIsRefused() {
		assertThat(GatewayProperties.from(environment(Map.of("agent-gateway.audit.key-existing-chain", "true")))
			.auditKeyExistingChain()).isTrue();
		assertThat(GatewayProperties.from(environment(Map.of("agent-gateway.audit.key-existing-chain", "false")))
			.auditKeyExistingChain()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> GatewayProperties.from(environment(Map.of("agent-gateway.audit.key-existing-chain", "yes"))))
			.withMessageContaining("agent-gateway.audit.key-existing-chain");
	}

	@Test
	void fromWhenAuditRetentionSetThenReadAndTooShortRefused() {
		GatewayProperties properties = GatewayProperties.from(environment(
				Map.of("agent-gateway.audit.retention", "400d", "agent-gateway.audit.prune-interval", "PT10M")));

		assertThat(properties.auditRetention()).isEqualTo(Duration.ofDays(400));
		assertThat(properties.auditPruneInterval()).isEqualTo(Duration.ofMinutes(10));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayProperties.from(environment(Map.of("agent-gateway.audit.retention", "12h"))))
			.withMessageContaining("agent-gateway.audit.retention");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayProperties.from(environment(Map.of("agent-gateway.audit.retention", "40000d"))))
			.withMessageContaining("agent-gateway.audit.retention");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayProperties.from(environment(Map.of("agent-gateway.audit.prune-interval", "10s"))))
			.withMessageContaining("agent-gateway.audit.prune-interval");
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
