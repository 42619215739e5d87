package com.launcher.host.api.web;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer-protected path of a plugin.
 *
 * @param path the path relative to the plugin base, for example {@code /mcp}
 * @param resourceName human-readable name published in the RFC 9728 metadata
 * @param introspector decides whether a presented token is active
 */
public record ProtectedResource(String path, String resourceName, BearerTokenIntrospector introspector) {

	private static final Pattern PATH = Pattern.compile("/[a-z0-9][a-z0-9/-]{0,63}");

	public ProtectedResource {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(introspector, "introspector");
		if (!PATH.matcher(path).matches()) {
			throw new IllegalArgumentException("path must be a simple absolute path");
		}
	}

}
