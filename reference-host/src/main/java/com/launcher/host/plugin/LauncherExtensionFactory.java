package com.launcher.host.plugin;

import com.launcher.host.api.LauncherPlugin;
import org.pf4j.DefaultExtensionFactory;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Lets a {@link LauncherPlugin} supply its extension instances (typically beans of its
 * own Spring context); falls back to PF4J's no-argument construction.
 */
class LauncherExtensionFactory implements ExtensionFactory {

	private final PluginManager pluginManager;

	private final ExtensionFactory fallback = new DefaultExtensionFactory();

	LauncherExtensionFactory(PluginManager pluginManager) {
		this.pluginManager = pluginManager;
	}

	@Override
	public <T> T create(Class<T> extensionClass) {
		PluginWrapper wrapper = this.pluginManager.whichPlugin(extensionClass);
		if (wrapper != null && wrapper.getPlugin() instanceof LauncherPlugin plugin) {
			return plugin.extension(extensionClass).orElseGet(() -> this.fallback.create(extensionClass));
		}
		return this.fallback.create(extensionClass);
	}

}
