package com.launcher.host.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.host.api.web.ProtectedResource;

import org.springframework.stereotype.Component;

/** The bearer-protected paths plugins have registered, by full request path. */
@Component
public class PluginProtectedResources {

	private final Map<String, ProtectedResource> byPath = new ConcurrentHashMap<>();

	/**
	 * Registers a resource.
	 * @param pluginId the plugin
	 * @param resource the resource
	 * @return the full path, the key to unregister with
	 */
	public String register(String pluginId, ProtectedResource resource) {
		String path = "/plugins/" + pluginId + resource.path();
		this.byPath.put(path, resource);
		return path;
	}

	public void unregister(String path) {
		this.byPath.remove(path);
	}

	public Optional<ProtectedResource> find(String path) {
		return Optional.ofNullable(this.byPath.get(path));
	}

}
