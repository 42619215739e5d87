package com.launcher.host.observe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.launcher.host.api.health.HealthCheck;
import com.launcher.host.api.health.PluginHealth;

import org.springframework.stereotype.Component;

/**
 * The health checks plugins registered, per plugin, in the order they came. Checks are
 * taken back when their plugin stops ({@link #releaseAll}).
 */
@Component
public class PluginHealthChecks {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final Map<String, Map<String, HealthCheck>> checks = new ConcurrentHashMap<>();

	/** The registration side handed to one plugin. */
	public PluginHealth forPlugin(String pluginId) {
		return (name, check) -> {
			if (name == null || !NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("a health check name is lower case letters, digits and '-'");
			}
			Objects.requireNonNull(check, "check");
			Map<String, HealthCheck> own = this.checks.computeIfAbsent(pluginId,
					(id) -> Collections.synchronizedMap(new LinkedHashMap<>()));
			if (own.putIfAbsent(name, check) != null) {
				throw new IllegalStateException("health check " + name + " is registered already");
			}
			return () -> own.remove(name, check);
		};
	}

	/** A copy of the plugin's checks, in registration order. */
	public Map<String, HealthCheck> of(String pluginId) {
		Map<String, HealthCheck> own = this.checks.get(pluginId);
		if (own == null) {
			return Map.of();
		}
		synchronized (own) {
			return new LinkedHashMap<>(own);
		}
	}

	public void releaseAll(String pluginId) {
		this.checks.remove(pluginId);
	}

}
