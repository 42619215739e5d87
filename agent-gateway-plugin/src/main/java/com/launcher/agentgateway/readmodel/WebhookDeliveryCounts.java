package com.launcher.agentgateway.readmodel;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many of Tasker's webhook deliveries this node answered, by verdict, since the
 * plugin started: what tells an operator that the webhooks arrive and pass their checks
 * (issue 14 point 7). Kept per node and in memory, as counters are: a metrics backend
 * sums the nodes, and a restart starts from zero, which it understands as a counter
 * reset.
 */
public final class WebhookDeliveryCounts {

	private final Map<WebhookVerdict, LongAdder> counts = new EnumMap<>(WebhookVerdict.class);

	public WebhookDeliveryCounts() {
		Arrays.stream(WebhookVerdict.values()).forEach((verdict) -> this.counts.put(verdict, new LongAdder()));
	}

	/**
	 * Counts one answered delivery.
	 * @param verdict what became of it
	 */
	public void record(WebhookVerdict verdict) {
		this.counts.get(Objects.requireNonNull(verdict, "verdict")).increment();
	}

	/**
	 * Deliveries answered with this verdict.
	 * @param verdict the verdict
	 * @return the count since the plugin started
	 */
	public long count(WebhookVerdict verdict) {
		return this.counts.get(Objects.requireNonNull(verdict, "verdict")).sum();
	}

	/** Deliveries answered 200 (applied, unchanged or ignored). */
	public long accepted() {
		return sum(true);
	}

	/** Deliveries refused, whatever the reason. */
	public long rejected() {
		return sum(false);
	}

	private long sum(boolean accepted) {
		return this.counts.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().accepted() == accepted)
			.mapToLong((entry) -> entry.getValue().sum())
			.sum();
	}

}
