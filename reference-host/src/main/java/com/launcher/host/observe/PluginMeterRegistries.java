package com.launcher.host.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Each plugin's view of the host's meter registry: a composite whose one child is the
 * host's registry, so every meter a plugin registers is published by the host, and the
 * host knows which meters are the plugin's. When the plugin stops they all leave the
 * host's registry: a meter left behind would keep the plugin's class loader alive (a
 * gauge holds the plugin's object) and would be registered twice after a reload.
 */
@Component
public class PluginMeterRegistries {

	private final MeterRegistry host;

	private final Map<String, CompositeMeterRegistry> plugins = new ConcurrentHashMap<>();

	public PluginMeterRegistries(MeterRegistry host) {
		this.host = host;
	}

	/** The registry the plugin sees; the same one across a stop and a start. */
	public MeterRegistry forPlugin(String pluginId) {
		return this.plugins.computeIfAbsent(pluginId, (id) -> {
			CompositeMeterRegistry registry = new CompositeMeterRegistry();
			registry.add(this.host);
			return registry;
		});
	}

	/** Removes every meter the plugin registered from the host's registry and its own. */
	public void releaseAll(String pluginId) {
		CompositeMeterRegistry registry = this.plugins.get(pluginId);
		if (registry == null) {
			return;
		}
		for (Meter meter : registry.getMeters()) {
			// The composite has no filters of its own, so its ids are what the host's
			// registry saw before its own filters (common tags, for example).
			this.host.removeByPreFilterId(meter.getId());
		}
		registry.clear();
	}

}
