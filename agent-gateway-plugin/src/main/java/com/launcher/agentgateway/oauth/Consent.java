package com.launcher.agentgateway.oauth;

import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.grant.Access;

/**
 * A person's answer on the consent page.
 *
 * @param approved whether they approved
 * @param agentId the existing agent of theirs to connect, or {@code null}
 * @param newAgentName the name of a new agent to create instead, or {@code null}
 * @param workspace the Tasker workspace of the projects
 * @param projects the projects ticked, with the access for each
 */
public record Consent(boolean approved, UUID agentId, String newAgentName, String workspace,
		Map<UUID, Access> projects) {

	public Consent {
		projects = (projects != null) ? Map.copyOf(projects) : Map.of();
	}

}
