package com.launcher.agentgateway.mcp.tool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.budget.TaskerCallScope;
import com.launcher.agentgateway.budget.TaskerCaller;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.idempotency.Fingerprint;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.idempotency.IdempotencyService;
import com.launcher.agentgateway.mcp.McpCall;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.agentgateway.tasker.UntrustedContent;
import com.launcher.agentgateway.token.AgentPrincipal;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The path of every tool call (DESIGN §5): allowlist → validation → grant → rate limit
 * and write budget → the owner's live membership → idempotency claim (writes) → Tasker →
 * completion or release → exactly one audit event → result.
 * <p>
 * Two deliberate orderings: the allowlist runs before validation so a hidden write tool
 * looks exactly like an unknown one; limits run before the membership check because that
 * check is itself a Tasker call, and an over-limit request must cause none (security.md
 * R1).
 */
public class ToolInvoker {

	private static final Logger logger = LoggerFactory.getLogger(ToolInvoker.class);

	private static final Set<String> NOT_FINGERPRINTED = Set.of("idempotency_key");

	private final List<McpTool> tools;

	private final TaskerGateway tasker;

	private final IdempotencyService idempotency;

	private final PolicyService policies;

	private final RateLimiter rateLimiter;

	private final WriteBudget writeBudget;

	private final AuditLog audit;

	private final JsonSchemaValidator validator;

	private final McpJsonMapper mcpJson;

	private final ToolResults results;

	private final Clock clock;

	private final Map<String, Map<String, Object>> schemas = new java.util.HashMap<>();

	public ToolInvoker(List<McpTool> tools, TaskerGateway tasker, IdempotencyService idempotency,
			PolicyService policies, RateLimiter rateLimiter, WriteBudget writeBudget, AuditLog audit,
			JsonSchemaValidator validator, McpJsonMapper mcpJson, JsonMapper json, Clock clock) {
		this.tools = List.copyOf(tools);
		this.tasker = tasker;
		this.idempotency = idempotency;
		this.policies = policies;
		this.rateLimiter = rateLimiter;
		this.writeBudget = writeBudget;
		this.audit = audit;
		this.validator = validator;
		this.mcpJson = mcpJson;
		this.results = new ToolResults(json);
		this.clock = clock;
		for (McpTool tool : this.tools) {
			@SuppressWarnings("unchecked")
			Map<String, Object> schema = json.readValue(tool.inputSchema(), Map.class);
			this.schemas.put(tool.name(), schema);
		}
	}

	/** The SDK registrations, one per tool, each routed through {@link #invoke}. */
	public List<SyncToolSpecification> specifications() {
		List<SyncToolSpecification> specs = new ArrayList<>();
		for (McpTool tool : this.tools) {
			McpSchema.Tool definition = McpSchema.Tool.builder()
				.name(tool.name())
				.title(tool.title())
				.description(tool.description())
				.inputSchema(this.mcpJson, tool.inputSchema())
				.outputSchema(this.mcpJson, tool.outputSchema())
				.annotations(new McpSchema.ToolAnnotations(tool.title(), !tool.writes(), false, true, false, null))
				.build();
			specs.add(new SyncToolSpecification(definition, (context, request) -> invoke(context, tool, request)));
		}
		return specs;
	}

	/**
	 * Whether {@code tools/list} shows the tool to this caller; write tools need a WRITE
	 * grant.
	 */
	public boolean isVisible(McpTransportContext context, McpSchema.Tool tool) {
		AgentPrincipal principal = McpCall.from(context).principal();
		return this.tools.stream()
			.filter((t) -> t.name().equals(tool.name()))
			.anyMatch((t) -> !t.writes() || principal.canWriteAnywhere());
	}

	/** The names of the tools this agent can call. */
	public List<String> visibleNames(AgentPrincipal principal) {
		return this.tools.stream()
			.filter((t) -> !t.writes() || principal.canWriteAnywhere())
			.map(McpTool::name)
			.toList();
	}

	McpSchema.CallToolResult invoke(McpTransportContext context, McpTool tool, McpSchema.CallToolRequest request) {
		AgentPrincipal principal = McpCall.from(context).principal();
		// Every Tasker call of this tool spends the shared budget as this agent's, a
		// write's at a write's priority (issue 14).
		TaskerCaller caller = tool.writes() ? TaskerCaller.write(principal.agentId(), principal.ownerUserId())
				: TaskerCaller.interactive(principal.agentId(), principal.ownerUserId());
		try (TaskerCallScope scope = TaskerCallScope.open(caller)) {
			return invokeAs(context, tool, request);
		}
	}

