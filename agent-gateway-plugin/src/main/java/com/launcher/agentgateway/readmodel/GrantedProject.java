package com.launcher.agentgateway.readmodel;

import java.util.Objects;
import java.util.UUID;

/**
 * A project at least one agent holds a grant for: what the sync keeps a copy of.
 *
 * @param workspace the workspace slug
 * @param projectId the project
 * @param identifier its readable key, or null
 */
public record GrantedProject(String workspace, UUID projectId, String identifier) {

	public GrantedProject {
		Objects.requireNonNull(workspace, "workspace");
		Objects.requireNonNull(projectId, "projectId");
	}

}
