package com.launcher.tasker.client;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Paths under {@code /api/v1/} for a workspace and a project, with the workspace slug and
 * project id checked before any call.
 */
final class PlanePaths {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,47}");

	private PlanePaths() {
	}

	// Every path ends in "/" (plane-api.md §2): Plane answers 301 otherwise.
	static String ws(String workspace) {
		Objects.requireNonNull(workspace, "workspace");
		if (!SLUG.matcher(workspace).matches()) {
			throw new IllegalArgumentException("workspace must be a lowercase slug");
		}
		return "workspaces/" + workspace + "/";
	}

	static String prj(String workspace, UUID projectId) {
		Objects.requireNonNull(projectId, "projectId");
		return ws(workspace) + "projects/" + projectId + "/";
	}

}
