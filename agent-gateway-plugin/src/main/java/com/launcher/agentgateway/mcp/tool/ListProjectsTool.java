package com.launcher.agentgateway.mcp.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.tasker.TaskerGateway;

/**
 * {@code list_projects}: the granted projects whose owner is still a member in Tasker.
 */
public class ListProjectsTool implements McpTool {

	private final TaskerGateway tasker;

	public ListProjectsTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "list_projects";
	}

	@Override
	public String title() {
		return "List granted projects";
	}

	@Override
	public String description() {
		return "Lists the Tasker projects this agent may use: those granted to it whose owner is still an active"
				+ " member in Tasker, with project_id, identifier (the WEB in WEB-12), name and access (READ or WRITE)."
				+ UNTRUSTED;
	}

	@Override
	public String inputSchema() {
		return "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";
	}

	@Override
	public String outputSchema() {
		return """
				{"type":"object","properties":{"projects":{"type":"array","items":{"type":"object",\
				"properties":{"workspace":{"type":"string"},"project_id":{"type":"string"},\
				"identifier":{"type":["string","null"]},"name":{"type":"string"},"access":{"enum":["READ","WRITE"]}}}},\
				"unavailable_count":{"type":"integer"}},"required":["projects"]}""";
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
		List<Map<String, Object>> projects = new ArrayList<>();
		int unavailable = 0;
		for (Grant grant : request.principal().grants()) {
			try {
				this.tasker.requireOwnerMembership(request.principal(), grant);
				projects.add(WhoamiTool.grant(grant));
			}
			catch (GatewayException ex) {
				if (ex.errorCode() != ErrorCode.OWNER_NOT_MEMBER
						&& ex.errorCode() != ErrorCode.OWNER_MEMBERSHIP_UNKNOWN) {
					throw ex;
				}
				unavailable++;
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("projects", projects);
		result.put("unavailable_count", unavailable);
		return result;
	}

}
