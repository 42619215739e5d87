package com.launcher.agentgateway.mcp.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TaskerProjects.Membership;
import com.launcher.agentgateway.workitem.WorkItems;

/**
 * {@code list_projects}: the granted projects whose owner is still a member in Tasker; a
 * project whose membership nobody can confirm is counted, not listed (fail closed).
 */
final class ListProjectsTool extends DescribedTool {

	private final WorkItems workItems;

	ListProjectsTool(WorkItems workItems) {
		super("list_projects");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		List<Map<String, Object>> projects = new ArrayList<>();
		int unavailable = 0;
		for (Grant grant : request.principal().grants()) {
			if (this.workItems.ownerMembership(request.principal(), grant) == Membership.MEMBER) {
				projects.add(WhoamiTool.grant(grant));
			}
			else {
				unavailable++;
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("projects", projects);
		result.put("unavailable_count", unavailable);
		return ToolResult.of(result);
	}

}
