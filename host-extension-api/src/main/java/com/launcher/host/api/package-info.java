/**
 * The contract between a Launcher host and its PF4J plugins.
 *
 * <p>
 * A plugin extends {@link com.launcher.host.api.LauncherPlugin} and receives a
 * {@link com.launcher.host.api.LauncherPluginContext} from the host: the user directory,
 * the Tasker client, web and security registration, the data source, named secrets, the
 * host's meter registry, health checks and OpenTelemetry. Nothing here exposes a
 * credential of the host.
 */
package com.launcher.host.api;
