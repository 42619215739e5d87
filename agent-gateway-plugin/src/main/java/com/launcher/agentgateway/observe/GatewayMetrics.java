package com.launcher.agentgateway.observe;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.call.CallObserver;
import com.launcher.agentgateway.core.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every meter of the gateway, named {@code agent_gateway.*} (Prometheus:
 * {@code agent_gateway_*}), in the registry the host handed the plugin. Tags take bounded
 * values only: a tool of the allowlist, an outcome, an error code, a Tasker operation (a
 * method of the host's client), a refusal reason of the authenticator. Never an id, an
 * address, a name or text an agent wrote.
 * <p>
 * The read model (issue 14) adds {@code agent_gateway.sync.lag} (seconds behind Tasker,
 * the largest over granted projects) and {@code agent_gateway.webhook.deliveries} (by
 * {@code outcome}, the receiver's stable reason).
 */
public class GatewayMetrics implements CallObserver {

	/** Latency buckets of tool calls and Tasker calls: a tool call spans Tasker calls. */
	private static final Duration[] CALL_BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(25),
			Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

	/** Audit appends are one statement; their buckets start lower. */
	private static final Duration[] APPEND_BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofSeconds(1) };

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

	private final MeterRegistry registry;

	// Each meter, once registered, is kept by its tag values: a call reads a map of its
	// own, never the registry, which built an id and looked it up on every call. The
	// registry holds the same instances, so the output is unchanged; no meter is
	// registered before its first use.
	private final Map<CallKey, Timer> toolCalls = new ConcurrentHashMap<>();

	private final Map<String, Counter> idempotencyOutcomes = new ConcurrentHashMap<>();

	private final Map<String, Counter> authRefusals = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Timer>> taskerCalls = new ConcurrentHashMap<>();

	private volatile Timer storedAppends;

	private volatile Timer failedAppends;

	public GatewayMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public MeterRegistry registry() {
		return this.registry;
	}

	@Override
	public void completed(CallReport report) {
		CallKey key = new CallKey(report.tool(), report.outcome(), report.error());
		this.toolCalls.computeIfAbsent(key, this::toolCallTimer).record(report.elapsed());
		String idempotency = idempotencyOutcome(report);
		if (idempotency != null) {
			this.idempotencyOutcomes
				.computeIfAbsent(idempotency,
						(outcome) -> Counter.builder("agent_gateway.idempotency.outcomes")
							.description("Write calls by what their idempotency key decided")
							.tag("outcome", outcome)
							.register(this.registry))
				.increment();
		}
	}

	private Timer toolCallTimer(CallKey key) {
		return Timer.builder("agent_gateway.tool.calls")
			.description("Tool calls, by tool, outcome and the error the agent was told")
			.tag("tool", key.tool())
			.tag("outcome", key.outcome().name().toLowerCase(Locale.ROOT))
			.tag("error", (key.error() != null) ? key.error().code() : "none")
			.serviceLevelObjectives(CALL_BUCKETS)
			.register(this.registry);
	}

	// Only what the key decided: a write refused before its key was claimed (no grant,
	// over budget) says nothing about idempotency.
	private static String idempotencyOutcome(CallReport report) {
		if (!report.writes()) {
			return null;
		}
		if (report.error() == null) {
			return report.replayed() ? "replayed" : "executed";
		}
		if (report.error() == ErrorCode.IDEMPOTENCY_KEY_REUSED) {
			return "key_reused";
		}
		if (report.error() == ErrorCode.IDEMPOTENCY_IN_PROGRESS) {
			return "in_progress";
		}
		if (report.error() == ErrorCode.OUTCOME_UNKNOWN) {
			return "outcome_unknown";
		}
		return null;
	}

	/** An agent's token was refused, for this reason (the audit event's reason). */
	public void authenticationRefused(String reason) {
		this.authRefusals
			.computeIfAbsent(bounded(reason),
					(bounded) -> Counter.builder("agent_gateway.auth.refusals")
						.description("Refused agent authentications, by reason")
						.tag("reason", bounded)
						.register(this.registry))
			.increment();
	}

	/** One call to the host's Tasker client ended, with this status. */
	public void taskerCall(String operation, String status, long nanos) {
		this.taskerCalls.computeIfAbsent(operation, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(status,
					(key) -> Timer.builder("agent_gateway.tasker.calls")
						.description("Calls to Tasker through the host's client, by operation and status")
						.tag("operation", operation)
						.tag("status", status)
						.serviceLevelObjectives(CALL_BUCKETS)
						.register(this.registry))
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	/** One audit append ended. */
	public void auditAppend(boolean stored, long nanos) {
		Timer appends = stored ? this.storedAppends : this.failedAppends;
		if (appends == null) {
			appends = Timer.builder("agent_gateway.audit.append")
				.description("Audit appends, each one event in the chain")
				.tag("outcome", stored ? "stored" : "failed")
				.serviceLevelObjectives(APPEND_BUCKETS)
				.register(this.registry);
			// Registering twice in a race returns the registry's one instance.
			if (stored) {
				this.storedAppends = appends;
			}
			else {
				this.failedAppends = appends;
			}
		}
		appends.record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * A gauge read when the registry is scraped. The supplier may fail (the database is
	 * down): the gauge then reads NaN, which Prometheus shows as missing data, not 0.
	 * @param name the meter's name, {@code agent_gateway.…}
	 * @param description what it measures
	 * @param value where the value comes from
	 */
	public void bindGauge(String name, String description, Supplier<? extends Number> value) {
		Gauge.builder(name, value, GatewayMetrics::read)
			.description(description)
			// The host removes the gauge when the plugin stops; until then it must not
			// lose its supplier to the garbage collector.
			.strongReference(true)
			.register(this.registry);
	}

	/**
	 * A counter whose count lives in {@code source}, read when the registry is scraped.
	 * Micrometer keeps only a weak reference to the source: pass an object the plugin's
	 * context keeps (a bean), never a lambda made for the call.
	 * @param <T> the source's type
	 * @param name the meter's name, {@code agent_gateway.…}
	 * @param description what it counts
	 * @param tagKey the one tag's key
	 * @param tagValue the one tag's value, from a bounded set
	 * @param source what holds the count
	 * @param count reads the count from the source
	 */
	public <T> void bindCounter(String name, String description, String tagKey, String tagValue, T source,
			ToDoubleFunction<T> count) {
		FunctionCounter.builder(name, source, count)
			.description(description)
			.tag(tagKey, tagValue)
			.register(this.registry);
	}

	private static double read(Supplier<? extends Number> value) {
		try {
			Number number = value.get();
			return (number != null) ? number.doubleValue() : Double.NaN;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static String bounded(String code) {
		return (code != null && CODE.matcher(code).matches()) ? code : "other";
	}

	/** The tag values of a tool call's timer. */
	private record CallKey(String tool, Outcome outcome, ErrorCode error) {
	}

}
