package com.launcher.agentgateway.observe;

import java.time.Duration;
import java.util.List;

import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.call.CallObserver.CallReport;
import com.launcher.agentgateway.core.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final GatewayMetrics metrics = new GatewayMetrics(this.registry);

	@Test
	void completedWhenReadSucceedsThenTimedByToolOutcomeAndNoIdempotencyOutcome() {
		this.metrics.completed(new CallReport("whoami", false, Outcome.SUCCEEDED, null, false, Duration.ofMillis(30)));

		assertThat(this.registry.get("agent_gateway.tool.calls")
			.tags("tool", "whoami", "outcome", "succeeded", "error", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.find("agent_gateway.idempotency.outcomes").meters()).isEmpty();
	}

	@Test
	void completedWhenWritesThenIdempotencyOutcomeOnlyWhereTheKeyDecided() {
		this.metrics.completed(new CallReport("add_comment", true, Outcome.SUCCEEDED, null, false, Duration.ZERO));
		this.metrics.completed(new CallReport("add_comment", true, Outcome.SUCCEEDED, null, true, Duration.ZERO));
		this.metrics.completed(new CallReport("add_comment", true, Outcome.DENIED, ErrorCode.IDEMPOTENCY_KEY_REUSED,
				false, Duration.ZERO));
		this.metrics.completed(new CallReport("add_comment", true, Outcome.DENIED, ErrorCode.IDEMPOTENCY_IN_PROGRESS,
				false, Duration.ZERO));
		this.metrics.completed(
				new CallReport("add_comment", true, Outcome.FAILED, ErrorCode.OUTCOME_UNKNOWN, false, Duration.ZERO));
		// Refused before any key was claimed: not an idempotency outcome.
		this.metrics.completed(
				new CallReport("add_comment", true, Outcome.DENIED, ErrorCode.WRITE_NOT_GRANTED, false, Duration.ZERO));

		for (String outcome : new String[] { "executed", "replayed", "key_reused", "in_progress", "outcome_unknown" }) {
			assertThat(
					this.registry.get("agent_gateway.idempotency.outcomes").tag("outcome", outcome).counter().count())
				.as(outcome)
				.isEqualTo(1);
		}
		assertThat(this.registry.find("agent_gateway.idempotency.outcomes").counters()).hasSize(5);
		assertThat(this.registry.get("agent_gateway.tool.calls").tag("error", "write_not_granted").timer().count())
			.isEqualTo(1);
	}

	@Test
	void authenticationRefusedWhenReasonIsNotACodeThenCountedAsOther() {
		this.metrics.authenticationRefused("unknown_token");
		this.metrics.authenticationRefused("Bearer agw_leaked secret");
		this.metrics.authenticationRefused(null);

		assertThat(this.registry.get("agent_gateway.auth.refusals").tag("reason", "unknown_token").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("agent_gateway.auth.refusals").tag("reason", "other").counter().count())
			.isEqualTo(2);
	}

	@Test
	void metersWhenUsedAgainThenTheSameInstanceServesWithoutAskingTheRegistry() {
		CallReport write = new CallReport("add_comment", true, Outcome.SUCCEEDED, null, false, Duration.ofMillis(5));
		List<Runnable> uses = List.of(() -> this.metrics.completed(write),
				() -> this.metrics.authenticationRefused("unknown_token"),
				() -> this.metrics.taskerCall("get_issue", "ok", 1_000), () -> this.metrics.auditAppend(true, 1_000),
				() -> this.metrics.auditAppend(false, 1_000));
		uses.forEach(Runnable::run);
		List<Meter> all = List.copyOf(this.registry.getMeters());
		// The simple registry adds a gauge per bucket beside each timer: not ours.
		List<Meter> first = all.stream().filter((meter) -> meter instanceof Timer || meter instanceof Counter).toList();
		assertThat(first).extracting((meter) -> meter.getId().getName())
			.containsExactlyInAnyOrder("agent_gateway.tool.calls", "agent_gateway.idempotency.outcomes",
					"agent_gateway.auth.refusals", "agent_gateway.tasker.calls", "agent_gateway.audit.append",
					"agent_gateway.audit.append");
		// Out of the registry: a use that asked the registry would register a new meter
		// there and leave the first at one.
		all.forEach(this.registry::remove);

		uses.forEach(Runnable::run);

		assertThat(this.registry.getMeters()).isEmpty();
		assertThat(first).allSatisfy((meter) -> assertThat(count(meter)).as(meter.getId().toString()).isEqualTo(2));
	}

	private static double count(Meter meter) {
		return (meter instanceof Timer timer) ? timer.count() : ((Counter) meter).count();
	}

	@Test
	void bindGaugeWhenSupplierFailsThenNaNAndLaterValuesRead() {
		long[] head = { 0 };
		this.metrics.bindGauge("agent_gateway.audit.chain.head", "head", () -> {
			if (head[0] < 0) {
				throw new IllegalStateException("database down");
			}
			return head[0];
		});
		head[0] = 42;
		assertThat(this.registry.get("agent_gateway.audit.chain.head").gauge().value()).isEqualTo(42);
		head[0] = -1;
		assertThat(this.registry.get("agent_gateway.audit.chain.head").gauge().value()).isNaN();
	}

}
