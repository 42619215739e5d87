package com.launcher.host.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.launcher.host.api.web.WellKnownProvider;

import org.springframework.stereotype.Component;

/** The well-known documents plugins publish, by suffix and plugin id. */
@Component
public class PluginWellKnownDocuments {

	// RFC 8615 §3: a registered well-known suffix is a segment-nz; keep to the lower-case
	// names the IANA registry uses.
	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private final Map<String, WellKnownProvider> providers = new ConcurrentHashMap<>();

	/**
	 * Registers a provider.
	 * @param pluginId the plugin
	 * @param name the well-known suffix
	 * @param provider the plugin's provider
	 * @return the key to unregister with
	 * @throws IllegalArgumentException for a malformed or reserved name, or one already
	 * registered for the plugin
	 */
	public String register(String pluginId, String name, WellKnownProvider provider) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("well-known name must be a simple lower-case suffix");
		}
		if (name.equals("oauth-protected-resource")) {
			throw new IllegalArgumentException("the host publishes oauth-protected-resource itself");
		}
		if (provider == null) {
			throw new IllegalArgumentException("provider is required");
		}
		String key = name + "/" + pluginId;
		if (this.providers.putIfAbsent(key, provider) != null) {
			throw new IllegalArgumentException("well-known document already registered: " + name);
		}
		return key;
	}

	public void unregister(String key) {
		this.providers.remove(key);
	}

	public Optional<WellKnownProvider> find(String name, String pluginId) {
		return Optional.ofNullable(this.providers.get(name + "/" + pluginId));
	}

}
