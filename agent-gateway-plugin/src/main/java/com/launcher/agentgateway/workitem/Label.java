package com.launcher.agentgateway.workitem;

import java.util.Objects;
import java.util.UUID;

/**
 * A label of a project.
 *
 * @param id the label's id
 * @param name its name, inert
 * @param color its colour as Tasker stores it, inert
 */
public record Label(UUID id, String name, String color) {

	public Label {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		color = (color != null) ? color : "";
	}

}
