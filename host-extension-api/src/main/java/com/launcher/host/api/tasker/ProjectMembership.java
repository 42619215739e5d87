package com.launcher.host.api.tasker;

import java.util.Objects;
import java.util.Optional;

/**
 * An honest answer to "is this person an active member of this Tasker project?". Plane's
 * public API lists removed members as members (plane-api.md §3.1), so an implementation
 * answers {@link Status#UNKNOWN} rather than guessing.
 *
 * @param status member, not a member, or unknown
 * @param role the role when known (only for {@link Status#MEMBER})
 * @param source what the answer is based on, for audit (never secret)
 */
public record ProjectMembership(Status status, Optional<ProjectRole> role, String source) {

	public ProjectMembership {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(role, "role");
		Checks.text(source, "source", 500);
		if (status != Status.MEMBER && role.isPresent()) {
			throw new IllegalArgumentException("only a member has a role");
		}
	}

	public static ProjectMembership member(ProjectRole role, String source) {
		return new ProjectMembership(Status.MEMBER, Optional.ofNullable(role), source);
	}

	public static ProjectMembership notMember(String source) {
		return new ProjectMembership(Status.NOT_MEMBER, Optional.empty(), source);
	}

	public static ProjectMembership unknown(String source) {
		return new ProjectMembership(Status.UNKNOWN, Optional.empty(), source);
	}

	public boolean isMember() {
		return this.status == Status.MEMBER;
	}

	/**
	 * The three answers; callers that decide access treat {@link #UNKNOWN} as a refusal.
	 */
	public enum Status {

		MEMBER, NOT_MEMBER, UNKNOWN

	}

}
