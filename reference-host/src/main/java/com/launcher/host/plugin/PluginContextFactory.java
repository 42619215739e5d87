package com.launcher.host.plugin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.launcher.host.api.LauncherPluginContext;
import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.user.UserDirectory;
import com.launcher.host.api.web.PluginWebRegistry;
import com.launcher.host.api.web.RequestIdentity;
import com.launcher.host.secret.ConfiguredSecrets;
import com.launcher.host.web.PluginWebRegistrations;
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

	private final Map<String, PluginWebRegistry> registries = new ConcurrentHashMap<>();

	public PluginContextFactory(ApplicationContext applicationContext, UserDirectory userDirectory,
			TaskerClient taskerClient, DataSource dataSource, ConfiguredSecrets secrets, PluginWebRegistrations web,
			RequestIdentity requestIdentity) {
		this.applicationContext = applicationContext;
		this.userDirectory = userDirectory;
		this.taskerClient = taskerClient;
		this.dataSource = dataSource;
		this.secrets = secrets;
		this.web = web;
		this.requestIdentity = requestIdentity;
	}

	LauncherPluginContext create(PluginWrapper wrapper) {
		String pluginId = wrapper.getPluginId();
		PluginWebRegistry registry = this.web.forPlugin(pluginId);
		this.registries.put(pluginId, registry);
		return new HostPluginContext(pluginId, registry, this.secrets.forPlugin(pluginId));
	}

	/** Removes every route, template and protected resource the plugin still has. */
	void release(String pluginId) {
		this.web.releaseAll(pluginId);
	}

	private final class HostPluginContext implements LauncherPluginContext {

		private final String pluginId;

		private final PluginWebRegistry web;

		private final Secrets secrets;

		HostPluginContext(String pluginId, PluginWebRegistry web, Secrets secrets) {
			this.pluginId = pluginId;
			this.web = web;
			this.secrets = secrets;
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

	}

}
