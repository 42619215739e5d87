package com.launcher.agentgateway.agent;

import java.time.Duration;
import java.time.Instant;

import com.launcher.agentgateway.policy.Policy;

/**
 * What owners and admins see about an agent's activity. This is visibility, not
 * enforcement: a developer can run an agent without reporting (threat model, "Reporting
 * mode false confidence").
 */
public enum ConnectionStatus {

	CONNECTED, STALE, NEVER_CONNECTED;

	public static ConnectionStatus of(Instant lastSeenAt, Instant now, Policy policy) {
		if (lastSeenAt == null) {
			return NEVER_CONNECTED;
		}
		return lastSeenAt.isAfter(now.minus(Duration.ofMinutes(policy.connectedMinutes()))) ? CONNECTED : STALE;
	}

}
