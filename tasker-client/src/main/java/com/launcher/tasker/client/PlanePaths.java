package com.launcher.tasker.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Paths under {@code /api/v1/} for a workspace and a project, with the workspace slug and
 * project id checked before any call, and the query strings and base URLs they go with.
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

	/**
	 * A query string for Plane: each name and value form-encoded, in the map's order.
	 * @param query the parameters
	 * @return {@code ?a=1&b=2}, or empty for none
	 */
	static String query(Map<String, String> query) {
		if (query.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder("?");
		query.forEach((name, value) -> {
			if (out.length() > 1) {
				out.append('&');
			}
			out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return out.toString();
	}

	/** A configured base URL without its trailing slash, if it has one. */
	static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
