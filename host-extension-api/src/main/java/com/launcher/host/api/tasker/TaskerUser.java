package com.launcher.host.api.tasker;

import java.util.Objects;
import java.util.UUID;

/**
 * A Tasker user as member lists show it.
 *
 * @param id the Tasker user id
 * @param email the e-mail address (the key that matches Launcher users)
 * @param displayName the display name
 */
public record TaskerUser(UUID id, String email, String displayName) {

	public TaskerUser {
		Objects.requireNonNull(id, "id");
		email = (email != null) ? email : "";
		displayName = (displayName != null) ? displayName : "";
	}

}
