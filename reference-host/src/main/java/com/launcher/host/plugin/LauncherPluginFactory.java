package com.launcher.host.plugin;

import java.lang.reflect.Constructor;
import java.util.function.Function;

import com.launcher.host.api.LauncherPlugin;
import com.launcher.host.api.LauncherPluginContext;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Constructs a plugin's main class with the {@link LauncherPluginContext} the host made
 * for it. A class that is not a {@link LauncherPlugin} is refused.
 */
class LauncherPluginFactory implements PluginFactory {

	private final Function<PluginWrapper, LauncherPluginContext> contexts;

	LauncherPluginFactory(Function<PluginWrapper, LauncherPluginContext> contexts) {
		this.contexts = contexts;
	}

	@Override
	public Plugin create(PluginWrapper wrapper) {
		String className = wrapper.getDescriptor().getPluginClass();
		try {
			Class<?> pluginClass = wrapper.getPluginClassLoader().loadClass(className);
			if (!LauncherPlugin.class.isAssignableFrom(pluginClass)) {
				throw new PluginRuntimeException("Plugin class {} does not extend LauncherPlugin", className);
			}
			Constructor<?> constructor = pluginClass.getConstructor(LauncherPluginContext.class);
			return (Plugin) constructor.newInstance(this.contexts.apply(wrapper));
		}
		catch (ReflectiveOperationException ex) {
			throw new PluginRuntimeException(ex, "Cannot construct plugin class {}", className);
		}
	}

}
