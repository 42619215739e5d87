package com.launcher.agentgateway.core;

import java.util.Objects;
import java.util.UUID;

/**
 * A human acting through the REST API or the pages.
 *
 * @param userId the Launcher user id
 * @param platformAdmin whether they administer the platform
 */
public record Actor(UUID userId, boolean platformAdmin) {

	public Actor {
		Objects.requireNonNull(userId, "userId");
	}

	/** Whether this actor may manage things owned by {@code ownerUserId}. */
	public boolean mayManage(UUID ownerUserId) {
		return this.platformAdmin || this.userId.equals(ownerUserId);
	}

}
