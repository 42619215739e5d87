package com.launcher.host.user;

import com.launcher.host.api.user.LauncherUser;

/**
 * A user's status changed (an event inside the host; plugins hear of it through the
 * lifecycle extension point instead).
 *
 * @param user the user after the change
 */
public record UserStatusChangedEvent(LauncherUser user) {

}
