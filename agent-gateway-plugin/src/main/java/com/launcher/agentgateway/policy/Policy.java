package com.launcher.agentgateway.policy;

import com.launcher.agentgateway.core.Checks;
import com.launcher.agentgateway.core.GatewayException;

/**
 * The gateway's policy. Validates itself: a policy that cannot be stored cannot be built.
 *
 * @param maxTokenDays longest lifetime a token may be given (1–365)
 * @param defaultTokenDays lifetime when none is asked (≤ max)
 * @param burstRequests requests an agent may make within {@code burstSeconds}
 * @param burstSeconds the burst window
 * @param requestsPerMinute an agent's sustained request rate
 * @param writesPerDay an agent's daily write budget (cards, updates, comments, reports)
 * @param connectedMinutes an agent seen within this many minutes is "connected"
 * @param staleHours seen within this many hours is "stale"; older is "stale" too, never
 * is "never connected"
 * @param reportingMode whether agents are expected to report progress (visibility, not
 * enforcement)
 * @param oauthAccessTokenMinutes lifetime of an access token issued to an OAuth client
 * (5–1440); its refresh tokens live no longer than {@code maxTokenDays}
 */
public record Policy(int maxTokenDays, int defaultTokenDays, int burstRequests, int burstSeconds, int requestsPerMinute,
		int writesPerDay, int connectedMinutes, int staleHours, boolean reportingMode, int oauthAccessTokenMinutes) {

	/** The default OAuth access-token lifetime: one hour. */
	public static final int DEFAULT_OAUTH_ACCESS_TOKEN_MINUTES = 60;

	public Policy {
		Checks.range(maxTokenDays, "maxTokenDays", 1, 365);
		Checks.range(defaultTokenDays, "defaultTokenDays", 1, 365);
		if (defaultTokenDays > maxTokenDays) {
			throw GatewayException.invalid("defaultTokenDays", "must not exceed maxTokenDays");
		}
		Checks.range(burstRequests, "burstRequests", 1, 10_000);
		Checks.range(burstSeconds, "burstSeconds", 1, 3_600);
		Checks.range(requestsPerMinute, "requestsPerMinute", 1, 100_000);
		Checks.range(writesPerDay, "writesPerDay", 0, 100_000);
		Checks.range(connectedMinutes, "connectedMinutes", 1, 1_440);
		Checks.range(staleHours, "staleHours", 1, 24 * 90);
		Checks.range(oauthAccessTokenMinutes, "oauthAccessTokenMinutes", 5, 1_440);
	}

	/** A policy with the default OAuth access-token lifetime. */
	public Policy(int maxTokenDays, int defaultTokenDays, int burstRequests, int burstSeconds, int requestsPerMinute,
			int writesPerDay, int connectedMinutes, int staleHours, boolean reportingMode) {
		this(maxTokenDays, defaultTokenDays, burstRequests, burstSeconds, requestsPerMinute, writesPerDay,
				connectedMinutes, staleHours, reportingMode, DEFAULT_OAUTH_ACCESS_TOKEN_MINUTES);
	}

	public static Policy defaults() {
		return new Policy(90, 30, 20, 10, 120, 200, 15, 24, false);
	}

}
