package com.launcher.host.api.tasker;

import java.util.Objects;
import java.util.UUID;

/**
 * A label of a project.
 *
 * @param id the label id
 * @param name the display name
 * @param color the colour
 */
public record TaskerLabel(UUID id, String name, String color) {

	public TaskerLabel {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		color = (color != null) ? color : "";
	}

}
