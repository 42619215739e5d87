package com.launcher.agentgateway.grant;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A project granted to an agent.
 *
 * @param id grant id
 * @param agentId the agent
 * @param workspace Tasker workspace slug
 * @param projectId Tasker project id
 * @param projectIdentifier the project's readable key, e.g. {@code WEB}
 * @param projectName the project's name when granted
 * @param access READ or WRITE
 * @param createdBy who granted it
 * @param createdAt when
 */
public record Grant(UUID id, UUID agentId, String workspace, UUID projectId, String projectIdentifier,
		String projectName, Access access, UUID createdBy, Instant createdAt) {

	public Grant {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(workspace, "workspace");
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(access, "access");
	}

}
