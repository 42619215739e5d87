package com.launcher.host.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.launcher.host.api.health.HealthCheck;
import com.launcher.host.api.health.HealthReport;
import com.launcher.host.plugin.PluginHost;
import com.launcher.host.plugin.PluginHost.PluginInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code plugins} in the host's {@code /actuator/health}: one entry per plugin the host
 * knows, built afresh on every call because plugins come and go at run time. A started
 * plugin shows its {@code state} and each check it registered; a failed one is
 * {@code DOWN}; a stopped or disabled one is {@code UNKNOWN}, which an admin chose and
 * which does not take the node out of service.
 */
@Component
public class PluginsHealthContributor implements CompositeHealthContributor {

	/** A plugin that serves in part (issue 18); ordered between DOWN and UP. */
	public static final Status DEGRADED = new Status("DEGRADED");

	private static final Logger logger = LoggerFactory.getLogger(PluginsHealthContributor.class);

	private final PluginHost plugins;

	private final PluginHealthChecks checks;

	public PluginsHealthContributor(PluginHost plugins, PluginHealthChecks checks) {
		this.plugins = plugins;
		this.checks = checks;
	}

	@Override
	public HealthContributor getContributor(String name) {
		return this.plugins.plugins()
			.stream()
			.filter((plugin) -> plugin.id().equals(name))
			.findFirst()
			.map(this::contributor)
			.orElse(null);
	}

	@Override
	public Stream<Entry> stream() {
		return this.plugins.plugins().stream().map((plugin) -> new Entry(plugin.id(), contributor(plugin)));
	}

	private HealthContributor contributor(PluginInfo plugin) {
		if (!"STARTED".equals(plugin.state())) {
			Health.Builder health = "FAILED".equals(plugin.state()) ? Health.down() : Health.unknown();
			health.withDetail("state", plugin.state());
			if (plugin.failure() != null) {
				health.withDetail("failure", plugin.failure());
			}
			Health built = health.build();
			return (HealthIndicator) () -> built;
		}
		Map<String, HealthContributor> parts = new LinkedHashMap<>();
		parts.put("state",
				(HealthIndicator) () -> Health.up()
					.withDetail("state", plugin.state())
					.withDetail("version", String.valueOf(plugin.version()))
					.build());
		this.checks.of(plugin.id())
			.forEach((name, check) -> parts.put(name, (HealthIndicator) () -> health(plugin.id(), name, check)));
		return CompositeHealthContributor.fromMap(parts);
	}

	private static Health health(String pluginId, String name, HealthCheck check) {
		HealthReport report;
		try {
			report = check.check();
		}
		catch (RuntimeException ex) {
			// The plugin's exception stays in the log: its message may name internals.
			logger.warn("Health check {} of plugin {} failed: {}", name, pluginId, ex.getClass().getSimpleName());
			return Health.down().withDetail("error", "the check failed").build();
		}
		Status status = switch (report.state()) {
			case UP -> Status.UP;
			case DEGRADED -> DEGRADED;
			case DOWN -> Status.DOWN;
		};
		return Health.status(status).withDetails(report.details()).build();
	}

}
