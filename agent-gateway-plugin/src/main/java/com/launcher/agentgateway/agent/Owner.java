package com.launcher.agentgateway.agent;

import java.util.Objects;
import java.util.UUID;

/**
 * An agent's owner as the host's directory knows them.
 *
 * @param id Launcher user id
 * @param displayName name to show
 * @param email the address that matches Tasker users
 * @param status their lifecycle status
 * @param platformAdmin whether they administer the platform
 */
public record Owner(UUID id, String displayName, String email, OwnerStatus status, boolean platformAdmin) {

	public Owner {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
	}

	/** An owner's status; {@link #UNKNOWN} when the directory does not know them. */
	public enum OwnerStatus {

		ACTIVE, BLOCKED, ANNULLED, UNKNOWN

	}

}