	private McpSchema.CallToolResult invokeAs(McpTransportContext context, McpTool tool,
			McpSchema.CallToolRequest request) {
		McpCall call = McpCall.from(context);
		AgentPrincipal principal = call.principal();
		Map<String, Object> args = (request.arguments() != null) ? request.arguments() : Map.of();
		AuditTarget target = new AuditTarget();
		if (tool.writes() && !principal.canWriteAnywhere()) {
			// "Neither listed nor callable": answered exactly like an unknown tool.
			audit(call, tool, Outcome.DENIED, "tool_not_available", target, false);
			throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Unknown tool").build();
		}
		boolean budgetTaken = false;
		LocalDate day = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		try {
			IdempotencyKey key = tool.writes() ? IdempotencyKey.parse(args.get("idempotency_key")) : null;
			validate(tool, args);
			ToolArguments arguments = new ToolArguments(args);
			Grant grant = null;
			if (tool.projectScoped()) {
				UUID projectId = arguments.requiredUuid("project_id");
				target.set("project", projectId.toString());
				grant = principal.grantFor(projectId)
					.orElseThrow(() -> new GatewayException(ErrorCode.PROJECT_NOT_GRANTED));
				if (tool.writes() && !grant.access().allows(Access.WRITE)) {
					throw new GatewayException(ErrorCode.WRITE_NOT_GRANTED);
				}
			}
			Policy policy = this.policies.current();
			RateLimiter.Decision decision = this.rateLimiter.tryAcquire(principal.agentId(), policy);
			if (!decision.allowed()) {
				throw GatewayException.retryAfter(ErrorCode.RATE_LIMITED, decision.retryAfter());
			}
			if (tool.writes()) {
				if (!this.writeBudget.tryConsume(principal.agentId(), day, policy.writesPerDay())) {
					throw GatewayException.retryAfter(ErrorCode.WRITE_BUDGET_EXHAUSTED, untilNextUtcDay());
				}
				budgetTaken = true;
			}
			if (grant != null) {
				this.tasker.requireOwnerMembership(principal, grant);
			}
			ToolRequest toolRequest = new ToolRequest(principal, grant, arguments, key, policy, false);
			Map<String, Object> structured;
			boolean replayed = false;
			if (tool.writes()) {
				Fingerprint fingerprint = Fingerprint.of(tool.name(), args, NOT_FINGERPRINTED);
				IdempotencyService.Execution execution = this.idempotency.execute(principal.agentId(), key, tool.name(),
						fingerprint, (reconcile) -> this.results.write(tool.call(toolRequest.reconciling(reconcile))));
				structured = this.results.read(execution.result());
				replayed = execution.replayed();
				structured.put("replayed", replayed);
				if (replayed) {
					budgetTaken = false;
					this.writeBudget.refund(principal.agentId(), day);
				}
				Object workItemId = structured.get("work_item_id");
				if (workItemId != null) {
					target.set("work_item", String.valueOf(workItemId));
				}
			}
			else {
				structured = tool.call(toolRequest);
			}
			if (!audit(call, tool, Outcome.SUCCEEDED, null, target, replayed)) {
				return this.results.failure(new GatewayException(ErrorCode.SERVICE_UNAVAILABLE));
			}
			return this.results.success(structured);
		}
		catch (GatewayException ex) {
			if (budgetTaken && ex.errorCode() != ErrorCode.OUTCOME_UNKNOWN) {
				this.writeBudget.refund(principal.agentId(), day);
			}
			Outcome outcome = isFailure(ex.errorCode()) ? Outcome.FAILED : Outcome.DENIED;
			if (!audit(call, tool, outcome, ex.errorCode().code(), target, false)) {
				return this.results.failure(new GatewayException(ErrorCode.SERVICE_UNAVAILABLE));
			}
			return this.results.failure(ex);
		}
		catch (RuntimeException ex) {
			logger.warn("Tool {} failed: {}", tool.name(), ex.getClass().getSimpleName());
			audit(call, tool, Outcome.FAILED, ErrorCode.INTERNAL.code(), target, false);
			return this.results.failure(new GatewayException(ErrorCode.INTERNAL));
		}
	}

	private void validate(McpTool tool, Map<String, Object> args) {
		JsonSchemaValidator.ValidationResponse response = this.validator.validate(this.schemas.get(tool.name()), args);
		if (!response.valid()) {
			String problem = UntrustedContent.sanitize(response.errorMessage());
			throw GatewayException.invalid(null, (problem.length() > 500) ? problem.substring(0, 500) : problem);
		}
	}

	private static boolean isFailure(ErrorCode code) {
		return code == ErrorCode.OUTCOME_UNKNOWN || code == ErrorCode.INTERNAL || code == ErrorCode.SERVICE_UNAVAILABLE
				|| code.code().startsWith("tasker_");
	}

	private Duration untilNextUtcDay() {
		Instant now = this.clock.instant();
		Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.plusDays(1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		return Duration.between(now, midnight);
	}

	private boolean audit(McpCall call, McpTool tool, Outcome outcome, String reason, AuditTarget target,
			boolean replayed) {
		AgentPrincipal principal = call.principal();
		try {
			this.audit.append(AuditEvent.builder("tool." + tool.name(), outcome)
				.at(this.clock.instant())
				.agent(principal.agentId(), principal.ownerUserId())
				.actor(ActorType.AGENT, principal.agentId().toString())
				.token(principal.tokenId(), principal.tokenHint())
				.request(principal.requestId(), principal.clientAddress())
				.target(target.type, target.id)
				.reason(reason)
				.detail("replayed", replayed ? "true" : null)
				.detail("protocol_version", call.protocolVersion())
				.build());
			call.markAudited();
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Audit append failed for tool {}: {}", tool.name(), ex.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * What the audit event points at; the most specific thing known when it is written.
	 */
	private static final class AuditTarget {

		private String type;

		private String id;

		void set(String type, String id) {
			this.type = type;
			this.id = id;
		}

	}

}
