package com.launcher.agentgateway.mcp.tool;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.tasker.UntrustedContent;
import com.launcher.agentgateway.token.AgentPrincipal;

/** {@code whoami}: the agent, its owner, its grants, its limits and remaining budget. */
public class WhoamiTool implements McpTool {

	private final WriteBudget writeBudget;

	private final Clock clock;

	private final Function<AgentPrincipal, List<String>> toolNames;

	public WhoamiTool(WriteBudget writeBudget, Clock clock, Function<AgentPrincipal, List<String>> toolNames) {
		this.writeBudget = writeBudget;
		this.clock = clock;
		this.toolNames = toolNames;
	}

	@Override
	public String name() {
		return "whoami";
	}

	@Override
	public String title() {
		return "Who am I";
	}

	@Override
	public String description() {
		return "Returns this agent's identity, the person it acts for, the Tasker projects it is granted"
				+ " (READ or WRITE), its rate limits, today's remaining write budget and the tools it can call."
				+ " Call it first to learn which project_id values you may use.";
	}

	@Override
	public String inputSchema() {
		return "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";
	}

	@Override
	public String outputSchema() {
		return """
				{"type":"object","properties":{"agent":{"type":"object"},"owner":{"type":"object"},\
				"grants":{"type":"array","items":{"type":"object"}},"limits":{"type":"object"},\
				"write_budget":{"type":"object"},"tools":{"type":"array","items":{"type":"string"}}},\
				"required":["agent","owner","grants","limits","write_budget","tools"]}""";
	}

	@Override
	public boolean writes() {
		return false;
	}

	@Override
	public boolean projectScoped() {
		return false;
	}

	@Override
	public Map<String, Object> call(ToolRequest request) {
		AgentPrincipal principal = request.principal();
		Policy policy = request.policy();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("agent",
				Map.of("id", principal.agentId().toString(), "name", UntrustedContent.sanitize(principal.agentName())));
		Map<String, Object> owner = new LinkedHashMap<>();
		owner.put("id", principal.ownerUserId().toString());
		owner.put("name", UntrustedContent.sanitize(principal.ownerDisplayName()));
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
		result.put("tools", this.toolNames.apply(principal));
		return result;
	}

	static Map<String, Object> grant(Grant grant) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("workspace", grant.workspace());
		view.put("project_id", grant.projectId().toString());
		view.put("identifier", grant.projectIdentifier());
		view.put("name", UntrustedContent.sanitize(grant.projectName()));
		view.put("access", grant.access().name());
		return view;
	}

}
