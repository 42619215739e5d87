package com.launcher.tasker.sandbox;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.launcher.tasker.sandbox.PlaneRoute.Kind;

/**
 * Matches a request path to one of the Plane routes the sandbox serves, with the path
 * families it was started with; a path that matches nothing is Plane's 404 "Page not
 * found.".
 */
final class PlaneRouter {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final SandboxOptions.PathFamilies families;

	PlaneRouter(SandboxOptions.PathFamilies families) {
		this.families = families;
	}

	PlaneRoute match(String path) {
		if (!path.startsWith("/api/v1/") || !path.endsWith("/")) {
			return null;
		}
		String[] s = path.substring("/api/v1/".length(), path.length() - 1).split("/", -1);
		int n = s.length;
		if (n == 2 && s[0].equals("users") && s[1].equals("me")) {
			return new PlaneRoute(Kind.ME, List.of(), Set.of("GET"));
		}
		if (n < 3 || !s[0].equals("workspaces") || s[1].isEmpty()) {
			return null;
		}
		String slug = s[1];
		if (n == 3 && s[2].equals("members")) {
			return new PlaneRoute(Kind.WORKSPACE_MEMBERS, List.of(slug), Set.of("GET"));
		}
		if (n == 4 && isFamily(s[2]) && !s[3].isEmpty() && !s[3].equals("search")) {
			return new PlaneRoute(Kind.ITEM_BY_IDENTIFIER, List.of(slug, s[3]), Set.of("GET"));
		}
		if (!s[2].equals("projects")) {
			return null;
		}
		if (n == 3) {
			return new PlaneRoute(Kind.PROJECTS, List.of(slug), Set.of("GET", "POST"));
		}
		if (!isUuid(s[3])) {
			return null;
		}
		String project = s[3];
		if (n == 4) {
			return new PlaneRoute(Kind.PROJECT, List.of(slug, project), Set.of("GET", "PATCH", "DELETE"));
		}
		if (n == 5 && (s[4].equals("members") || s[4].equals("project-members"))) {
			return new PlaneRoute(Kind.PROJECT_MEMBERS, List.of(slug, project), Set.of("GET", "POST"));
		}
		if (n == 5 && s[4].equals("states")) {
			return new PlaneRoute(Kind.STATES, List.of(slug, project), Set.of("GET", "POST"));
		}
		if (n == 5 && s[4].equals("labels")) {
			return new PlaneRoute(Kind.LABELS, List.of(slug, project), Set.of("GET", "POST"));
		}
		if (!isFamily(s[4])) {
			return null;
		}
		if (n == 5) {
			return new PlaneRoute(Kind.ITEMS, List.of(slug, project), Set.of("GET", "POST"));
		}
		if (!isUuid(s[5])) {
			return null;
		}
		if (n == 6) {
			return new PlaneRoute(Kind.ITEM, List.of(slug, project, s[5]), Set.of("GET", "PATCH", "DELETE"));
		}
		if (n == 7 && s[6].equals("comments")) {
			return new PlaneRoute(Kind.COMMENTS, List.of(slug, project, s[5]), Set.of("GET", "POST"));
		}
		if (n == 8 && s[6].equals("comments") && isUuid(s[7])) {
			return new PlaneRoute(Kind.COMMENT, List.of(slug, project, s[5], s[7]), Set.of("GET", "PATCH", "DELETE"));
		}
		return null;
	}

	private boolean isFamily(String segment) {
		return segment.equals("issues")
				|| (segment.equals("work-items") && this.families == SandboxOptions.PathFamilies.BOTH);
	}

	static boolean isUuid(String text) {
		return UUID_TEXT.matcher(text).matches();
	}

}
