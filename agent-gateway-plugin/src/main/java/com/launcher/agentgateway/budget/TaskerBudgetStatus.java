package com.launcher.agentgateway.budget;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The budget as operators see it, for the admin page and for metrics: what all nodes
 * spent in the last 60 s and on what, what is left, who waits, and whether Tasker's 429
 * has paused everyone.
 *
 * @param at when it was read (the database's clock)
 * @param perMinute the configured most calls in any 60 s
 * @param burst the bucket's capacity
 * @param tokens calls the bucket holds now (below zero while in debt)
 * @param usedByClass calls admitted in the last 60 s, by class
 * @param refusedByClass calls refused ({@code tasker_busy}) in the last 60 s, by class
 * @param waitingByClass calls waiting for the budget now, by class
 * @param pausedUntil until when a 429 stops every node, or {@code null}
 */
public record TaskerBudgetStatus(Instant at, int perMinute, int burst, double tokens,
		Map<CallClass, Integer> usedByClass, Map<CallClass, Integer> refusedByClass,
		Map<CallClass, Integer> waitingByClass, Instant pausedUntil) {

	public TaskerBudgetStatus {
		Objects.requireNonNull(at, "at");
		usedByClass = complete(usedByClass);
		refusedByClass = complete(refusedByClass);
		waitingByClass = complete(waitingByClass);
	}

	/** Calls admitted in the last 60 s. */
	public int used() {
		return sum(this.usedByClass);
	}

	/** Calls still allowed in the current 60 s: {@code perMinute} less those used. */
	public int left() {
		return Math.max(0, this.perMinute - used());
	}

	public int refused() {
		return sum(this.refusedByClass);
	}

	/** Calls waiting for the budget on all nodes: the queue's length. */
	public int waiting() {
		return sum(this.waitingByClass);
	}

	public boolean paused() {
		return this.pausedUntil != null && this.pausedUntil.isAfter(this.at);
	}

	/**
	 * The values under the names the operations work exposes as gauges (Prometheus turns
	 * dots into underscores): one unlabelled value each, and one per class where the
	 * class matters.
	 * @return name to value, in a stable order
	 */
	public Map<String, Number> gauges() {
		Map<String, Number> gauges = new LinkedHashMap<>();
		gauges.put("agent_gateway.tasker.budget.limit", this.perMinute);
		gauges.put("agent_gateway.tasker.budget.used", used());
		gauges.put("agent_gateway.tasker.budget.left", left());
		gauges.put("agent_gateway.tasker.budget.tokens", this.tokens);
		gauges.put("agent_gateway.tasker.budget.waiting", waiting());
		gauges.put("agent_gateway.tasker.budget.refused", refused());
		gauges.put("agent_gateway.tasker.budget.paused", paused() ? 1 : 0);
		for (CallClass callClass : CallClass.values()) {
			String tag = callClass.name().toLowerCase(java.util.Locale.ROOT);
			gauges.put("agent_gateway.tasker.budget.used." + tag, this.usedByClass.get(callClass));
			gauges.put("agent_gateway.tasker.budget.waiting." + tag, this.waitingByClass.get(callClass));
			gauges.put("agent_gateway.tasker.budget.refused." + tag, this.refusedByClass.get(callClass));
		}
		return gauges;
	}

	private static Map<CallClass, Integer> complete(Map<CallClass, Integer> counts) {
		Map<CallClass, Integer> all = new EnumMap<>(CallClass.class);
		for (CallClass callClass : CallClass.values()) {
			Integer count = (counts != null) ? counts.get(callClass) : null;
			all.put(callClass, (count != null) ? count : 0);
		}
		return java.util.Collections.unmodifiableMap(all);
	}

	private static int sum(Map<CallClass, Integer> counts) {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

}
