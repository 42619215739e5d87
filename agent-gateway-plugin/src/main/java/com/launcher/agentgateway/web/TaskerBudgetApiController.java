package com.launcher.agentgateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.budget.TaskerBudgetStatus;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tasker/budget} (platform admins): the shared Tasker budget as the
 * admin page shows it, and its values under the metric names the operations work exposes.
 */
@RestController
class TaskerBudgetApiController extends ApiErrors {

	private final TaskerBudget budget;

	private final CurrentActor actor;

	TaskerBudgetApiController(TaskerBudget budget, CurrentActor actor, FailureNames failures) {
		super(failures);
		this.budget = budget;
		this.actor = actor;
	}

	@GetMapping(path = "/api/v1/tasker/budget", produces = "application/json")
	Map<String, Object> budget() {
		if (!this.actor.require().platformAdmin()) {
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		TaskerBudgetStatus status = this.budget.status();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("at", status.at().toString());
		body.put("perMinute", status.perMinute());
		body.put("burst", status.burst());
		body.put("used", status.used());
		body.put("left", status.left());
		body.put("tokens", Math.round(status.tokens() * 100) / 100.0);
		body.put("waiting", status.waiting());
		body.put("refused", status.refused());
		body.put("usedByClass", names(status.usedByClass()));
		body.put("waitingByClass", names(status.waitingByClass()));
		body.put("refusedByClass", names(status.refusedByClass()));
		body.put("pausedUntil", (status.pausedUntil() != null) ? status.pausedUntil().toString() : null);
		body.put("metrics", status.gauges());
		return body;
	}

	private static Map<String, Integer> names(Map<?, Integer> counts) {
		Map<String, Integer> named = new LinkedHashMap<>();
		counts.forEach((key, value) -> named.put(key.toString().toLowerCase(java.util.Locale.ROOT), value));
		return named;
	}

}
