package com.launcher.agentgateway.mcp.tool;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.agentgateway.tasker.WorkItemRef;
import com.launcher.agentgateway.tasker.UntrustedContent;
import com.launcher.host.api.tasker.TaskerComment;

/**
 * {@code report_progress}: the agent's status on a card, posted as a clearly marked
 * comment and kept as its latest report so owners and admins see which agents report and
 * when.
 */
public class ReportProgressTool implements McpTool {

	private final TaskerGateway tasker;

	private final AgentStore agents;

	private final Clock clock;

	public ReportProgressTool(TaskerGateway tasker, AgentStore agents, Clock clock) {
		this.tasker = tasker;
		this.agents = agents;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "report_progress";
	}

	@Override
	public String title() {
		return "Report progress";
	}

	@Override
	public String description() {
		return "Reports this agent's status on a work item (started, working, blocked or done) with a short summary"
				+ " (Markdown). It is posted as a marked progress comment and recorded as the agent's latest report."
				+ " Report when you start, when blocked, and when done. idempotency_key is required.";
	}

	@Override
	public String inputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"project_id\":" + PROJECT_ID_SCHEMA + ","
				+ CreateWorkItemTool.KEY_FIELD + ",\"work_item_id\":{\"type\":\"string\",\"pattern\":\""
				+ WORK_ITEM_REF_PATTERN + "\"},\"status\":{\"enum\":[\"started\",\"working\",\"blocked\",\"done\"]},"
				+ "\"summary\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":2000}},"
				+ "\"required\":[\"project_id\",\"idempotency_key\",\"work_item_id\",\"status\",\"summary\"],"
				+ "\"additionalProperties\":false}";
	}

	@Override
	public String outputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"comment_id\":{\"type\":\"string\"},"
				+ "\"work_item_id\":{\"type\":\"string\"},\"status\":{\"type\":\"string\"},"
				+ "\"replayed\":{\"type\":\"boolean\"}},\"required\":[\"comment_id\",\"work_item_id\",\"replayed\"]}";
	}

	@Override
	public boolean writes() {
		return true;
	}

	@Override
	public boolean projectScoped() {
		return true;
	}

	@Override
	public Map<String, Object> call(ToolRequest request) {
		WorkItemRef ref = WorkItemRefs.parse(request, "work_item_id");
		String status = request.arguments().requiredString("status").toLowerCase(Locale.ROOT);
		String summary = request.arguments().requiredString("summary");
		String markdown = "**Agent progress: " + status.toUpperCase(Locale.ROOT) + "**\n\n" + summary;
		TaskerGateway.PostedComment posted = this.tasker.addComment(request.grant(), request.principal(), ref, markdown,
				request.key());
		TaskerComment comment = posted.comment();
		// Owners read the report on their pages: name the card as people do (WEB-12).
		String card = (request.grant().projectIdentifier() != null)
				? posted.card().identifier(request.grant().projectIdentifier()).toString()
				: posted.card().id().toString();
		this.agents.recordReport(request.principal().agentId(),
				new Agent.ProgressReport(this.clock.instant(), status, UntrustedContent.sanitize(summary), card));
		Map<String, Object> result = AddCommentTool.commented(comment);
		result.put("status", status);
		return result;
	}

}
