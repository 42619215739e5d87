package com.launcher.agentgateway.grant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Tasker workspace whose projects the pages and the OAuth consent page offer to grant
 * ({@code agent-gateway.tasker.workspace}, default {@code demo}, the sandbox's and the
 * demo's workspace). A gateway serves one workspace; grants made through the API name
 * their own and are checked against it.
 *
 * @param slug the workspace's slug, as in Tasker's URLs
 */
public record TaskerWorkspace(String slug) {

	/** The demo's and the Tasker sandbox's workspace. */
	public static final String DEFAULT = "demo";

	// The slugs GrantService accepts: a setting it would refuse fails at start instead.
	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	public TaskerWorkspace {
		Objects.requireNonNull(slug, "slug");
		if (!SLUG.matcher(slug).matches()) {
			throw new IllegalArgumentException(
					"agent-gateway.tasker.workspace must be a Tasker workspace slug (lower-case letters, digits, '-')");
		}
	}

}
