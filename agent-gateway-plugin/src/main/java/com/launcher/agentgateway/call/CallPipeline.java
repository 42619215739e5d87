package com.launcher.agentgateway.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.budget.TaskerCallScope;
import com.launcher.agentgateway.budget.TaskerCaller;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.idempotency.Fingerprint;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.idempotency.IdempotencyService;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.workitem.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of every tool call (DESIGN §5), in one straight line: allowlist → validation →
 * grant → rate limit and write budget → the owner's live membership → idempotency claim
 * (writes) → the tool → completion or release → exactly one audit event → the result, or
 * a {@link GatewayException}. {@link #call} is the one place where a call starts and
 * ends.
 * <p>
 * Two deliberate orderings: the allowlist runs before validation, so a hidden write tool
 * answers exactly like an unknown one, whatever its arguments; limits run before the
 * membership check because that check is itself a Tasker call, and an over-limit request
 * must cause none (security.md R1).
 */
public class CallPipeline {

	private static final Logger logger = LoggerFactory.getLogger(CallPipeline.class);

	private static final Set<String> NOT_FINGERPRINTED = Set.of("idempotency_key");

	private final ToolCatalog catalog;

	private final WorkItems workItems;

	private final IdempotencyService idempotency;

	private final PolicyService policies;

	private final Limits limits;

	private final AuditLog audit;

	private final ArgumentValidator validator;

	private final StoredResults stored;

	private final Clock clock;

	private final CallObserver observer;

	private final FailureNames failures;

	/**
	 * @param failures what the log says of a tool's, an observer's or the audit log's
	 * failure: the answer and the audit event say only {@code internal_error}
	 */
	public CallPipeline(ToolCatalog catalog, WorkItems workItems, IdempotencyService idempotency,
			PolicyService policies, Limits limits, AuditLog audit, ArgumentValidator validator, StoredResults stored,
			Clock clock, CallObserver observer, FailureNames failures) {
		this.catalog = catalog;
		this.workItems = workItems;
		this.idempotency = idempotency;
		this.policies = policies;
		this.limits = limits;
		this.audit = audit;
		this.validator = validator;
		this.stored = stored;
		this.clock = clock;
		this.observer = observer;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	public ToolCatalog catalog() {
		return this.catalog;
	}

	/**
	 * Counts one request of the agent against its own rate limit. Tool calls are counted
	 * in {@link #call}; the protocol edge counts every other request with this (issue 12:
	 * {@code ping}, {@code initialize} and {@code tools/list} cost like tool calls).
	 * @param agent the agent
	 * @return the policy in force
	 * @throws GatewayException {@code rate_limited} with the time to wait
	 */
	public Policy admit(AgentPrincipal agent) {
		Policy policy = this.policies.current();
		RateLimiter.Decision decision = this.limits.rate().tryAcquire(agent.agentId(), policy);
		if (!decision.allowed()) {
			throw GatewayException.retryAfter(ErrorCode.RATE_LIMITED, decision.retryAfter());
		}
		return policy;
	}

	/**
	 * Runs one tool call and writes its one audit event.
	 * @param agent the authenticated agent
	 * @param tool the tool
	 * @param arguments its arguments as sent, or null
	 * @param protocolVersion the client's protocol revision, recorded in the event
	 * @return the structured result
	 * @throws GatewayException the refusal or failure the agent is told; its event is
	 * written already
	 */
	public Map<String, Object> call(AgentPrincipal agent, Tool tool, Map<String, Object> arguments,
			String protocolVersion) {
		long started = System.nanoTime();
		ToolDescriptor descriptor = tool.descriptor();
		Map<String, Object> args = (arguments != null) ? arguments : Map.of();
		CallTrail trail = new CallTrail(agent, descriptor.name(), protocolVersion,
				LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC), this.limits.writes(), this.failures);
		ToolResult result = null;
		GatewayException failure = null;
		// Every Tasker call of the tool spends the shared budget as this agent's, a
		// write's at a write's priority (issue 14).
		TaskerCaller caller = descriptor.writes() ? TaskerCaller.write(agent.agentId(), agent.ownerUserId())
				: TaskerCaller.interactive(agent.agentId(), agent.ownerUserId());
		try (TaskerCallScope scope = TaskerCallScope.open(caller)) {
			result = run(agent, tool, new ToolArguments(args), trail);
		}
		catch (GatewayException ex) {
			trail.refundUnlessInDoubt(ex);
			failure = ex;
		}
		catch (RuntimeException ex) {
			// Unknown whether Tasker applied a write: the budget stays spent.
			logger.warn("Tool {} failed: {}", descriptor.name(), this.failures.of(ex));
			failure = new GatewayException(ErrorCode.INTERNAL);
		}
		boolean recorded = record(trail, failure);
		GatewayException answer = failure;
		if (!recorded && (failure == null || failure.errorCode() != ErrorCode.TOOL_NOT_AVAILABLE)) {
			// A1: no answer without its event. A hidden tool stays hidden all the same.
			answer = new GatewayException(ErrorCode.SERVICE_UNAVAILABLE);
		}
		observe(descriptor, trail, answer, Duration.ofNanos(System.nanoTime() - started));
		if (answer != null) {
			throw answer;
		}
		return result.structured();
	}

	private void observe(ToolDescriptor descriptor, CallTrail trail, GatewayException answer, Duration elapsed) {
		try {
			this.observer.completed(new CallObserver.CallReport(descriptor.name(), descriptor.writes(),
					outcomeOf(answer), (answer != null) ? answer.errorCode() : null, trail.replayed(), elapsed));
		}
		catch (RuntimeException ex) {
			logger.warn("Call observer failed: {}", this.failures.of(ex));
		}
	}

	private ToolResult run(AgentPrincipal agent, Tool tool, ToolArguments arguments, CallTrail trail) {
		ToolDescriptor descriptor = tool.descriptor();
		if (!descriptor.allows(agent)) {
			throw new GatewayException(ErrorCode.TOOL_NOT_AVAILABLE);
		}
		IdempotencyKey key = descriptor.writes() ? arguments.idempotencyKey() : null;
		validate(descriptor, arguments.raw());
		Grant grant = null;
		if (descriptor.projectScoped()) {
			grant = CalledProject.grant(agent, arguments, trail);
			if (descriptor.writes() && !grant.access().allows(Access.WRITE)) {
				throw new GatewayException(ErrorCode.WRITE_NOT_GRANTED);
			}
		}
		Policy policy = admit(agent);
		if (descriptor.writes()) {
			if (!this.limits.writes().tryConsume(agent.agentId(), trail.day(), policy.writesPerDay())) {
				throw GatewayException.retryAfter(ErrorCode.WRITE_BUDGET_EXHAUSTED, untilNextUtcDay());
			}
			trail.budgetTaken();
		}
		if (grant != null) {
			this.workItems.requireOwnerMembership(agent, grant);
		}
		ToolRequest request = new ToolRequest(agent, grant, arguments, key, policy, false, trail.day(), this.catalog);
		if (!descriptor.writes()) {
			return tool.call(request);
		}
		Fingerprint fingerprint = Fingerprint.of(descriptor.name(), arguments.raw(), NOT_FINGERPRINTED);
		IdempotencyService.Execution execution = this.idempotency.execute(agent.agentId(), key, descriptor.name(),
				fingerprint, (reconcile) -> this.stored.encode(tool.call(request.reconciling(reconcile))));
		ToolResult result = this.stored.decode(execution.result());
		result.structured().put("replayed", execution.replayed());
		trail.written(result.card(), execution.replayed());
		if (execution.replayed()) {
			trail.refund();
		}
		return result;
	}

	private void validate(ToolDescriptor descriptor, Map<String, Object> arguments) {
		this.validator.problem(descriptor.inputSchema(), arguments).ifPresent((problem) -> {
			// The validator's words quote what the agent sent: inert and bounded.
			throw GatewayException.invalid(null, PlainText.cut(PlainText.sanitize(problem), 500));
		});
	}

	private boolean record(CallTrail trail, GatewayException failure) {
		Outcome outcome = outcomeOf(failure);
		try {
			this.audit.append(trail.event(outcome, failure, this.clock.instant()));
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Audit append failed for tool {}: {}", trail.tool(), this.failures.of(ex));
			return false;
		}
	}

	private static Outcome outcomeOf(GatewayException failure) {
		if (failure == null) {
			return Outcome.SUCCEEDED;
		}
		return isFailure(failure.errorCode()) ? Outcome.FAILED : Outcome.DENIED;
	}

	private static boolean isFailure(ErrorCode code) {
		// tasker_busy is the gateway's own refusal (no call reached Tasker), like
		// rate_limited: denied, not failed.
		return code == ErrorCode.OUTCOME_UNKNOWN || code == ErrorCode.INTERNAL || code == ErrorCode.SERVICE_UNAVAILABLE
				|| (code.code().startsWith("tasker_") && code != ErrorCode.TASKER_BUSY);
	}

	private Duration untilNextUtcDay() {
		Instant now = this.clock.instant();
		Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.plusDays(1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		return Duration.between(now, midnight);
	}

	/**
	 * The per-agent limits a call spends: the shared rate buckets and the daily write
	 * budget.
	 *
	 * @param rate the rate limiter
	 * @param writes the daily write budget
	 */
	public record Limits(RateLimiter rate, WriteBudget writes) {
	}

}
