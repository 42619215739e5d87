package com.launcher.agentgateway.mcp.tool;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.token.AgentPrincipal;

/** {@code whoami}: the agent, its owner, its grants, its limits and remaining budget. */
final class WhoamiTool extends DescribedTool {

	private final WriteBudget writeBudget;

	private final Clock clock;

	WhoamiTool(WriteBudget writeBudget, Clock clock) {
		super("whoami");
		this.writeBudget = writeBudget;
		this.clock = clock;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		AgentPrincipal principal = request.principal();
		Policy policy = request.policy();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("agent",
				Map.of("id", principal.agentId().toString(), "name", PlainText.sanitize(principal.agentName())));
		Map<String, Object> owner = new LinkedHashMap<>();
		owner.put("id", principal.ownerUserId().toString());
		owner.put("name", PlainText.sanitize(principal.ownerDisplayName()));
		owner.put("email", principal.ownerEmail());
		result.put("owner", owner);
		result.put("grants", principal.grants().stream().map(WhoamiTool::grant).toList());
		Map<String, Object> limits = new LinkedHashMap<>();
		limits.put("burst_requests", policy.burstRequests());
		limits.put("burst_seconds", policy.burstSeconds());
		limits.put("requests_per_minute", policy.requestsPerMinute());
		limits.put("writes_per_day", policy.writesPerDay());
		result.put("limits", limits);
		int used = this.writeBudget.used(principal.agentId(),
				LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		result.put("write_budget", Map.of("limit", policy.writesPerDay(), "used", used, "remaining",
				Math.max(0, policy.writesPerDay() - used)));
		result.put("tools", request.callableTools());
		return ToolResult.of(result);
	}

	/** A grant as whoami and list_projects show it; the project's name is Tasker's. */
	static Map<String, Object> grant(Grant grant) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("workspace", grant.workspace());
		view.put("project_id", grant.projectId().toString());
		view.put("identifier", grant.projectIdentifier());
		view.put("name", PlainText.sanitize(grant.projectName()));
		view.put("access", grant.access().name());
		return view;
	}

}
