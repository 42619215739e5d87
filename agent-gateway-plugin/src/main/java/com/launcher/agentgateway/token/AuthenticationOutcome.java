package com.launcher.agentgateway.token;

import java.time.Duration;

/** What authenticating a presented token came to. */
public sealed interface AuthenticationOutcome {

	/**
	 * Allowed.
	 *
	 * @param principal the agent
	 */
	record Authenticated(AgentPrincipal principal) implements AuthenticationOutcome {
	}

	/**
	 * Refused.
	 *
	 * @param reason stable code for the audit log
	 * @param throttledFor when the source is throttled, for how long
	 */
	record Refused(String reason, Duration throttledFor) implements AuthenticationOutcome {
	}

}
