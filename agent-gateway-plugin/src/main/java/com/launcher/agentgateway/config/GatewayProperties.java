package com.launcher.agentgateway.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

/**
 * Settings under {@code agent-gateway.*} in the host's configuration.
 *
 * @param ownerSyncInterval how often the periodic owner sync runs
 * @param authFailureLimit failed authentications from one source within
 * {@code authFailureWindow} before it is refused
 * @param authFailureWindow the counting window
 * @param authFailureBlock how long a source over the limit is refused
 * @param rateLeaseMax the most rate tokens a node takes at once for a busy agent (1: one
 * per request)
 * @param rateLeaseFor how long a node may spend tokens it took at once
 * @param auditRetention how long audit events are kept, or {@code null} to keep every
 * event
 * @param auditPruneInterval how often events older than the retention are deleted
 * @param auditKeyExistingChain the operator's consent to key an audit chain that holds
 * events with plain links (an upgrade from 0.3); a one-time setting
 */
public record GatewayProperties(Duration ownerSyncInterval, int authFailureLimit, Duration authFailureWindow,
		Duration authFailureBlock, int rateLeaseMax, Duration rateLeaseFor, Duration auditRetention,
		Duration auditPruneInterval, boolean auditKeyExistingChain) {

	public GatewayProperties {
		if (auditRetention != null && (auditRetention.compareTo(Duration.ofDays(1)) < 0
				|| auditRetention.compareTo(Duration.ofDays(36_500)) > 0)) {
			throw new IllegalArgumentException(
					"agent-gateway.audit.retention must be between 1 day and 100 years (or unset)");
		}
		if (auditPruneInterval.compareTo(Duration.ofMinutes(1)) < 0
				|| auditPruneInterval.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("agent-gateway.audit.prune-interval must be between 1 minute and 1 day");
		}
		if (rateLeaseMax < 1 || rateLeaseMax > 1_000) {
			throw new IllegalArgumentException("agent-gateway.rate-lease-max must be between 1 and 1000");
		}
		if (rateLeaseFor.isNegative() || rateLeaseFor.isZero() || rateLeaseFor.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new IllegalArgumentException("agent-gateway.rate-lease-for must be positive and at most 10 s");
		}
	}

	private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|)");

	static GatewayProperties from(Environment environment) {
		return new GatewayProperties(duration(environment, "agent-gateway.owner-sync-interval", Duration.ofSeconds(60)),
				environment.getProperty("agent-gateway.auth-failure-limit", Integer.class, 30),
				duration(environment, "agent-gateway.auth-failure-window", Duration.ofMinutes(3)),
				duration(environment, "agent-gateway.auth-failure-block", Duration.ofHours(1)),
				environment.getProperty("agent-gateway.rate-lease-max", Integer.class, 32),
				duration(environment, "agent-gateway.rate-lease-for", Duration.ofMillis(500)),
				duration(environment, "agent-gateway.audit.retention", null),
				duration(environment, "agent-gateway.audit.prune-interval", Duration.ofHours(1)),
				flag(environment, "agent-gateway.audit.key-existing-chain"));
	}

	// Only "true" consents: a security consent must not be given by a typo, nor by
	// "yes", "on" or "1" that Spring's converter would also take.
	static boolean flag(Environment environment, String key) {
		String value = environment.getProperty(key);
		if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
			return false;
		}
		if (value.strip().equalsIgnoreCase("true")) {
			return true;
		}
		throw new IllegalArgumentException(key + " must be true or false");
	}

	// The plugin context's Environment has no String-to-Duration converter (that is
	// Spring Boot's, not the host's parent context's), so parse here: ISO-8601 ("PT1S")
	// or a number with ms, s, m, h or d ("1s").
	static Duration duration(Environment environment, String key, Duration fallback) {
		String value = environment.getProperty(key);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String text = value.strip().toLowerCase(Locale.ROOT);
		try {
			if (text.startsWith("p") || text.startsWith("-p")) {
				return Duration.parse(text.toUpperCase(Locale.ROOT));
			}
			Matcher matcher = SIMPLE_DURATION.matcher(text);
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				return switch (matcher.group(2)) {
					case "ms" -> Duration.ofMillis(amount);
					case "", "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					default -> Duration.ofDays(amount);
				};
			}
		}
		catch (RuntimeException ex) {
			// Reported below with the key, like any other malformed value.
		}
		throw new IllegalArgumentException(key + " is not a duration (use e.g. PT30S or 30s)");
	}

}
