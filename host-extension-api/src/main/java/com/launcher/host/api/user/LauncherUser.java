package com.launcher.host.api.user;

import java.util.Objects;
import java.util.UUID;

/**
 * A Launcher user as the directory knows it.
 *
 * @param id stable id
 * @param username login name
 * @param displayName name to show
 * @param email e-mail address (the key that matches Tasker users)
 * @param status current status
 * @param platformAdmin whether the user administers the platform
 */
public record LauncherUser(UUID id, String username, String displayName, String email, UserStatus status,
		boolean platformAdmin) {

	public LauncherUser {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(status, "status");
		displayName = (displayName != null) ? displayName : username;
	}

	public boolean isActive() {
		return this.status == UserStatus.ACTIVE;
	}

}
