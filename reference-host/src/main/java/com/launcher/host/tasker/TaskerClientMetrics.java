package com.launcher.host.tasker;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.launcher.tasker.client.PlaneTaskerClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The host's Tasker client in the host's metrics: its circuit breaker's state, its HTTP
 * exchanges, Tasker's 429 answers and the waits for a rate-budget permit. The client is
 * the host's and shared by every plugin, so these are {@code launcher.tasker.*}; a plugin
 * counts its own calls by operation.
 */
class TaskerClientMetrics implements MeterBinder {

	/**
	 * The circuit breaker's states (Resilience4j) shown as one gauge each, 1 for the
	 * current.
	 */
	static final List<String> CIRCUIT_STATES = List.of("CLOSED", "OPEN", "HALF_OPEN", "DISABLED", "FORCED_OPEN",
			"METRICS_ONLY");

	private final PlaneTaskerClient client;

	TaskerClientMetrics(PlaneTaskerClient client) {
		this.client = client;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String state : CIRCUIT_STATES) {
			Gauge
				.builder("launcher.tasker.circuit.state", this.client,
						(client) -> state.equals(client.stats().circuitState()) ? 1 : 0)
				.description("1 for the state the Tasker client's circuit breaker is in, 0 for the others")
				.tag("state", state.toLowerCase())
				.register(registry);
		}
		FunctionCounter.builder("launcher.tasker.http.requests", this.client, (client) -> client.stats().httpCalls())
			.description("HTTP exchanges with Tasker")
			.register(registry);
		FunctionCounter
			.builder("launcher.tasker.rate.limited", this.client, (client) -> client.stats().rateLimitedAnswers())
			.description("429 answers from Tasker")
			.register(registry);
		FunctionCounter.builder("launcher.tasker.permit.waits", this.client, (client) -> client.stats().permitWaits())
			.description("Tasker calls that waited for a permit of the host's rate budget")
			.register(registry);
		FunctionCounter
			.builder("launcher.tasker.permit.wait", this.client,
					(client) -> client.stats().totalPermitWait().toNanos() / (double) TimeUnit.SECONDS.toNanos(1))
			.description("Seconds spent waiting for permits of the host's rate budget")
			.baseUnit("seconds")
			.register(registry);
	}

}
