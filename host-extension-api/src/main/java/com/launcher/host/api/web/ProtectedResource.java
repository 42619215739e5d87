package com.launcher.host.api.web;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer-protected path of a plugin, and what its protected resource metadata (RFC 9728
 * §2) says about it.
 *
 * @param path the path relative to the plugin base, for example {@code /mcp}
 * @param resourceName human-readable name published in the RFC 9728 metadata
 * @param introspector decides whether a presented token is active
 * @param pluginIsAuthorizationServer whether the plugin issues the tokens for this
 * resource itself, as an OAuth authorization server whose issuer is
 * {@code {base}/plugins/{pluginId}}: the metadata then lists it in
 * {@code authorization_servers} (RFC 9728 §2). Name one only when its RFC 8414 metadata
 * exists: MCP clients stop at an authorization server without metadata.
 * @param scopesSupported the scope values the resource understands, published as
 * {@code scopes_supported} when not empty (each an RFC 6749 §3.3 scope-token)
 */
public record ProtectedResource(String path, String resourceName, BearerTokenIntrospector introspector,
		boolean pluginIsAuthorizationServer, List<String> scopesSupported) {

	private static final Pattern PATH = Pattern.compile("/[a-z0-9][a-z0-9/-]{0,63}");

	// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");

	public ProtectedResource {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(introspector, "introspector");
		if (!PATH.matcher(path).matches()) {
			throw new IllegalArgumentException("path must be a simple absolute path");
		}
		scopesSupported = (scopesSupported != null) ? List.copyOf(scopesSupported) : List.of();
		for (String scope : scopesSupported) {
			if (!SCOPE_TOKEN.matcher(scope).matches()) {
				throw new IllegalArgumentException("scopes must be RFC 6749 scope tokens");
			}
		}
	}

	/**
	 * A resource whose tokens come from elsewhere (no {@code authorization_servers}, no
	 * scopes).
	 * @param path the path relative to the plugin base
	 * @param resourceName human-readable name
	 * @param introspector decides whether a presented token is active
	 */
	public ProtectedResource(String path, String resourceName, BearerTokenIntrospector introspector) {
		this(path, resourceName, introspector, false, List.of());
	}

	/**
	 * The same resource, with the plugin named as its authorization server.
	 * @param scopes the scope values it supports
	 * @return a new resource
	 */
	public ProtectedResource withPluginAuthorizationServer(List<String> scopes) {
		return new ProtectedResource(this.path, this.resourceName, this.introspector, true, scopes);
	}

}
