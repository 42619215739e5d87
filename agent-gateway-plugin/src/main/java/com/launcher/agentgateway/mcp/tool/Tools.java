package com.launcher.agentgateway.mcp.tool;

import java.util.List;

import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.call.Tool;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.workitem.WorkItemSearch;
import com.launcher.agentgateway.workitem.WorkItems;

/**
 * The allowlist (DESIGN §6): every tool there is, and nothing else. The tools themselves
 * stay package-private; this is the only way to get them.
 */
public final class Tools {

	private Tools() {
	}

	public static List<Tool> allowlist(WorkItems workItems, WorkItemSearch search, WriteBudget writeBudget,
			AgentService agents, FailureNames failures) {
		return List.of(new WhoamiTool(writeBudget), new ListProjectsTool(workItems), new ListWorkItemsTool(workItems),
				new GetWorkItemTool(workItems), new ListCommentsTool(workItems), new ListStatesTool(workItems),
				new ListLabelsTool(workItems), new SearchWorkItemsTool(workItems, search),
				new CreateWorkItemTool(workItems), new UpdateWorkItemTool(workItems), new AddCommentTool(workItems),
				new ReportProgressTool(workItems, agents, failures));
	}

}
