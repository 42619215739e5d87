package com.launcher.agentgateway.call;

import java.util.Locale;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.workitem.ReadableId;

/**
 * The grant of the project a call names: by UUID, by identifier ({@code WEB}), or,
 * without {@code project_id}, by the identifier in a readable {@code work_item_id}. Only
 * the agent's own grants are searched, so the name of a project it is not granted is
 * answered exactly like an unknown one (DESIGN §6).
 */
final class CalledProject {

	private CalledProject() {
	}

	static Grant grant(AgentPrincipal agent, ToolArguments arguments, CallTrail trail) {
		String project = arguments.string("project_id");
		if (project == null) {
			String card = arguments.string("work_item_id");
			if (card == null || card.length() == 36) {
				throw GatewayException.invalid("project_id",
						"is required unless work_item_id is a readable id such as WEB-12");
			}
			project = ReadableId.parse(card, "work_item_id").projectIdentifier();
		}
		if (project.length() == 36) {
			UUID projectId = arguments.requiredUuid("project_id");
			trail.target("project", projectId.toString());
			return agent.grantFor(projectId).orElseThrow(() -> new GatewayException(ErrorCode.PROJECT_NOT_GRANTED));
		}
		trail.target("project", project.toUpperCase(Locale.ROOT));
		Grant grant = agent.grantNamed(project);
		trail.target("project", grant.projectId().toString());
		return grant;
	}

}
