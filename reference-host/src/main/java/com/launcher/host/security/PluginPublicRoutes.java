package com.launcher.host.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The exact paths plugins serve without any host authentication (webhooks, OAuth token
 * endpoints), by full request path.
 */
@Component
public class PluginPublicRoutes {

	// Segments of unreserved characters (RFC 3986 §2.3), never "." or "..": the path is
	// compared with the decoded, normalised request path.
	private static final Pattern PATH = Pattern.compile("(/(?!\\.{1,2}(/|$))[A-Za-z0-9._~-]{1,64}){1,8}");

	private final Map<String, String> owners = new ConcurrentHashMap<>();

	private final PluginProtectedResources protectedResources;

	public PluginPublicRoutes(PluginProtectedResources protectedResources) {
		this.protectedResources = protectedResources;
	}

	/**
	 * Opens paths of a plugin.
	 * @param pluginId the plugin
	 * @param paths paths relative to the plugin base
	 * @return the full paths, to unregister with
	 * @throws IllegalArgumentException for a malformed path, or one that is a protected
	 * resource
	 */
	public List<String> register(String pluginId, Collection<String> paths) {
		List<String> full = new ArrayList<>();
		for (String path : paths) {
			if (path == null || !PATH.matcher(path).matches()) {
				throw new IllegalArgumentException("public route must be a simple absolute path: " + path);
			}
			String fullPath = "/plugins/" + pluginId + path;
			if (this.protectedResources.find(fullPath).isPresent()) {
				throw new IllegalArgumentException("public route is a protected resource: " + path);
			}
			full.add(fullPath);
		}
		full.forEach((path) -> this.owners.put(path, pluginId));
		return full;
	}

	public void unregister(Collection<String> fullPaths) {
		fullPaths.forEach(this.owners::remove);
	}

	public boolean isPublic(String path) {
		return this.owners.containsKey(path);
	}

}
