/**
 * Plain PF4J plugin hosting: loading zips (or module build output in development mode),
 * constructing plugins with their {@link com.launcher.host.api.LauncherPluginContext},
 * starting and stopping them one by one, and the host's plugin admin API.
 */
package com.launcher.host.plugin;
