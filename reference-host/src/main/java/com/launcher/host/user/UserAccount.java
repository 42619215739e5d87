package com.launcher.host.user;

import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;

/**
 * A user with what only the host's sign-in needs: the password hash.
 *
 * @param id the user
 * @param username the sign-in name
 * @param displayName the display name
 * @param email the e-mail
 * @param status the lifecycle status
 * @param platformAdmin whether the user is a platform admin
 * @param passwordHash the password hash, or {@code null} for no password sign-in
 * @param demoUser whether demo mode seeded the user with a published password
 */
public record UserAccount(UUID id, String username, String displayName, String email, UserStatus status,
		boolean platformAdmin, String passwordHash, boolean demoUser) {

	public LauncherUser user() {
		return new LauncherUser(this.id, this.username, this.displayName, this.email, this.status, this.platformAdmin);
	}

	@Override
	public String toString() {
		return "UserAccount[id=" + this.id + ", username=" + this.username + ", passwordHash=<hidden>, demoUser="
				+ this.demoUser + "]";
	}

}
