package com.launcher.host.api.tasker;

import java.util.Objects;
import java.util.UUID;

/**
 * A workflow state of a project.
 *
 * @param id the state id
 * @param name the display name
 * @param group the state group
 * @param color the colour, for example {@code #60646C}
 * @param isDefault whether new items get this state
 */
public record TaskerState(UUID id, String name, StateGroup group, String color, boolean isDefault) {

	public TaskerState {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(group, "group");
		color = (color != null) ? color : "";
	}

}
