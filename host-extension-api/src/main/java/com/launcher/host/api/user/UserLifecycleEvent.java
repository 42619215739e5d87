package com.launcher.host.api.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A change of a Launcher user's status, as the host announces it to plugins.
 *
 * @param eventId unique id of this announcement
 * @param userId the user whose status changed
 * @param kind what happened
 * @param previousStatus the status before
 * @param actorUserId the admin who made the change, or {@code null} for the system
 * @param occurredAt when the change was persisted
 */
public record UserLifecycleEvent(UUID eventId, UUID userId, Kind kind, UserStatus previousStatus, UUID actorUserId,
		Instant occurredAt) {

	public UserLifecycleEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

	public UserStatus newStatus() {
		return this.kind.status();
	}

	/** The kinds of lifecycle change. */
	public enum Kind {

		BLOCKED(UserStatus.BLOCKED), ANNULLED(UserStatus.ANNULLED), REACTIVATED(UserStatus.ACTIVE);

		private final UserStatus status;

		Kind(UserStatus status) {
			this.status = status;
		}

		public UserStatus status() {
			return this.status;
		}

	}

}
