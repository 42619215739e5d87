package com.launcher.agentgateway.workitem;

import java.util.Objects;
import java.util.UUID;

/**
 * A workflow state of a project.
 *
 * @param id the state's id
 * @param name its name, inert
 * @param group backlog, unstarted, started, completed, cancelled or triage
 * @param isDefault whether new cards get it
 */
public record State(UUID id, String name, String group, boolean isDefault) {

	public State {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(group, "group");
	}

}
