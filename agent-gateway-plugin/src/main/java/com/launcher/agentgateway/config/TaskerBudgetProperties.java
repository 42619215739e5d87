package com.launcher.agentgateway.config;

import java.time.Duration;

import com.launcher.agentgateway.budget.TaskerBudgetSettings;

import org.springframework.core.env.Environment;

/**
 * Settings of the shared Tasker budget ({@code agent-gateway.tasker-budget.*}) and of the
 * kept membership answers ({@code agent-gateway.membership-cache.bound}).
 *
 * @param budget how the budget is sized and shared
 * @param membershipBound how long an owner's membership answer is served, and a person's
 * grantable projects shown, before Tasker is asked again (0: always ask)
 */
public record TaskerBudgetProperties(TaskerBudgetSettings budget, Duration membershipBound) {

	/** The longest bound: DESIGN §7 allows only short-lived copies of access answers. */
	static final Duration LONGEST_MEMBERSHIP_BOUND = Duration.ofMinutes(5);

	public TaskerBudgetProperties {
		if (membershipBound.isNegative() || membershipBound.compareTo(LONGEST_MEMBERSHIP_BOUND) > 0) {
			throw new IllegalArgumentException("agent-gateway.membership-cache.bound must be between 0 and 5 minutes");
		}
	}

	static TaskerBudgetProperties from(Environment environment) {
		TaskerBudgetSettings defaults = TaskerBudgetSettings.defaults();
		String prefix = "agent-gateway.tasker-budget.";
		TaskerBudgetSettings budget = new TaskerBudgetSettings(
				environment.getProperty(prefix + "per-minute", Integer.class, defaults.perMinute()),
				environment.getProperty(prefix + "burst", Integer.class, defaults.burst()),
				environment.getProperty(prefix + "write-reserve", Integer.class, defaults.writeReserve()),
				environment.getProperty(prefix + "sync-reserve", Integer.class, defaults.syncReserve()),
				environment.getProperty(prefix + "sync-share", Double.class, defaults.syncShare()),
				GatewayProperties.duration(environment, prefix + "max-wait", defaults.maxWait()),
				GatewayProperties.duration(environment, prefix + "write-max-wait", defaults.writeMaxWait()),
				GatewayProperties.duration(environment, prefix + "sync-max-wait", defaults.syncMaxWait()));
		return new TaskerBudgetProperties(budget, GatewayProperties.duration(environment,
				"agent-gateway.membership-cache.bound", Duration.ofSeconds(30)));
	}

}
