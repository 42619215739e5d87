package com.launcher.agentgateway.web;

import java.time.Clock;
import java.util.Objects;

import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.policy.PolicyService;

/**
 * What every page needs besides its own services: the signed-in user, the names pages
 * show, the policy (connection status, reporting mode) and the clock. Wired once, so that
 * a need all pages share is added here, not to each page controller's constructor.
 *
 * @param actor the signed-in user
 * @param directory owners' names and card links
 * @param policy the current policy
 * @param clock the clock
 * @param failures what the log says of a failure behind a refused page
 */
record PageContext(CurrentActor actor, PageDirectory directory, PolicyService policy, Clock clock,
		FailureNames failures) {

	PageContext {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(directory, "directory");
		Objects.requireNonNull(policy, "policy");
		Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(failures, "failures");
	}

}
