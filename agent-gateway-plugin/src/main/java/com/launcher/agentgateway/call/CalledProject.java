package com.launcher.agentgateway.call;

import java.util.Locale;

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
		Grant grant;
		try {
			grant = agent.grantNamed(project);
		}
		catch (GatewayException ex) {
			// The event names the project asked for even when it is refused: a UUID as
			// given, an identifier in capitals (a malformed UUID names nothing).
			if (project.length() != 36) {
				trail.target("project", project.toUpperCase(Locale.ROOT));
			}
			else if (ex.errorCode() == ErrorCode.PROJECT_NOT_GRANTED) {
				trail.target("project", project.toLowerCase(Locale.ROOT));
			}
			throw ex;
		}
		trail.target("project", grant.projectId().toString());
		return grant;
	}

}
