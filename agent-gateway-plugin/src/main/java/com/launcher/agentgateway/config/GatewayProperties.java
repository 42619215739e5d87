package com.launcher.agentgateway.config;

import java.time.Duration;

import org.springframework.core.env.Environment;

/**
 * Settings under {@code agent-gateway.*} in the host's configuration.
 *
 * @param ownerSyncInterval how often the periodic owner sync runs
 * @param authFailureLimit failed authentications from one source within
 * {@code authFailureWindow} before it is refused
 * @param authFailureWindow the counting window
 * @param authFailureBlock how long a source over the limit is refused
 */
public record GatewayProperties(Duration ownerSyncInterval, int authFailureLimit, Duration authFailureWindow,
		Duration authFailureBlock) {

	static GatewayProperties from(Environment environment) {
		return new GatewayProperties(
				environment.getProperty("agent-gateway.owner-sync-interval", Duration.class, Duration.ofSeconds(60)),
				environment.getProperty("agent-gateway.auth-failure-limit", Integer.class, 30),
				environment.getProperty("agent-gateway.auth-failure-window", Duration.class, Duration.ofMinutes(3)),
				environment.getProperty("agent-gateway.auth-failure-block", Duration.class, Duration.ofHours(1)));
	}

}
