package com.launcher.host.api;

import javax.sql.DataSource;

import com.launcher.host.api.health.PluginHealth;
import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.user.UserDirectory;
import com.launcher.host.api.web.PluginWebRegistry;
import com.launcher.host.api.web.RequestIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.context.ApplicationContext;

/**
 * What the host hands one plugin: its services, scoped to that plugin. The context never
 * exposes the Tasker credential or the value of a secret.
 */
public interface LauncherPluginContext {

	/** The plugin's id, also the path segment of its routes ({@code /plugins/{id}/}). */
	String pluginId();

	/** The directory of Launcher users and their status. */
	UserDirectory userDirectory();

	/** The Tasker public API, called with the host's own credential. */
	TaskerClient taskerClient();

	/**
	 * The host's PostgreSQL data source; plugins keep to tables with their own prefix.
	 */
	DataSource dataSource();

	/**
	 * The host's data source for the plugin's schema migration at start (host API 1.4.0).
	 * The host may open the sessions of {@link #dataSource()} with a server-side
	 * statement timeout, which a change set over a large table could exceed and so stop
	 * the plugin starting: the sessions of this one carry none, and the host restores its
	 * own setting before a connection goes back to its pool. Only migrations use it.
	 */
	DataSource schemaChangeDataSource();

	/** Keyed operations on named secrets the host holds for this plugin. */
	Secrets secrets();

	/** Registration of routes, templates and the bearer-token introspector. */
	PluginWebRegistry web();

	/** Who is calling, for the request being served on the current thread. */
	RequestIdentity requestIdentity();

	/**
	 * The host's application context, to be the parent of the plugin's own child context
	 * (Spring events of the host do not cross into it: lifecycle goes through
	 * extensions).
	 */
	ApplicationContext applicationContext();

	/**
	 * The host's Micrometer registry, as seen by this plugin (host API 1.2.0): meters the
	 * plugin registers are published with the host's (its Prometheus endpoint, for
	 * example) and removed when the plugin stops, so a reload neither leaks nor doubles
	 * them. Plugins name their meters with a prefix of their own and bounded tag values.
	 */
	MeterRegistry meterRegistry();

	/**
	 * Where the plugin adds health checks that join the host's health (host API 1.2.0).
	 */
	PluginHealth health();

	/**
	 * The host's OpenTelemetry (host API 1.2.0), so that a plugin's spans join the host's
	 * traces and go wherever the host exports them. A no-op when the host exports
	 * nothing: spans then cost next to nothing. Plugins never build an SDK of their own.
	 */
	OpenTelemetry openTelemetry();

}
