package com.launcher.host.api.tasker;

import java.util.Optional;

/**
 * A role in a Tasker project, with Plane's numeric value.
 */
public enum ProjectRole {

	ADMIN(20), MEMBER(15), GUEST(5);

	private final int planeValue;

	ProjectRole(int planeValue) {
		this.planeValue = planeValue;
	}

	public int planeValue() {
		return this.planeValue;
	}

	public static Optional<ProjectRole> fromPlaneValue(int value) {
		for (ProjectRole role : values()) {
			if (role.planeValue == value) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
