package com.launcher.agentgateway.agent;

import java.time.Duration;
import java.time.Instant;

import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.TestPolicies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three words the pages show for an agent's connection (threat model, "Reporting mode
 * false confidence": connected, stale and never connected are told apart).
 */
class ConnectionStatusTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final Policy policy = TestPolicies.defaults();

	@Test
	void ofWhenNeverSeenThenNeverConnected() {
		assertThat(ConnectionStatus.of(null, NOW, this.policy)).isEqualTo(ConnectionStatus.NEVER_CONNECTED);
	}

	@Test
	void ofWhenSeenWithinTheConnectedWindowThenConnectedAndAtItsEdgeStale() {
		Duration window = Duration.ofMinutes(this.policy.connectedMinutes());
		assertThat(ConnectionStatus.of(NOW.minusSeconds(1), NOW, this.policy)).isEqualTo(ConnectionStatus.CONNECTED);
		assertThat(ConnectionStatus.of(NOW.minus(window).plusMillis(1), NOW, this.policy))
			.isEqualTo(ConnectionStatus.CONNECTED);
		assertThat(ConnectionStatus.of(NOW.minus(window), NOW, this.policy)).isEqualTo(ConnectionStatus.STALE);
		assertThat(ConnectionStatus.of(NOW.minus(Duration.ofDays(3)), NOW, this.policy))
			.isEqualTo(ConnectionStatus.STALE);
	}

}
