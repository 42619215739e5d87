package com.launcher.agentgateway.agent;

import java.time.Duration;
import java.time.Instant;

import com.launcher.agentgateway.policy.Policy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three words the pages show for an agent's connection (threat model, "Reporting mode
 * false confidence": connected, stale and never connected are told apart).
 */
class ConnectionStatusTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final Policy policy = Policy.defaults();

	@Test
	void ofWhenNeverSeenThenNeverConnected() {
		assertThat(ConnectionStatus.of(null, NOW, this.policy)).isEqualTo(ConnectionStatus.NEVER_CONNECTED);
	}

	@Test
	void ofWhenSeenWithinTheConnectedMinutesThenConnected() {
		Instant recent = NOW.minus(Duration.ofMinutes(this.policy.connectedMinutes())).plusSeconds(1);

		assertThat(ConnectionStatus.of(recent, NOW, this.policy)).isEqualTo(ConnectionStatus.CONNECTED);
	}

	@Test
	void ofWhenSeenExactlyAtTheLimitOrEarlierThenStale() {
		Instant limit = NOW.minus(Duration.ofMinutes(this.policy.connectedMinutes()));

		assertThat(ConnectionStatus.of(limit, NOW, this.policy)).isEqualTo(ConnectionStatus.STALE);
		assertThat(ConnectionStatus.of(limit.minus(Duration.ofDays(30)), NOW, this.policy))
			.isEqualTo(ConnectionStatus.STALE);
	}

}
