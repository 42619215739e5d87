package com.launcher.host.api.user;

/**
 * The status of a Launcher user. Only {@link #ACTIVE} users may act or own active agents.
 */
public enum UserStatus {

	ACTIVE, BLOCKED, ANNULLED

}
