package com.launcher.agentgateway.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.budget.TaskerBudgetStatus;

/**
 * The shared Tasker budget (issue 14) as gauges, under the names its status gives them
 * ({@code agent_gateway.tasker.budget.*}). The status costs one or two statements, so one
 * scrape reading all the gauges reads it once: it is kept for {@link #FRESH}.
 */
public final class TaskerBudgetGauges implements Supplier<TaskerBudgetStatus> {

	/** How long one read of the budget serves the gauges and the health check. */
	static final Duration FRESH = Duration.ofSeconds(1);

	private final TaskerBudget budget;

	private final Clock clock;

	private volatile Read last;

	public TaskerBudgetGauges(TaskerBudget budget, Clock clock) {
		this.budget = budget;
		this.clock = clock;
	}

	/** Binds one gauge per value of the status. */
	public TaskerBudgetGauges bindTo(GatewayMetrics metrics) {
		// The names do not depend on the values: an empty status lists them all.
		Map<String, Number> names = new TaskerBudgetStatus(Instant.EPOCH, 0, 0, 0, null, null, null, null).gauges();
		for (String name : names.keySet()) {
			metrics.bindGauge(name, "The shared Tasker budget: " + name.substring(name.lastIndexOf("budget.") + 7),
					() -> get().gauges().get(name));
		}
		return this;
	}

	@Override
	public TaskerBudgetStatus get() {
		Instant now = this.clock.instant();
		Read read = this.last;
		if (read == null || !now.isBefore(read.at().plus(FRESH))) {
			read = new Read(this.budget.status(), now);
			this.last = read;
		}
		return read.status();
	}

	private record Read(TaskerBudgetStatus status, Instant at) {
	}

}
