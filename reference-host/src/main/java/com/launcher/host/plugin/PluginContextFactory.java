package com.launcher.host.plugin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.launcher.host.api.LauncherPluginContext;
import com.launcher.host.api.health.PluginHealth;
import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.user.UserDirectory;
import com.launcher.host.api.web.PluginWebRegistry;
import com.launcher.host.api.web.RequestIdentity;
import com.launcher.host.db.SchemaChangeDataSource;
import com.launcher.host.observe.PluginHealthChecks;
import com.launcher.host.observe.HostTracing;
import com.launcher.host.observe.PluginMeterRegistries;
import com.launcher.host.secret.ConfiguredSecrets;
import com.launcher.host.web.PluginWebRegistrations;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.pf4j.PluginWrapper;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link LauncherPluginContext} of each plugin and takes back everything the
 * plugin registered when it stops.
 */
@Component
public class PluginContextFactory {

	private final ApplicationContext applicationContext;

	private final UserDirectory userDirectory;

	private final TaskerClient taskerClient;

	private final DataSource dataSource;

	private final ConfiguredSecrets secrets;

	private final PluginWebRegistrations web;

	private final RequestIdentity requestIdentity;

	private final PluginMeterRegistries meters;

	private final PluginHealthChecks health;

	private final HostTracing tracing;

	private final Map<String, PluginWebRegistry> registries = new ConcurrentHashMap<>();

	public PluginContextFactory(ApplicationContext applicationContext, UserDirectory userDirectory,
			TaskerClient taskerClient, DataSource dataSource, ConfiguredSecrets secrets, PluginWebRegistrations web,
			RequestIdentity requestIdentity, PluginMeterRegistries meters, PluginHealthChecks health,
			HostTracing tracing) {
		this.applicationContext = applicationContext;
		this.userDirectory = userDirectory;
		this.taskerClient = taskerClient;
		this.dataSource = dataSource;
		this.secrets = secrets;
		this.web = web;
		this.requestIdentity = requestIdentity;
		this.meters = meters;
		this.health = health;
		this.tracing = tracing;
	}

	LauncherPluginContext create(PluginWrapper wrapper) {
		String pluginId = wrapper.getPluginId();
		PluginWebRegistry registry = this.web.forPlugin(pluginId);
		this.registries.put(pluginId, registry);
		return new HostPluginContext(pluginId, registry, this.secrets.forPlugin(pluginId),
				this.meters.forPlugin(pluginId), this.health.forPlugin(pluginId));
	}

	/**
	 * Removes every route, template, protected resource, meter and health check the
	 * plugin still has.
	 */
	void release(String pluginId) {
		this.web.releaseAll(pluginId);
		this.meters.releaseAll(pluginId);
		this.health.releaseAll(pluginId);
	}

	private final class HostPluginContext implements LauncherPluginContext {

		private final String pluginId;

		private final PluginWebRegistry web;

		private final Secrets secrets;

		private final MeterRegistry meterRegistry;

		private final PluginHealth health;

		HostPluginContext(String pluginId, PluginWebRegistry web, Secrets secrets, MeterRegistry meterRegistry,
				PluginHealth health) {
			this.pluginId = pluginId;
			this.web = web;
			this.secrets = secrets;
			this.meterRegistry = meterRegistry;
			this.health = health;
		}

		@Override
		public String pluginId() {
			return this.pluginId;
		}

		@Override
		public UserDirectory userDirectory() {
			return PluginContextFactory.this.userDirectory;
		}

		@Override
		public TaskerClient taskerClient() {
			return PluginContextFactory.this.taskerClient;
		}

		@Override
		public DataSource dataSource() {
			return PluginContextFactory.this.dataSource;
		}

		@Override
		public DataSource schemaChangeDataSource() {
			return new SchemaChangeDataSource(PluginContextFactory.this.dataSource);
		}

		@Override
		public Secrets secrets() {
			return this.secrets;
		}

		@Override
		public PluginWebRegistry web() {
			return this.web;
		}

		@Override
		public RequestIdentity requestIdentity() {
			return PluginContextFactory.this.requestIdentity;
		}

		@Override
		public ApplicationContext applicationContext() {
			return PluginContextFactory.this.applicationContext;
		}

		@Override
		public MeterRegistry meterRegistry() {
			return this.meterRegistry;
		}

		@Override
		public PluginHealth health() {
			return this.health;
		}

		@Override
		public OpenTelemetry openTelemetry() {
			return PluginContextFactory.this.tracing.openTelemetry();
		}

	}

}
